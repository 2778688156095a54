using Terminal.Core.Events;

namespace Terminal.Hardware.Audio;

/// <summary>
/// The speaker's fault state changed (SPEC §3.4): raised once when playback starts failing, cleared
/// once when it works again. The host turns it into a <c>fault</c> event with code
/// <see cref="Code"/> and adds or removes the code in the status document's faults.
/// </summary>
/// <param name="Active">True: the speaker fails; false: it plays again.</param>
/// <param name="Detail">What failed (device and ALSA's reason), or what played again.</param>
public sealed record AudioFault(bool Active, string Detail)
{
    /// <summary>The fault code in events and the status document.</summary>
    public const string Code = FaultCodes.Audio;
}
