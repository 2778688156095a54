using Terminal.Hardware.Gpio;

namespace Terminal.Hardware.Indicators;

/// <summary>
/// Plays <see cref="IndicatorPattern"/>s on one output line (an LED or the buzzer) through
/// <see cref="IGpioLineRequest.SetValue"/>, timed by a <see cref="TimeProvider"/>. A new pattern
/// replaces the one playing at once; <see cref="Dispose"/> stops and turns the output off.
/// </summary>
public sealed class IndicatorOutput : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IGpioLineRequest _request;
    private readonly int _offset;
    private readonly ITimer _timer;
    private readonly TimeProvider _time;
    private long _stepStarted;
    private IndicatorPattern _pattern = IndicatorPattern.Off;
    private int _step;
    private bool _disposed;

    /// <summary>Drives line <paramref name="offset"/> of <paramref name="request"/> (requested as an output).</summary>
    public IndicatorOutput(IGpioLineRequest request, int offset, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        _request = request;
        _offset = offset;
        _time = time;
        _timer = time.CreateTimer(_ => OnStepDone(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The pattern playing (or the last one played).</summary>
    public IndicatorPattern Current
    {
        get
        {
            lock (_gate)
            {
                return _pattern;
            }
        }
    }

    /// <summary>Starts <paramref name="pattern"/>, replacing whatever is playing.</summary>
    public void Play(IndicatorPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pattern = pattern;
            _step = 0;
            Apply();
        }
    }

    /// <summary>Stops the pattern and turns the output off.</summary>
    public void Stop() => Play(IndicatorPattern.Off);

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            _request.SetValue(_offset, false);
        }
    }

    private void OnStepDone()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // A callback queued before Play replaced the pattern: wait out the current step.
            if (_step < _pattern.Steps.Count && _time.GetElapsedTime(_stepStarted) is var done && done < _pattern.Steps[_step].Duration)
            {
                _timer.Change(_pattern.Steps[_step].Duration - done, Timeout.InfiniteTimeSpan);
                return;
            }

            _step++;
            if (_step >= _pattern.Steps.Count && _pattern.Repeats)
            {
                _step = 0;
            }

            Apply();
        }
    }

    private void Apply()
    {
        if (_step >= _pattern.Steps.Count)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _request.SetValue(_offset, _pattern.FinalOn);
            return;
        }

        var step = _pattern.Steps[_step];
        _request.SetValue(_offset, step.On);
        _stepStarted = _time.GetTimestamp();
        _timer.Change(step.Duration, Timeout.InfiniteTimeSpan);
    }
}
