using System.Device.Gpio;

namespace Terminal.Hardware.Gpio.Controller;

/// <summary>One open pin of a <see cref="ChipGpioDriver"/>: its line request, mode, edge listeners.</summary>
internal sealed class DriverPin(IGpioChip chip, int offset, string consumer) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(PinEventTypes Types, PinChangeEventHandler Callback)> _callbacks = [];
    private readonly List<(PinEventTypes Types, TaskCompletionSource<WaitForEventResult> Done)> _waiters = [];
    private IGpioLineRequest? _request;
    private CancellationTokenSource? _listening;

    /// <summary>The mode last set; an open pin without one reads as an input.</summary>
    public PinMode Mode { get; private set; } = PinMode.Input;

    public void SetMode(PinMode mode, PinValue initialValue)
    {
        lock (_gate)
        {
            Release();
            Mode = mode;
            var config = mode switch
            {
                PinMode.Output => new GpioLineConfig(offset, GpioDirection.Output, InitialValue: initialValue == PinValue.High),
                PinMode.InputPullUp => Input(GpioBias.PullUp),
                PinMode.InputPullDown => Input(GpioBias.PullDown),
                _ => Input(GpioBias.AsIs),
            };
            _request = chip.RequestLines(new GpioRequest(consumer, [config]));
            if (mode != PinMode.Output)
            {
                _listening = new CancellationTokenSource();
                _ = ListenAsync(_request, _listening.Token);
            }
        }
    }

    public PinValue Read() => Request().GetValue(offset) ? PinValue.High : PinValue.Low;

    public void Write(PinValue value)
    {
        if (Mode != PinMode.Output)
        {
            throw new InvalidOperationException($"line {offset} of {chip.Name} is an input ({Mode}); set it to Output first");
        }

        Request().SetValue(offset, value == PinValue.High);
    }

    public ValueTask<WaitForEventResult> WaitForEventAsync(PinEventTypes types, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<WaitForEventResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((types, done));
        }

        var registration = cancellationToken.Register(() => done.TrySetResult(new WaitForEventResult { TimedOut = true }));
        return new ValueTask<WaitForEventResult>(done.Task.ContinueWith(
            t =>
            {
                registration.Dispose();
                lock (_gate)
                {
                    _waiters.RemoveAll(w => w.Done == done);
                }

                return t.Result;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default));
    }

    public void AddCallback(PinEventTypes types, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.Add((types, callback));
        }
    }

    public void RemoveCallback(PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.RemoveAll(c => c.Callback == callback);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Release();
            foreach (var (_, done) in _waiters)
            {
                done.TrySetResult(new WaitForEventResult { TimedOut = true });
            }
        }
    }

    private GpioLineConfig Input(GpioBias bias) => new(offset, GpioDirection.Input, bias, Edges: GpioEdges.Both);

    /// <summary>A pin read before it has a mode is claimed as an input, leaving its bias as it is.</summary>
    private IGpioLineRequest Request()
    {
        lock (_gate)
        {
            if (_request is null)
            {
                SetMode(PinMode.Input, PinValue.Low);
            }

            return _request!;
        }
    }

    private void Release()
    {
        _listening?.Cancel();
        _listening?.Dispose();
        _listening = null;
        _request?.Dispose();
        _request = null;
    }

    private async Task ListenAsync(IGpioLineRequest request, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var edge = await request.ReadEdgeAsync(stop).ConfigureAwait(false);
                Dispatch(edge.Kind == EdgeKind.Rising ? PinEventTypes.Rising : PinEventTypes.Falling);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Threading.Channels.ChannelClosedException or GpioException)
        {
            // The request was released (mode change, close): its edges end here.
        }
    }

    private void Dispatch(PinEventTypes type)
    {
        PinChangeEventHandler[] callbacks;
        lock (_gate)
        {
            callbacks = [.. _callbacks.Where(c => (c.Types & type) != 0).Select(c => c.Callback)];
            foreach (var (_, done) in _waiters.Where(w => (w.Types & type) != 0))
            {
                done.TrySetResult(new WaitForEventResult { EventTypes = type });
            }
        }

        var args = new PinValueChangedEventArgs(type, offset);
        foreach (var callback in callbacks)
        {
            callback(this, args);
        }
    }
}
