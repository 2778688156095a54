using Microsoft.Extensions.Logging;
using Terminal.Configuration;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Readers;
using Terminal.Host.Board;
using Terminal.Storage;

namespace Terminal.Host.Device;

/// <summary>
/// What the terminal must hold before anything runs: the durable buffer open and the board's lines
/// claimed (a terminal that cannot store or sense must not report ready, SPEC §7). Disposing
/// releases both.
/// </summary>
internal sealed class DeviceResources : IAsyncDisposable
{
    private DeviceResources(EventBuffer buffer, BoardLines lines, SimulatedGpioChip? simulatedChip, SimulatedReaders? simulatedReaders)
    {
        Buffer = buffer;
        Lines = lines;
        SimulatedChip = simulatedChip;
        SimulatedReaders = simulatedReaders;
    }

    public EventBuffer Buffer { get; }

    public BoardLines Lines { get; }

    /// <summary>The simulated chip under <c>--simulate</c>, or null on a device.</summary>
    public SimulatedGpioChip? SimulatedChip { get; }

    /// <summary>The simulated staff card readers under <c>--simulate</c>, or null on a device.</summary>
    public SimulatedReaders? SimulatedReaders { get; }

    /// <summary>Opens the buffer, then claims the lines; nothing stays open when either fails.</summary>
    public static async Task<DeviceResources> OpenAsync(TerminalOptions options, BoardDefinition board, ILoggerFactory startupLogs)
    {
        Directory.CreateDirectory(options.DataDir);
        var buffer = await EventBuffer.OpenAsync(
            new EventBufferOptions { DataDirectory = options.DataDir, MaxEvents = options.Buffer.MaxEvents, MaxBytes = options.Buffer.MaxBytes },
            TimeProvider.System,
            startupLogs.CreateLogger<EventBuffer>(),
            CancellationToken.None).ConfigureAwait(false);
        try
        {
            var simulated = options.Simulate ? new SimulatedGpioChip(board.Chip, Math.Max(32, board.Lines.Max() + 1)) : null;
            IGpioChipProvider chips = simulated is null ? new LinuxGpioChipProvider() : new SingleChipProvider(simulated);
            var readers = options.Simulate ? new SimulatedReaders(board.Readers, TimeProvider.System) : null;
            return new DeviceResources(buffer, new BoardLines(board, chips, startupLogs.CreateLogger<BoardLines>()), simulated, readers);
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Lines.Dispose();
        await Buffer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The simulated chip, whatever label the board asks for.</summary>
    private sealed class SingleChipProvider(SimulatedGpioChip chip) : IGpioChipProvider
    {
        public IGpioChip Open(string label) =>
            label == chip.Label ? chip : throw new GpioException($"no GPIO chip labelled \"{label}\"; the simulator has \"{chip.Label}\"");
    }
}
