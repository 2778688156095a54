using Terminal.Host.Systemd;

namespace Terminal.Host.Tests.Systemd;

public sealed class SystemdEnvironmentTests
{
    [Fact]
    public void Read_WatchdogUsec_PetsAtHalf()
    {
        var env = Read(("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", "20000000"));

        Assert.Equal("/run/systemd/notify", env.NotifySocket);
        Assert.Equal(TimeSpan.FromSeconds(20), env.WatchdogTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), env.PetInterval);
    }

    [Fact]
    public void Read_WatchdogPidOfAnotherProcess_DisablesWatchdog()
    {
        var env = Read(("NOTIFY_SOCKET", "@x"), ("WATCHDOG_USEC", "20000000"), ("WATCHDOG_PID", "4321"));

        Assert.Null(env.WatchdogTimeout);
    }

    [Fact]
    public void Read_WatchdogPidOfThisProcess_KeepsWatchdog()
    {
        var env = Read(("NOTIFY_SOCKET", "@x"), ("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "1234"));

        Assert.Equal(TimeSpan.FromSeconds(1), env.WatchdogTimeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    public void Read_InvalidWatchdogUsec_DisablesWatchdog(string usec)
    {
        Assert.Null(Read(("WATCHDOG_USEC", usec)).WatchdogTimeout);
    }

    [Fact]
    public void Read_NoVariables_IsNotUnderSystemd()
    {
        Assert.Equal(SystemdEnvironment.None, Read());
    }

    private static SystemdEnvironment Read(params (string Name, string Value)[] variables) =>
        SystemdEnvironment.Read(name => variables.FirstOrDefault(v => v.Name == name).Value, processId: 1234);
}
