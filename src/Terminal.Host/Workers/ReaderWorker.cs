using Microsoft.Extensions.Logging;
using Terminal.Hardware.Readers;
using Terminal.Host.Board;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Workers;

/// <summary>
/// Runs every staff card reader besides Wiegand, one task each (the bindings block for
/// milliseconds per poll), and posts what they report to the loop. Readers report their own
/// failures as outcomes; a reader task that ends anyway fails the iteration and is started again.
/// </summary>
internal sealed partial class ReaderWorker(StaffReaders readers, TerminalLoop loop, WorkerSupport support, ILogger<ReaderWorker> logger)
    : SupervisedWorker("readers", support)
{
    private readonly Dictionary<Task, IStaffCardReader> _running = [];

    protected override Task StartingAsync(CancellationToken stoppingToken)
    {
        foreach (var reader in readers.Readers)
        {
            Start(reader, stoppingToken);
        }

        return Task.CompletedTask;
    }

    protected override async Task IterateAsync(CancellationToken stoppingToken)
    {
        var ended = await Task.WhenAny([.. _running.Keys, Task.Delay(BeatInterval, Time, stoppingToken)]).ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
        if (_running.Remove(ended, out var reader))
        {
            Start(reader, stoppingToken);
            await ended.ConfigureAwait(false); // a fault is the iteration's failure, logged with its reason
            throw new InvalidOperationException($"reader {reader.Name} stopped reading; started again");
        }
    }

    protected override async Task StoppedAsync() => await Task.WhenAll(_running.Keys).ConfigureAwait(false);

    private void Start(IStaffCardReader reader, CancellationToken stoppingToken) =>
        _running.Add(Task.Run(() => ReadAsync(reader, stoppingToken), CancellationToken.None), reader);

    private async Task ReadAsync(IStaffCardReader reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var outcome in reader.ReadAsync(stoppingToken).ConfigureAwait(false))
            {
                var input = ReaderOutcomes.ToInput(reader, outcome);
                if (input is CardSwipe swipe)
                {
                    LogCard(reader.Name, swipe.Swipe.Format, swipe.Swipe.Masked);
                }

                loop.Post(input);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge read on {Reader}: {Format} card {Card}")]
    private partial void LogCard(string reader, string format, string card);
}
