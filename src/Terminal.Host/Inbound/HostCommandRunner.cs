using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Terminal.Core.Commands;
using Terminal.Host.Loop;
using Terminal.Host.Outbound;
using Terminal.Host.SelfTest;
using Terminal.Host.Updates;

namespace Terminal.Host.Inbound;

/// <summary>
/// Commands the core parses but the host carries out (SPEC §5.4): <c>status.get</c> at once;
/// <c>selftest.run</c> and <c>update.apply</c> off the MQTT dispatch loop, each within a time bound,
/// so later commands and roster updates are never held up behind them. One update at a time: a
/// second <c>update.apply</c> while one runs is refused with <c>busy</c>.
/// </summary>
internal sealed partial class HostCommandRunner(
    StatusReporter reporter,
    SelfTestRunner selfTest,
    UpdateStager updates,
    TimeProvider time,
    ILogger<HostCommandRunner> logger) : IAsyncDisposable
{
    /// <summary>The longest a self-test run may take before it is answered as failed.</summary>
    public static readonly TimeSpan SelfTestBound = TimeSpan.FromMinutes(2);

    /// <summary>The longest fetching and checking a package may take (tens of MB on a slow hall LAN).</summary>
    public static readonly TimeSpan UpdateBound = TimeSpan.FromMinutes(15);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private DateTimeOffset? _updateSince;

    /// <summary>Starts the host's part of <paramref name="outcome"/>; <paramref name="answer"/> sends the result when it is known.</summary>
    public void Start(CommandOutcome outcome, LoopSnapshot snapshot, Func<CommandResult, Task> answer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.HostCommand)
        {
            case StatusGetCommand:
                Track(answer(CommandResult.Success(outcome.Id, new JsonObject { ["status"] = reporter.Current(snapshot).ToJsonNode() })));
                break;
            case SelfTestCommand:
                // ok: the self-test ran; its "passed" field says whether the hardware did.
                Run(outcome, "selftest.run", SelfTestBound, async ct => CommandResult.Success(outcome.Id, await selfTest.RunForCommandAsync(ct).ConfigureAwait(false)), answer);
                break;
            case UpdateApplyCommand when !TryBeginUpdate(out var since):
                Track(answer(CommandResult.Failure(outcome.Id, new CommandError(CommandError.Busy, $"an update.apply started at {since:O} is still running; send it again once it has answered"))));
                break;
            case UpdateApplyCommand update:
                Run(outcome, "update.apply", UpdateBound, ct => StageAsync(outcome, update, ct), answer);
                break;
            default:
                Track(answer(CommandResult.Failure(outcome.Id, new CommandError(CommandError.UnknownCommand, $"{outcome.HostCommand?.GetType().Name ?? "command"} is not handled by this terminal"))));
                break;
        }
    }

    /// <summary>Cancels what still runs and waits for it (answers may still go out).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task<CommandResult> StageAsync(CommandOutcome outcome, UpdateApplyCommand update, CancellationToken ct)
    {
        try
        {
            return await updates.StageAsync(update, ct).ConfigureAwait(false) is { } refused
                ? CommandResult.Failure(outcome.Id, refused)
                : CommandResult.Success(outcome.Id, new JsonObject
                {
                    ["staged"] = updates.UpdatesDirectory,
                    ["next"] = "verified and staged; the updater installs it with rollback and records the outcome in last-update.json",
                });
        }
        finally
        {
            lock (_gate)
            {
                _updateSince = null;
            }
        }
    }

    private bool TryBeginUpdate(out DateTimeOffset since)
    {
        lock (_gate)
        {
            if (_updateSince is { } running)
            {
                since = running;
                return false;
            }

            since = time.GetUtcNow();
            _updateSince = since;
            return true;
        }
    }

    private void Run(CommandOutcome outcome, string name, TimeSpan bound, Func<CancellationToken, Task<CommandResult>> work, Func<CommandResult, Task> answer) =>
        Track(Task.Run(async () =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            limit.CancelAfter(bound);
            CommandResult result;
            try
            {
                result = await work(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                var why = _stopping.IsCancellationRequested ? "the terminal is stopping" : $"it took longer than {bound:c}";
                LogAbandoned(name, why);
                result = CommandResult.Failure(outcome.Id, new CommandError(CommandError.Failed, $"{name} was abandoned: {why}"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(e, name);
                result = CommandResult.Failure(outcome.Id, new CommandError(CommandError.Failed, $"{name} failed: {e.Message}"));
            }

            await answer(result).ConfigureAwait(false);
        }));

    private void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} abandoned: {Why}")]
    private partial void LogAbandoned(string command, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} failed")]
    private partial void LogFailed(Exception error, string command);
}
