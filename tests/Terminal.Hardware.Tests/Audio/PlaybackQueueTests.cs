using Terminal.Hardware.Audio;

namespace Terminal.Hardware.Tests.Audio;

public sealed class PlaybackQueueTests
{
    private readonly PlaybackQueue _queue = new();

    [Fact]
    public async Task NewRequest_CutsTheOnePlaying_AndReplacesTheOneWaiting()
    {
        _queue.Enqueue(new PlaybackRequest(VoicePrompt.Prompt, awaited: false));
        var playing = _queue.Next()!;
        var waiting = new PlaybackRequest(VoicePrompt.Reason, awaited: true);
        _queue.Enqueue(waiting);

        _queue.Enqueue(new PlaybackRequest(VoicePrompt.Thanks, awaited: false));

        Assert.True(playing.IsCut);
        Assert.Equal(VoicePlaybackOutcome.Cut, (await waiting.Outcome).Outcome);
        _queue.Done();
        Assert.Equal(VoicePrompt.Thanks, _queue.Next()!.Prompt);
    }

    [Fact]
    public void Stop_CutsOnlyThatPrompt()
    {
        _queue.Enqueue(new PlaybackRequest(VoicePrompt.Thanks, awaited: false));
        var thanks = _queue.Next()!;

        _queue.Stop(VoicePrompt.Prompt);
        var afterPromptStop = thanks.IsCut;
        _queue.Stop(VoicePrompt.Thanks);

        Assert.False(afterPromptStop);
        Assert.True(thanks.IsCut);
    }

    [Fact]
    public async Task Close_CutsEverything_AndEndsTheThread()
    {
        _queue.Enqueue(new PlaybackRequest(VoicePrompt.Prompt, awaited: false));
        var playing = _queue.Next()!;
        var waiting = new PlaybackRequest(VoicePrompt.Thanks, awaited: true);
        _queue.Enqueue(waiting);

        _queue.Close();
        var late = new PlaybackRequest(VoicePrompt.Reason, awaited: true);
        _queue.Enqueue(late);
        _queue.Done();

        Assert.True(playing.IsCut);
        Assert.Equal(VoicePlaybackOutcome.Cut, (await waiting.Outcome).Outcome);
        Assert.Equal(VoicePlaybackOutcome.Cut, (await late.Outcome).Outcome);
        Assert.Null(_queue.Next());
        Assert.True(_queue.IsIdle());
    }
}
