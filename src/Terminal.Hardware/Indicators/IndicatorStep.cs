namespace Terminal.Hardware.Indicators;

/// <summary>One step of a pattern: the output on or off for a while.</summary>
/// <param name="On">Logical level (on = lit / sounding).</param>
/// <param name="Duration">How long.</param>
public readonly record struct IndicatorStep(bool On, TimeSpan Duration);
