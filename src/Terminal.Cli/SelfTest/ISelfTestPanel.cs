using System.Text.Json;

namespace Terminal.Cli.SelfTest;

/// <summary>The panel of the running terminal, held for an interactive self-test.</summary>
internal interface ISelfTestPanel : IAsyncDisposable
{
    /// <summary>What the board has to test.</summary>
    SessionHello Hello { get; }

    Task SetLedAsync(string key, bool on, CancellationToken cancellationToken);

    Task SetBuzzerAsync(bool on, CancellationToken cancellationToken);

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
/// <param name="ReaderFormats">Card formats of the badge reader, or null without one.</param>
internal sealed record SessionHello(string Session, string Board, IReadOnlyList<string> Leds, IReadOnlyList<string> Keys, bool Buzzer, IReadOnlyList<string>? ReaderFormats)
{
    public static SessionHello From(JsonElement hello) => new(
        hello.GetProperty("session").GetString()!,
        hello.GetProperty("board").GetString()!,
        Strings(hello.GetProperty("leds")),
        Strings(hello.GetProperty("keys")),
        hello.GetProperty("buzzer").GetBoolean(),
        hello.GetProperty("reader") is { ValueKind: JsonValueKind.Object } reader ? Strings(reader.GetProperty("formats")) : null);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
