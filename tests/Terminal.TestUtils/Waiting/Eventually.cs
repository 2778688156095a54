using Xunit;

namespace Terminal.TestUtils.Waiting;

/// <summary>Waits for a condition with a deadline (no blind sleeps in tests).</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
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
