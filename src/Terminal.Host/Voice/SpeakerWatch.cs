using Microsoft.Extensions.Hosting;
using Terminal.Hardware.Audio;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Voice;

/// <summary>
/// The speaker's health into the loop: a failing speaker raises the <c>audio</c> fault once (an
/// event, and in the status while it lasts); playback working again clears it. Never stops a press.
/// </summary>
internal sealed class SpeakerWatch(VoicePlayer player, TerminalLoop loop) : IHostedService
{
    private const string Source = "speaker";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        player.FaultChanged += OnFaultChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        player.FaultChanged -= OnFaultChanged;
        return Task.CompletedTask;
    }

    private void OnFaultChanged(AudioFault fault) =>
        loop.Post(fault.Active
            ? new FaultRaised(AudioFault.Code, fault.Detail, Source)
            : new FaultCleared(AudioFault.Code, Source, null, fault.Detail));
}
