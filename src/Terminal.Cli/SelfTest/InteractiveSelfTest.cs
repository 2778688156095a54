using System.Globalization;
using System.Text.Json;

namespace Terminal.Cli.SelfTest;

/// <summary>
/// The person's part of the self-test (SPEC §7): each LED lit and asked about, the buzzer sounded
/// and asked about, each key asked for, a card asked for on every reader, each voice prompt played
/// and asked about; every part within its time limit.
/// </summary>
internal sealed class InteractiveSelfTest(ISelfTestPanel panel, Answers answers, TextWriter prompts, TimeSpan perPart, TimeProvider time)
{
    public async Task<IReadOnlyList<PartResult>> RunAsync(CancellationToken cancellationToken)
    {
        var hello = panel.Hello;
        var parts = new List<PartResult>();
        foreach (var led in hello.Leds)
        {
            parts.Add(await LedAsync(led, cancellationToken).ConfigureAwait(false));
        }

        if (hello.Buzzer)
        {
            parts.Add(await BuzzerAsync(cancellationToken).ConfigureAwait(false));
        }

        foreach (var key in hello.Keys)
        {
            parts.Add(await KeyAsync(key, cancellationToken).ConfigureAwait(false));
        }

        foreach (var reader in hello.Readers)
        {
            parts.Add(await ReaderAsync(reader, cancellationToken).ConfigureAwait(false));
        }

        foreach (var prompt in hello.Voice)
        {
            parts.Add(await VoiceAsync(prompt, cancellationToken).ConfigureAwait(false));
        }

        return parts;
    }

    private async Task<PartResult> LedAsync(string key, CancellationToken ct)
    {
        await panel.SetLedAsync(key, true, ct).ConfigureAwait(false);
        try
        {
            var answer = await answers.AskAsync($"Is the LED of key {key} lit (and no other)?", perPart, ct).ConfigureAwait(false);
            return Judge($"led:{key} lit", answer, "seen lit", $"not lit: check the LED of {key} and its wiring");
        }
        finally
        {
            await panel.SetLedAsync(key, false, ct).ConfigureAwait(false);
        }
    }

    private async Task<PartResult> BuzzerAsync(CancellationToken ct)
    {
        await panel.SetBuzzerAsync(true, ct).ConfigureAwait(false);
        try
        {
            var answer = await answers.AskAsync("Is the buzzer sounding?", perPart, ct).ConfigureAwait(false);
            return Judge("buzzer heard", answer, "heard", "not heard: check the buzzer and its wiring");
        }
        finally
        {
            await panel.SetBuzzerAsync(false, ct).ConfigureAwait(false);
        }
    }

    private async Task<PartResult> KeyAsync(string key, CancellationToken ct)
    {
        var part = $"key:{key}";
        panel.DiscardInputs();
        await Say($"Press key {key} now (within {Seconds}).").ConfigureAwait(false);
        var outcome = await WaitForAsync(input => Field(input, "input") == "key" && Field(input, "action") == "pressed", ct).ConfigureAwait(false);
        if (outcome.Input is not { } pressed)
        {
            return new PartResult(part, false, outcome.Why);
        }

        var name = Field(pressed, "key");
        return name == key
            ? new PartResult(part, true, "pressed")
            : new PartResult(part, false, $"key {name} reported instead of {key}: check the wiring of both keys");
    }

    private async Task<PartResult> ReaderAsync(HelloReader reader, CancellationToken ct)
    {
        var wiegand = reader.Kind == "wiegand";
        var part = wiegand ? "reader" : $"reader:{reader.Name}";
        panel.DiscardInputs();
        await Say(wiegand
            ? $"Swipe a staff card on the badge reader now (within {Seconds}; formats {string.Join(", ", reader.Formats)})."
            : $"Present a staff card to reader {reader.Name} ({reader.Kind}) now (within {Seconds}).").ConfigureAwait(false);
        var unreadable = 0;
        var outcome = await WaitForAsync(
            input =>
            {
                if (Field(input, "reader") is { } from && from != reader.Name)
                {
                    return false;
                }

                var kind = Field(input, "input");
                unreadable += kind is "reader-noise" or "reader-dropped" ? 1 : 0;
                return kind == "card";
            },
            ct).ConfigureAwait(false);
        if (outcome.Input is not { } card)
        {
            var check = wiegand ? "check D0/D1 wiring and the card format" : $"check the {reader.Kind} reader's setting and the card";
            var noise = unreadable > 0 ? $"; {unreadable} unreadable {(wiegand ? "frame(s)" : "input(s)")}: {check}" : string.Empty;
            return new PartResult(part, false, outcome.Why + noise);
        }

        return new PartResult(part, true, DescribeCard(card));
    }

    private async Task<PartResult> VoiceAsync(string prompt, CancellationToken ct)
    {
        var part = $"voice:{prompt} heard";
        await Say($"Playing the {prompt} prompt…").ConfigureAwait(false);
        var playback = await panel.PlayVoiceAsync(prompt, ct).ConfigureAwait(false);
        if (!playback.GetProperty("played").GetBoolean())
        {
            return new PartResult(part, false, $"could not be played: {Field(playback, "detail")}; check the speaker, Voice:Device and the prompt files");
        }

        var answer = await answers.AskAsync($"Did you hear the {prompt} prompt, whole and clear?", perPart, ct).ConfigureAwait(false);
        return Judge(part, answer, "heard", "not heard: check the speaker, its wiring and the volume (Voice:Volume, the board's mixer)");
    }

    private async Task<(JsonElement? Input, string Why)> WaitForAsync(Func<JsonElement, bool> wanted, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(perPart, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, ct);
        try
        {
            while (await panel.NextInputAsync(either.Token).ConfigureAwait(false) is { } input)
            {
                if (wanted(input))
                {
                    return (input, string.Empty);
                }
            }

            return (null, "the terminal ended the self-test session");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            await Say("(nothing within the time)").ConfigureAwait(false);
            return (null, $"nothing within {Seconds}");
        }
    }

    private static string DescribeCard(JsonElement card)
    {
        string Text(string name) => card.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : string.Empty;
        var staff = Text("staff") is { Length: > 0 } id ? $"staff {id} {Text("name")}".TrimEnd() : "not in the roster";
        var facility = Text("facility") is { Length: > 0 } f ? $", facility {f}" : string.Empty;
        return $"{Text("format")} card {Text("card")}{facility}, {staff}";
    }

    private static string? Field(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static PartResult Judge(string part, Answer answer, string yes, string no) => answer switch
    {
        Answer.Yes => new PartResult(part, true, yes),
        Answer.No => new PartResult(part, false, no),
        Answer.TimedOut => new PartResult(part, false, "no answer in time"),
        _ => new PartResult(part, false, "no answer (input closed)"),
    };

    private string Seconds => string.Create(CultureInfo.InvariantCulture, $"{perPart.TotalSeconds:0} s");

    private async Task Say(string line)
    {
        await prompts.WriteLineAsync(line).ConfigureAwait(false);
        await prompts.FlushAsync().ConfigureAwait(false);
    }
}
