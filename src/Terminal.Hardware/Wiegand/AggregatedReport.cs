namespace Terminal.Hardware.Wiegand;

/// <summary>
/// Rate limit for repeated faults (noise, overflow): the first is reported at once, later ones are
/// counted and reported together at most once per interval, so a broken reader cannot flood the
/// event buffer. Callers hold the gate lock given to the constructor when calling <see cref="Add"/>.
/// Used by the Wiegand decoder and the keyboard readers (<typeparamref name="TOutcome"/>: their outcome type).
/// </summary>
internal sealed class AggregatedReport<TOutcome> : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate;
    private readonly Func<int, long, string, TOutcome> _make;
    private readonly Action<TOutcome> _emit;
    private readonly ITimer _timer;
    private long? _lastReport;
    private bool _armed;
    private int _count;
    private long _amount;
    private string _reason = "";

    public AggregatedReport(TimeProvider time, TimeSpan interval, Lock gate, Func<int, long, string, TOutcome> make, Action<TOutcome> emit)
    {
        _time = time;
        _interval = interval;
        _gate = gate;
        _make = make;
        _emit = emit;
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Add(long amount, string reason)
    {
        _count++;
        _amount += amount;
        _reason = reason;
        if (_lastReport is not { } last || _time.GetElapsedTime(last) >= _interval)
        {
            Flush();
        }
        else if (!_armed)
        {
            _armed = true;
            _timer.Change(_interval - _time.GetElapsedTime(last), Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void OnTimer()
    {
        lock (_gate)
        {
            _armed = false;
            Flush();
        }
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var outcome = _make(_count, _amount, _reason);
        _count = 0;
        _amount = 0;
        _lastReport = _time.GetTimestamp();
        _emit(outcome);
    }
}
