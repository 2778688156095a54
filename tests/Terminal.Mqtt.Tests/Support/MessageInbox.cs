using System.Collections.Concurrent;

namespace Terminal.Mqtt.Tests.Support;

/// <summary>Collects what a test subscriber receives; waits on a count with a deadline.</summary>
internal sealed class MessageInbox
{
    private readonly ConcurrentQueue<MqttApplicationMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<MqttApplicationMessage> Messages => [.. _messages];

    public Task Handle(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        _arrived.Release();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<MqttApplicationMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                Assert.Fail($"expected {count} messages, got {_messages.Count}");
            }
        }

        return Messages;
    }
}
