using Microsoft.Extensions.Logging;
using Terminal.Hardware.Board;

namespace Terminal.Hardware.Audio;

/// <summary>
/// Speaks the prompts of SPEC §3.4 through ALSA on a thread of its own. <see cref="Play"/> returns
/// at once (the host calls it on the decision loop right after a commit); a newer prompt cuts the
/// one playing. A failing speaker raises <see cref="FaultChanged"/> once and clears it once playback
/// works again; nothing here throws into the caller or delays it. Off (every call a no-op) when
/// <c>Voice:Enabled</c> is false or the board has no speaker.
/// </summary>
public sealed partial class VoicePlayer : IDisposable
{
    private readonly VoiceOptions _options;
    private readonly PromptSet? _prompts;
    private readonly ILogger<VoicePlayer> _logger;
    private readonly Thread? _thread;
    private readonly SpeakerHealth _health;
    private readonly PlaybackQueue _queue = new();

    /// <summary>Reads and checks the prompts and starts the player's thread when the voice is on.</summary>
    /// <param name="options">The <c>Voice</c> settings.</param>
    /// <param name="board">The board: without a <see cref="BoardDefinition.Speaker"/> the voice is off.</param>
    /// <param name="shippedDirectory">The package's prompts (<c>voice/</c> beside the program).</param>
    /// <param name="logger">Start-up lines about the prompts, and the fault's one line.</param>
    /// <exception cref="ArgumentException">The settings are invalid (the message names the key).</exception>
    public VoicePlayer(VoiceOptions options, BoardDefinition board, string shippedDirectory, ILogger<VoicePlayer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(board);
        if (options.Problem() is var (key, reason))
        {
            throw new ArgumentException($"{key}: {reason}", nameof(options));
        }

        _options = options;
        _logger = logger;
        _health = new SpeakerHealth(options.Device, logger, fault => FaultChanged?.Invoke(fault));
        UnavailableReason = !options.Enabled ? "voice is off (Voice:Enabled is false)"
            : board.Speaker is null ? $"board '{board.Name}' has no speaker"
            : null;
        if (UnavailableReason is not null)
        {
            LogOff(UnavailableReason);
            return;
        }

        _prompts = PromptSet.Load(shippedDirectory, options.Directory, logger);
        _thread = new Thread(Run) { IsBackground = true, Name = "voice" };
        _thread.Start();
    }

    /// <summary>
    /// The speaker started failing (<see cref="AudioFault.Active"/>) or plays again. Raised on the
    /// player's thread: hand it to the decision loop, do not block.
    /// </summary>
    public event Action<AudioFault>? FaultChanged;

    /// <summary>Whether prompts are spoken at all.</summary>
    public bool IsAvailable => _thread is not null;

    /// <summary>Why the voice is off, or null when it is on.</summary>
    public string? UnavailableReason { get; }

    /// <summary>The <c>audio</c> fault is active: the last playback failed.</summary>
    public bool IsFaulted => _health.IsFaulted;

    /// <summary>Starts <paramref name="prompt"/>, cutting whatever plays; returns at once.</summary>
    public void Play(VoicePrompt prompt)
    {
        if (IsAvailable)
        {
            _queue.Enqueue(new PlaybackRequest(prompt, awaited: false));
        }
    }

    /// <summary>Cuts <paramref name="prompt"/> if it is playing or about to; returns at once.</summary>
    public void Stop(VoicePrompt prompt) => _queue.Stop(prompt);

    /// <summary>
    /// For the self-test: plays <paramref name="prompt"/> (cutting whatever plays) and reports how it
    /// ended. Cancelling cuts it.
    /// </summary>
    public async Task<VoicePlayback> PlayToEndAsync(VoicePrompt prompt, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return new VoicePlayback(prompt, VoicePlaybackOutcome.Unavailable, UnavailableReason!);
        }

        var request = new PlaybackRequest(prompt, awaited: true);
        using var cut = cancellationToken.Register(request.Cut);
        _queue.Enqueue(request);
        return await request.Outcome.ConfigureAwait(false);
    }

    /// <summary>Cuts what plays and stops the thread.</summary>
    public void Dispose()
    {
        _queue.Close();
        // A write returns within a chunk; a device hung in the kernel must not hang shutdown.
        _thread?.Join(TimeSpan.FromSeconds(2));
    }

    /// <summary>Nothing is queued or playing (tests).</summary>
    internal bool IsIdle() => _queue.IsIdle();

    /// <summary>Waits until nothing is queued or playing (tests); false at the deadline.</summary>
    internal bool WaitIdle(TimeSpan timeout) => _queue.WaitIdle(timeout);

    private void Run()
    {
        while (_queue.Next() is { } request)
        {
            var outcome = Perform(request);
            _queue.Done();
            request.Complete(outcome);
        }
    }

    private VoicePlayback Perform(PlaybackRequest request)
    {
        if (request.IsCut)
        {
            // Cut before it began (a newer cue came while the thread was busy): the device is not touched.
            return new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Cut, string.Empty);
        }

        if (_prompts![request.Prompt] is not { } sound)
        {
            // Not the speaker's fault: the start-up log named the file.
            return new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Failed, $"no usable {VoicePrompts.FileName(request.Prompt)} (see the start-up log)");
        }

        VoicePlayback outcome;
        try
        {
            outcome = PromptPlayback.Play(sound, _options.Device, _options.Volume, request);
        }
        catch (Exception e)
        {
            // Whatever went wrong, the terminal goes on (SPEC §3.4): it is an audio fault, not a crash.
            LogUnexpected(e);
            outcome = new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Failed, $"ALSA device '{_options.Device}': {e.Message}");
        }

        _health.Observe(outcome);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice: off: {Reason}")]
    private partial void LogOff(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Voice: playback failed unexpectedly")]
    private partial void LogUnexpected(Exception exception);
}
