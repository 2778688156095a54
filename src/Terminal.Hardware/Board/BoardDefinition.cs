namespace Terminal.Hardware.Board;

/// <summary>What a key on the board is for.</summary>
public enum BoardKeyRole
{
    /// <summary>A satisfaction key mapped to a level 1–5.</summary>
    Rating,

    /// <summary>Staff key 请评价: opens a rating session.</summary>
    Invite,

    /// <summary>Staff key 暂离: pause/resume.</summary>
    Pause,

    /// <summary>Answers the reason prompt of a bad rating.</summary>
    Reason,
}

/// <summary>One key and its LED.</summary>
/// <param name="Name">Board name of the key, e.g. <c>k5</c>, <c>invite</c>.</param>
/// <param name="Role">What the key is for.</param>
/// <param name="Line">Input line offset on the chip.</param>
/// <param name="Bias">Pull resistor.</param>
/// <param name="ActiveLow">Pressed pulls the line low (usual with a pull-up).</param>
/// <param name="Level">Rating level for rating keys.</param>
/// <param name="Reason">Reason code for reason keys.</param>
/// <param name="Led">LED output line, or null (rating keys always have one).</param>
public sealed record BoardKey(
    string Name,
    BoardKeyRole Role,
    int Line,
    Gpio.GpioBias Bias,
    bool ActiveLow,
    int? Level,
    string? Reason,
    int? Led);

/// <summary>A Wiegand reader on two input lines.</summary>
/// <param name="D0">Line of DATA0 (a low pulse is a 0 bit).</param>
/// <param name="D1">Line of DATA1 (a low pulse is a 1 bit).</param>
/// <param name="Bias">Pull resistor of both lines.</param>
/// <param name="Formats">Accepted card formats, e.g. <c>H10301</c>.</param>
public sealed record BoardWiegand(int D0, int D1, Gpio.GpioBias Bias, IReadOnlyList<string> Formats);

/// <summary>A buzzer on an output line.</summary>
/// <param name="Line">Output line.</param>
/// <param name="ActiveLow">Sounds when the line is low.</param>
public sealed record BoardBuzzer(int Line, bool ActiveLow);

/// <summary>A board file (SPEC §6): the hardware only.</summary>
/// <param name="Name">Board name.</param>
/// <param name="Description">What the board is.</param>
/// <param name="Chip">GPIO chip label, e.g. <c>pinctrl-bcm2711</c>.</param>
/// <param name="LedsActiveLow">LEDs light when their line is low.</param>
/// <param name="Keys">Keys in board order.</param>
/// <param name="Wiegand">Badge reader, or null.</param>
/// <param name="Buzzer">Buzzer, or null.</param>
/// <param name="Source">The file it was read from.</param>
public sealed record BoardDefinition(
    string Name,
    string Description,
    string Chip,
    bool LedsActiveLow,
    IReadOnlyList<BoardKey> Keys,
    BoardWiegand? Wiegand,
    BoardBuzzer? Buzzer,
    string Source)
{
    /// <summary>Speaker for the voice prompts, or null (the voice is then off).</summary>
    public BoardSpeaker? Speaker { get; init; }

    /// <summary>Rating keys, highest level first.</summary>
    public IEnumerable<BoardKey> RatingKeys => Keys.Where(k => k.Role == BoardKeyRole.Rating).OrderByDescending(k => k.Level);

    /// <summary>Whether the board can collect a reason for a bad rating.</summary>
    public bool HasReasonKeys => Keys.Any(k => k.Role == BoardKeyRole.Reason);

    /// <summary>Staff card readers besides Wiegand (USB keyboard readers, MFRC522, PN532), in board order.</summary>
    public IReadOnlyList<BoardCardReader> Readers { get; init; } = [];

    /// <summary>Every line the board uses.</summary>
    public IEnumerable<int> Lines =>
        Keys.Select(k => k.Line)
            .Concat(Keys.Where(k => k.Led is not null).Select(k => k.Led!.Value))
            .Concat(Wiegand is null ? [] : [Wiegand.D0, Wiegand.D1])
            .Concat(Buzzer is null ? [] : [Buzzer.Line])
            .Concat(Readers.OfType<BoardMfrc522Reader>().Where(r => r.Reset is not null).Select(r => r.Reset!.Value));
}
