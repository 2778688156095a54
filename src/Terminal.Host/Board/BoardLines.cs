using Microsoft.Extensions.Logging;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;

namespace Terminal.Host.Board;

/// <summary>
/// The board's lines, claimed for the life of the host: keys and the badge reader as inputs,
/// LEDs and buzzer as outputs. Edges are read one at a time (<see cref="ReadEdgeAsync"/>) and
/// handed to <see cref="EdgeRouter"/>.
/// </summary>
internal sealed partial class BoardLines : IDisposable
{
    private const string Consumer = "terminal";
    private readonly IGpioChip _chip;
    private readonly IGpioLineRequest _inputs;
    private readonly IGpioLineRequest? _outputs;
    private readonly ILogger<BoardLines> _logger;
    private readonly Dictionary<string, int> _ledLines;

    public BoardLines(BoardDefinition board, IGpioChipProvider chips, ILogger<BoardLines> logger)
    {
        Board = board;
        _logger = logger;
        _chip = chips.Open(board.Chip);
        var outOfRange = board.Lines.Where(l => l >= _chip.LineCount).ToList();
        if (outOfRange.Count > 0)
        {
            _chip.Dispose();
            throw new BoardFileException(board.Source, "lines", $"line(s) {string.Join(", ", outOfRange)} do not exist on {_chip.Name} \"{_chip.Label}\" ({_chip.LineCount} lines)");
        }

        _inputs = _chip.RequestLines(new GpioRequest(Consumer, InputLines(board).ToList()));
        var outputs = OutputLines(board).ToList();
        _outputs = outputs.Count == 0 ? null : _chip.RequestLines(new GpioRequest(Consumer, outputs));
        _ledLines = board.Keys.Where(k => k.Led is not null).ToDictionary(k => k.Name, k => k.Led!.Value, StringComparer.Ordinal);
        LogClaimed(_chip.Name, _chip.Label, board.Name);
    }

    public BoardDefinition Board { get; }

    /// <summary>The board's chip, for devices that need lines of their own (a reader module's reset line).</summary>
    public IGpioChip Chip => _chip;

    /// <summary>Sets a key's LED.</summary>
    public void SetLed(string key, bool on)
    {
        if (_outputs is not null && _ledLines.TryGetValue(key, out var line))
        {
            _outputs.SetValue(line, on);
        }
    }

    /// <summary>Sets the buzzer.</summary>
    public void SetBuzzer(bool on)
    {
        if (_outputs is not null && Board.Buzzer is { } buzzer)
        {
            _outputs.SetValue(buzzer.Line, on);
        }
    }

    /// <summary>Whether an input line is active now (a key held down at start-up).</summary>
    public bool IsActive(int line) => _inputs.GetValue(line);

    /// <summary>The output request, for indicator patterns.</summary>
    public IGpioLineRequest? Outputs => _outputs;

    /// <summary>The next edge on an input line, or null when none came within <paramref name="wait"/>.</summary>
    public async Task<EdgeEvent?> ReadEdgeAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(wait);
        try
        {
            return await _inputs.ReadEdgeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _inputs.Dispose();
        _outputs?.Dispose();
        _chip.Dispose();
    }

    private static IEnumerable<GpioLineConfig> InputLines(BoardDefinition board)
    {
        foreach (var key in board.Keys)
        {
            yield return new GpioLineConfig(key.Line, GpioDirection.Input, key.Bias, key.ActiveLow, GpioEdges.Both);
        }

        if (board.Wiegand is { } reader)
        {
            // Wiegand data lines idle high and pulse low: active-low, so a pulse starts with a rising edge.
            yield return new GpioLineConfig(reader.D0, GpioDirection.Input, reader.Bias, ActiveLow: true, GpioEdges.Both);
            yield return new GpioLineConfig(reader.D1, GpioDirection.Input, reader.Bias, ActiveLow: true, GpioEdges.Both);
        }
    }

    private static IEnumerable<GpioLineConfig> OutputLines(BoardDefinition board)
    {
        foreach (var key in board.Keys.Where(k => k.Led is not null))
        {
            yield return new GpioLineConfig(key.Led!.Value, GpioDirection.Output, ActiveLow: board.LedsActiveLow);
        }

        if (board.Buzzer is { } buzzer)
        {
            yield return new GpioLineConfig(buzzer.Line, GpioDirection.Output, ActiveLow: buzzer.ActiveLow);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed GPIO lines on {Chip} \"{Label}\" for board {Board}")]
    private partial void LogClaimed(string chip, string label, string board);
}
