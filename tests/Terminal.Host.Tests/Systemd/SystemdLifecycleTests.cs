using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Host.Systemd;

namespace Terminal.Host.Tests.Systemd;

public sealed class SystemdLifecycleTests
{
    [Fact]
    public async Task Host_WithSystemdIntegration_SaysReadyWhenMarkedAndStoppingOnStop()
    {
        using var listener = NotifyListener.AtPath();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSystemdIntegration(new SystemdEnvironment(listener.Address, null));
        using var host = builder.Build();

        await host.StartAsync();
        host.Services.GetRequiredService<ReadinessGate>().MarkReady("buffer open");
        Assert.Equal("READY=1\nSTATUS=buffer open", listener.Receive());

        await host.StopAsync();
        Assert.Equal("STOPPING=1\nSTATUS=stopping", listener.Receive());
    }

    [Fact]
    public async Task FatalStop_SetsFailureExitCodeAndStopsHost()
    {
        using var listener = NotifyListener.AtPath();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSystemdIntegration(new SystemdEnvironment(listener.Address, null));
        using var host = builder.Build();
        await host.StartAsync();
        var previous = Environment.ExitCode;

        try
        {
            host.Services.GetRequiredService<FatalStop>().Stop("publisher", new IOException("disk gone"));

            Assert.Equal("STATUS=failed: publisher gave up", listener.Receive());
            Assert.Equal(FatalStop.ExitCode, Environment.ExitCode);
            Assert.True(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            Environment.ExitCode = previous;
            await host.StopAsync();
        }
    }
}
