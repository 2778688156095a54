namespace Terminal.TestUtils.Time;

/// <summary>
/// A manual clock for tests: time moves only through <see cref="Advance"/>, and timers due by then
/// fire in order, on the calling thread. (Microsoft.Extensions.TimeProvider.Testing is not served
/// on our build machines.)
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private long _ticks;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    /// <summary>Sets the wall clock without moving monotonic time (a clock step, as NTP does).</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            _now = value;
        }
    }

    /// <summary>Whether some timer is due within <paramref name="fromNow"/> (e.g. a worker now waits on a pause of that length).</summary>
    public bool HasTimerDueWithin(TimeSpan fromNow)
    {
        lock (_gate)
        {
            return _timers.Any(t => t.DueTicks <= _ticks + fromNow.Ticks);
        }
    }

    /// <summary>Moves time forward, firing each timer when its due time is reached.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        long target;
        lock (_gate)
        {
            target = _ticks + delta.Ticks;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueTicks <= target).MinBy(t => t.DueTicks);
                if (next is null)
                {
                    _now += TimeSpan.FromTicks(target - _ticks);
                    _ticks = target;
                    return;
                }

                _now += TimeSpan.FromTicks(Math.Max(0, next.DueTicks - _ticks));
                _ticks = Math.Max(_ticks, next.DueTicks);
                next.Reschedule();
            }

            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _periodTicks;

        public long DueTicks { get; private set; } = long.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueTicks = owner._ticks + Math.Max(0, dueTime.Ticks);
                _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                owner._timers.Add(this);
                return true;
            }
        }

        /// <summary>Called under the owner's lock just before firing.</summary>
        public void Reschedule()
        {
            owner._timers.Remove(this);
            if (_periodTicks > 0)
            {
                DueTicks += _periodTicks;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
