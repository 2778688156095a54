using Terminal.Deploy.Tests.Package;
using Terminal.Deploy.Tests.Support;
using Terminal.TestUtils.Broker;

namespace Terminal.Deploy.Tests.Emulated;

/// <summary>
/// The arm64 package's own binaries, as they ship, on this x86-64 machine under qemu: the host
/// with --simulate against a real Mosquitto, presses through the arm64 terminalctl reaching an
/// independent subscriber, every assembly it loads precompiled in its composite image, and a
/// restart with the broker away that keeps the buffered press.
/// One scenario: every start under emulation costs seconds.
/// </summary>
public sealed class Arm64TerminalTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    private const string Events = "eval/v1/DEV/SIM-0001/event/#";

    [Fact]
    public async Task Arm64Package_PublishesAPress_AndKeepsABufferedOneAcrossARestart()
    {
        Arm64Emulator.Require();
        Run.Require("mosquitto_sub", "mosquitto-clients");
        var release = packages["arm64"].Release;
        using var broker = new MosquittoBroker();
        broker.Start();
        using var data = new TempDir("arm64-e2e-");
        var hall = $"hall-{Guid.NewGuid():N}";

        using (var subscriber = await HallSubscriber.ConnectAsync(broker, hall, Events))
        using (var terminal = await EmulatedTerminal.StartAsync(release, data.Path, broker.Uri))
        {
            // terminalctl waits 2 s for the commit, which emulation on a busy machine may exceed:
            // the buffer itself says which rating the press made.
            terminal.CtlJson("sim", "press", "5");
            await subscriber.AssertReceivesAsync("/event/rating ", Arm64Emulator.Deadline);

            await terminal.PendingRatingsAsync(0); // acknowledged by the broker

            // Started, pressed, published: every assembly it loaded has its code in the composite image.
            var roots = ReadyToRunImage.CompositeRoots();
            var mapped = terminal.MappedAssemblies();
            Assert.Contains("terminal.r2r.dll", mapped);
            var outside = mapped.Where(a => a != "terminal.r2r.dll" && !roots.Contains(a)).Order().ToList();
            Assert.True(outside.Count == 0, "loaded but not a composite root (src/Terminal.Host/ReadyToRunComposite.targets), so JIT-compiled: " + string.Join(", ", outside));

            // The hall's session stays on the broker (persistent); the broker goes away.
            subscriber.Dispose();
            broker.Stop();
            terminal.CtlJson("sim", "press", "4");
            var buffered = Assert.Single(await terminal.PendingRatingsAsync(1));
            Assert.Equal(0, await terminal.StopAsync());

            using var restarted = await EmulatedTerminal.StartAsync(release, data.Path, broker.Uri);
            Assert.Equal([buffered], await restarted.PendingRatingsAsync(1));

            broker.Start();
            using var back = await HallSubscriber.ConnectAsync(broker, hall, Events);
            await back.AssertReceivesAsync(buffered, Arm64Emulator.Deadline);
        }
    }
}
