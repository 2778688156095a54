namespace Terminal.Core.Feedback;

/// <summary>
/// How one <see cref="CueKind"/> looks and sounds; the host maps it to GPIO (LED lines, buzzer).
/// </summary>
/// <param name="Kind">The cue.</param>
/// <param name="RatingLeds">LEDs of all rating keys.</param>
/// <param name="CueKeyLed">LED of the key the <see cref="Cue.Key"/> names (overrides <paramref name="RatingLeds"/> for it).</param>
/// <param name="ReasonLeds">LEDs of reason keys, on boards that have them.</param>
/// <param name="Buzzer">Buzzer on/off durations in milliseconds, alternating, starting with on; empty = silent.</param>
/// <param name="Voice">Phrase for boards with a speaker or screen, or null.</param>
/// <param name="Hold">
/// Null: steady, until the next cue. Otherwise transient: play for this long, then show again
/// the last steady cue.
/// </param>
/// <param name="Meaning">What the person should understand, for the README table.</param>
public sealed record CuePattern(
    CueKind Kind,
    LedMode RatingLeds,
    LedMode CueKeyLed,
    LedMode ReasonLeds,
    IReadOnlyList<int> Buzzer,
    string? Voice,
    TimeSpan? Hold,
    string Meaning);
