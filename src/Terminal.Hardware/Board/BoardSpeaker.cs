namespace Terminal.Hardware.Board;

/// <summary>
/// A speaker for the voice prompts (SPEC §3.4). Which ALSA PCM drives it is the device's setting
/// (<c>Voice:Device</c>), not the board's: the same board may use the Pi's jack, HDMI or an I²S amplifier.
/// </summary>
/// <param name="Description">What is fitted, e.g. "MAX98357A I2S amplifier, 3 W 4 Ω speaker".</param>
public sealed record BoardSpeaker(string Description);
