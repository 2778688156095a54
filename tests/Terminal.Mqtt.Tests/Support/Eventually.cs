namespace Terminal.Mqtt.Tests.Support;

/// <summary>Waits for a condition with a deadline (no blind sleeps in tests).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout} waiting for: {what}");
            }

            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
