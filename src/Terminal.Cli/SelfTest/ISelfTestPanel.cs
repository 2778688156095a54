using System.Text.Json;

namespace Terminal.Cli.SelfTest;

/// <summary>The panel of the running terminal, held for an interactive self-test.</summary>
internal interface ISelfTestPanel : IAsyncDisposable
{
    /// <summary>What the board has to test.</summary>
    SessionHello Hello { get; }

    Task SetLedAsync(string key, bool on, CancellationToken cancellationToken);

    Task SetBuzzerAsync(bool on, CancellationToken cancellationToken);

    /// <summary>Plays a voice prompt to its end; the answer says whether it could be played (<c>played</c>, <c>detail</c>).</summary>
    Task<JsonElement> PlayVoiceAsync(string prompt, CancellationToken cancellationToken);

    /// <summary>The next key or reader input (<c>{"input":"key","key":"k5","action":"pressed"}</c>…), or null once the session ended.</summary>
    Task<JsonElement?> NextInputAsync(CancellationToken cancellationToken);

    /// <summary>Forgets inputs observed so far (before a new prompt).</summary>
    void DiscardInputs();
}

/// <summary>The first line of a self-test session: the board's testable parts.</summary>
/// <param name="Session">Session id for the LED and buzzer requests.</param>
/// <param name="Board">Board name.</param>
/// <param name="Leds">Keys with an LED.</param>
/// <param name="Keys">All keys.</param>
/// <param name="Buzzer">Whether the board has a buzzer.</param>
/// <param name="Readers">The staff card readers (Wiegand first), each to be tried with a card.</param>
/// <param name="Voice">The voice prompts to play, or empty when the board has no speaker or the voice is off.</param>
internal sealed record SessionHello(string Session, string Board, IReadOnlyList<string> Leds, IReadOnlyList<string> Keys, bool Buzzer, IReadOnlyList<HelloReader> Readers, IReadOnlyList<string> Voice)
{
    public static SessionHello From(JsonElement hello) => new(
        hello.GetProperty("session").GetString()!,
        hello.GetProperty("board").GetString()!,
        Strings(hello.GetProperty("leds")),
        Strings(hello.GetProperty("keys")),
        hello.GetProperty("buzzer").GetBoolean(),
        [.. hello.GetProperty("readers").EnumerateArray().Select(HelloReader.From)],
        hello.TryGetProperty("voice", out var voice) && voice.ValueKind == JsonValueKind.Array ? Strings(voice) : []);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

/// <summary>A staff card reader of the board, as the self-test session lists it.</summary>
/// <param name="Name">Its board name (<c>wiegand</c> for the Wiegand reader).</param>
/// <param name="Kind"><c>wiegand</c>, <c>usb-hid</c>, <c>mfrc522</c> or <c>pn532</c>.</param>
/// <param name="Formats">Card formats it accepts (Wiegand), or empty.</param>
internal sealed record HelloReader(string Name, string Kind, IReadOnlyList<string> Formats)
{
    public static HelloReader From(JsonElement reader) => new(
        reader.GetProperty("name").GetString()!,
        reader.GetProperty("kind").GetString()!,
        reader.TryGetProperty("formats", out var formats) ? [.. formats.EnumerateArray().Select(f => f.GetString()!)] : []);
}
