using System.Text.Json;
using Terminal.Cli.SelfTest;

namespace Terminal.Cli.Tests.SelfTest;

/// <summary>
/// A panel whose inputs are scripted: each wait for an input takes the next scripted line (a
/// JSON object, or null for "the session ended"); with the script used up, nothing comes.
/// </summary>
internal sealed class ScriptedPanel(SessionHello hello, params string?[] inputs) : ISelfTestPanel
{
    private readonly Queue<string?> _script = new(inputs);

    public SessionHello Hello => hello;

    public List<string> Outputs { get; } = [];

    public Task SetLedAsync(string key, bool on, CancellationToken cancellationToken)
    {
        Outputs.Add($"led {key} {(on ? "on" : "off")}");
        return Task.CompletedTask;
    }

    public Task SetBuzzerAsync(bool on, CancellationToken cancellationToken)
    {
        Outputs.Add($"buzzer {(on ? "on" : "off")}");
        return Task.CompletedTask;
    }

    /// <summary>What <see cref="PlayVoiceAsync"/> answers: played, or the detail of why not.</summary>
    public string? VoiceFailure { get; set; }

    public Task<JsonElement> PlayVoiceAsync(string prompt, CancellationToken cancellationToken)
    {
        Outputs.Add($"voice {prompt}");
        var answer = VoiceFailure is null
            ? $$"""{"prompt":"{{prompt}}","outcome":"played","played":true,"detail":null}"""
            : $$"""{"prompt":"{{prompt}}","outcome":"failed","played":false,"detail":"{{VoiceFailure}}"}""";
        return Task.FromResult(JsonDocument.Parse(answer).RootElement.Clone());
    }

    public async Task<JsonElement?> NextInputAsync(CancellationToken cancellationToken)
    {
        if (_script.TryDequeue(out var next))
        {
            return next is null ? null : JsonDocument.Parse(next).RootElement.Clone();
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }

    public void DiscardInputs()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
