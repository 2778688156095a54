namespace Terminal.Core.Rating;

/// <summary>The national 好差评 five-level scale (docs/mqtt.md#rating).</summary>
public static class RatingScale
{
    /// <summary>Lowest level.</summary>
    public const int MinLevel = 1;

    /// <summary>Highest level.</summary>
    public const int MaxLevel = 5;

    /// <summary>Whether a level is on the scale.</summary>
    public static bool IsValid(int level) => level is >= MinLevel and <= MaxLevel;

    /// <summary>Levels 1 and 2 are 差评 and need a reason where the board can collect one.</summary>
    public static bool IsBad(int level) => level is 1 or 2;

    /// <summary>The Chinese label of a level.</summary>
    public static string Label(int level) => level switch
    {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        1 => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "rating levels are 1–5"),
    };

    /// <summary>Reason codes for bad ratings.</summary>
    public static IReadOnlyList<string> ReasonCodes { get; } =
        ["attitude", "competence", "information", "procedure", "efficiency", "fees", "other"];
}
