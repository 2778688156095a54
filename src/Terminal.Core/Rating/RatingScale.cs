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

    /// <summary>The Chinese label of a reason code, as the reason buttons show it (docs/mqtt.md#rating, docs/front-panel.md#screens).</summary>
    public static string ReasonLabel(string code) => code switch
    {
        "attitude" => "服务态度",
        "competence" => "业务能力",
        "information" => "告知情况",
        "procedure" => "办理手续",
        "efficiency" => "办事效率",
        "fees" => "收费情况",
        "other" => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a reason code"),
    };
}
