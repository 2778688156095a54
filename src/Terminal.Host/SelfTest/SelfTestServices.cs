using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Terminal.Hardware.Audio;
using Terminal.Core.Time;
using Terminal.Hardware.Board;
using Terminal.Configuration;
using Terminal.Host.Board;
using Terminal.Host.Loop;
using Terminal.Storage;

namespace Terminal.Host.SelfTest;

/// <summary>Registers the self-test: the runner with its checks, the broker watch, interactive sessions.</summary>
internal static class SelfTestServices
{
    public static IServiceCollection AddSelfTest(this IServiceCollection services)
    {
        services.AddSingleton<BrokerWatch>();
        // Constructed with the hosted services, before the connection starts, so no state change is missed.
        services.AddHostedService(sp => sp.GetRequiredService<BrokerWatch>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<TerminalOptions>();
            var buffer = sp.GetRequiredService<IEventBuffer>();
            ISelfTestCheck[] checks =
            [
                new BufferCheck(buffer, options.DataDir),
                new DiskSpaceCheck(buffer, options.DataDir, DiskSpaceCheck.AvailableBytes),
                new GpioCheck(sp.GetRequiredService<BoardLines>()),
                new BrokerCheck(sp.GetRequiredService<BrokerWatch>(), options.Broker.Uris),
                new ClockCheck(sp.GetRequiredService<IDeviceClock>()),
            ];
            return new SelfTestRunner(checks, sp.GetRequiredService<BoardDefinition>().Name, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SelfTestRunner>>());
        });
        services.AddSingleton(sp => new SelfTestSessions(
            sp.GetRequiredService<BoardLines>(),
            sp.GetRequiredService<IFeedbackDisplay>(),
            sp.GetRequiredService<TerminalLoop>(),
            sp.GetRequiredService<VoicePlayer>()));
        return services;
    }
}
