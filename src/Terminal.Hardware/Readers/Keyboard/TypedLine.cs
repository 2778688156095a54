using System.Text;
using Terminal.Hardware.Wiegand;

namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>
/// Assembles a keyboard reader's key presses into lines: digits until Enter become a card; a letter
/// or symbol, too many digits, or no Enter within the timeout make the line noise, counted and
/// reported (aggregated) as <see cref="ReaderNoise"/>, never a card. Modifier keys are ignored.
/// </summary>
internal sealed class TypedLine : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _reader;
    private readonly TypedCardFormat _format;
    private readonly TimeSpan _enterTimeout;
    private readonly Action<ReaderOutcome> _emit;
    private readonly AggregatedReport<ReaderOutcome> _noise;
    private readonly ITimer _timeout;
    private readonly StringBuilder _digits = new();
    private bool _inLine;
    private string? _rejected;

    public TypedLine(string reader, TypedCardFormat format, KeyboardReaderOptions options, TimeProvider time, Action<ReaderOutcome> emit)
    {
        _reader = reader;
        _format = format;
        _enterTimeout = options.EnterTimeout;
        _emit = emit;
        _noise = new AggregatedReport<ReaderOutcome>(time, options.NoiseReportInterval, _gate, (n, _, why) => new ReaderNoise(reader, n, why), emit);
        _timeout = time.CreateTimer(_ => OnTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Takes one key press.</summary>
    public void Key(ushort code)
    {
        lock (_gate)
        {
            if (KeyCodes.IsModifier(code))
            {
                return;
            }

            if (KeyCodes.IsEnter(code))
            {
                EndLine();
                return;
            }

            if (!_inLine)
            {
                _inLine = true;
                _timeout.Change(_enterTimeout, Timeout.InfiniteTimeSpan);
            }

            if (KeyCodes.Digit(code) is not { } digit)
            {
                _rejected ??= "a letter or symbol was typed";
            }
            else if (_digits.Length >= _format.MaxDigits)
            {
                _rejected ??= $"more than {_format.MaxDigits} digits";
            }
            else
            {
                _digits.Append(digit);
            }
        }
    }

    /// <summary>The device went away: a line in progress is noise.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            if (_inLine)
            {
                Reject("the reader went away in the middle of a card");
            }
        }
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _noise.Dispose();
    }

    private void EndLine()
    {
        if (!_inLine)
        {
            return; // a lone Enter is nothing
        }

        if (_rejected is { } reason)
        {
            Reject(reason);
            return;
        }

        var card = _format.Decode(_digits.ToString(), out var why);
        if (card is null)
        {
            Reject(why);
            return;
        }

        Reset();
        _emit(new CardPresented(_reader, card));
    }

    private void OnTimeout()
    {
        lock (_gate)
        {
            if (_inLine)
            {
                Reject($"no Enter within {_enterTimeout.TotalSeconds:0.##} s");
            }
        }
    }

    private void Reject(string reason)
    {
        Reset();
        _noise.Add(1, reason);
    }

    private void Reset()
    {
        _timeout.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _digits.Clear();
        _inLine = false;
        _rejected = null;
    }
}
