using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Terminal.Host.SelfTest;

/// <summary>
/// The non-interactive self-test (deploy/README.md#on-the-device, docs/command-line.md <c>selftest --non-interactive</c>, docs/mqtt.md#commands <c>selftest.run</c>):
/// runs every check in order, one run at a time, a check that throws counting as a failed part.
/// </summary>
internal sealed partial class SelfTestRunner(
    IEnumerable<ISelfTestCheck> checks,
    string board,
    TimeProvider time,
    ILogger<SelfTestRunner> logger)
{
    private readonly IReadOnlyList<ISelfTestCheck> _checks = [.. checks];

    // Two runs at once would toggle the same output lines against each other.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<SelfTestReport> RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var at = time.GetUtcNow();
            // Checks do small blocking I/O (a probe file, GPIO ioctls): off the caller's thread.
            var parts = await Task.Run(() => _checks.SelectMany(Run).ToList(), cancellationToken).ConfigureAwait(false);
            var report = new SelfTestReport(at, board, parts);
            LogRan(report.Passed, parts.Count(p => !p.Passed), parts.Count);
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// For the MQTT <c>selftest.run</c> command: the fields to add to the <c>{"id":…,"ok":true}</c> reply
    /// (<c>passed</c>, <c>at</c>, <c>board</c>, <c>parts</c>). <c>ok</c> says the command ran; <c>passed</c> says the hardware did.
    /// </summary>
    public async Task<JsonObject> RunForCommandAsync(CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken).ConfigureAwait(false)).ToJson();

    private IEnumerable<SelfTestPart> Run(ISelfTestCheck check)
    {
        try
        {
            return check.Run().ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogCheckFailed(e, check.Name);
            return [SelfTestPart.Fail(check.Name, $"the check could not run: {e.Message}")];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Self-test ran: passed {Passed}, {Failed} of {Parts} part(s) failed")]
    private partial void LogRan(bool passed, int failed, int parts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Self-test check {Check} threw")]
    private partial void LogCheckFailed(Exception error, string check);
}
