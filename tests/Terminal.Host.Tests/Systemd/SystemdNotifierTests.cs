using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Host.Systemd;

namespace Terminal.Host.Tests.Systemd;

public sealed class SystemdNotifierTests
{
    [Fact]
    public void Ready_ToPathSocket_SendsReadyWithStatus()
    {
        using var listener = NotifyListener.AtPath();
        using var notifier = Notifier(listener.Address);

        notifier.Ready("buffer open, hardware claimed");

        Assert.Equal("READY=1\nSTATUS=buffer open, hardware claimed", listener.Receive());
    }

    [Fact]
    public void Ready_ToAbstractSocket_IsDelivered()
    {
        using var listener = NotifyListener.Abstract();
        using var notifier = Notifier(listener.Address);

        notifier.Ready();

        Assert.Equal("READY=1", listener.Receive());
    }

    [Fact]
    public void Stopping_SendsStopping()
    {
        using var listener = NotifyListener.AtPath();
        using var notifier = Notifier(listener.Address);

        notifier.Stopping();

        Assert.Equal("STOPPING=1", listener.Receive());
    }

    [Fact]
    public void Status_WithNewline_StaysOneAssignment()
    {
        using var listener = NotifyListener.AtPath();
        using var notifier = Notifier(listener.Address);

        notifier.Status("line one\nREADY=1");

        Assert.Equal("STATUS=line one READY=1", listener.Receive());
    }

    [Fact]
    public void Notify_WithoutNotifySocket_IsNoOp()
    {
        using var notifier = new SystemdNotifier(SystemdEnvironment.None, NullLogger<SystemdNotifier>.Instance);

        notifier.Ready();
        notifier.Watchdog();

        Assert.False(notifier.IsEnabled);
    }

    [Fact]
    public void Notify_WhenNobodyListens_DoesNotThrow()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-notify-" + Guid.NewGuid().ToString("N"));
        using var notifier = Notifier(missing);

        notifier.Ready();

        Assert.True(notifier.IsEnabled);
    }

    [Fact]
    public void ReadinessGate_MarkReadyTwice_SendsReadyOnce()
    {
        using var listener = NotifyListener.AtPath();
        using var notifier = Notifier(listener.Address);
        var gate = new ReadinessGate(notifier);

        gate.MarkReady("first");
        gate.MarkReady("second");
        notifier.Status("probe");

        Assert.Equal("READY=1\nSTATUS=first", listener.Receive());
        Assert.Equal("STATUS=probe", listener.Receive());
        Assert.True(gate.WhenReady.IsCompletedSuccessfully);
    }

    private static SystemdNotifier Notifier(string address) =>
        new(new SystemdEnvironment(address, null), NullLogger<SystemdNotifier>.Instance);
}
