using System.Text.Json;
using System.Threading.Channels;
using Terminal.Cli.Control;

namespace Terminal.Cli.SelfTest;

/// <summary>
/// A self-test session on the control socket: <c>GET /selftest/session</c> streams the inputs while
/// it is open, and closing it (or this process ending) hands the panel back to the terminal.
/// </summary>
internal sealed class ControlSocketPanel : ISelfTestPanel
{
    private readonly ControlClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<JsonElement> _inputs = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<SessionHello> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _pump;

    private ControlSocketPanel(ControlClient client) => _client = client;

    public SessionHello Hello => _hello.Task.Result;

    /// <summary>Opens the session; fails with the terminal's message when another self-test holds the panel.</summary>
    public static async Task<ControlSocketPanel> OpenAsync(ControlClient client, CancellationToken cancellationToken)
    {
        var panel = new ControlSocketPanel(client);
        panel._pump = panel.PumpAsync();
        try
        {
            await panel._hello.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return panel;
        }
        catch
        {
            await panel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task SetLedAsync(string key, bool on, CancellationToken cancellationToken) =>
        _client.PostAsync($"/selftest/led?session={Hello.Session}&key={Uri.EscapeDataString(key)}&on={Flag(on)}", cancellationToken);

    public Task SetBuzzerAsync(bool on, CancellationToken cancellationToken) =>
        _client.PostAsync($"/selftest/buzzer?session={Hello.Session}&on={Flag(on)}", cancellationToken);

    public Task<JsonElement> PlayVoiceAsync(string prompt, CancellationToken cancellationToken) =>
        _client.PostAsync($"/selftest/voice?session={Hello.Session}&prompt={Uri.EscapeDataString(prompt)}", cancellationToken);

    public async Task<JsonElement?> NextInputAsync(CancellationToken cancellationToken) =>
        await _inputs.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _inputs.Reader.TryRead(out var input) ? input : null;

    public void DiscardInputs()
    {
        while (_inputs.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static string Flag(bool on) => on ? "true" : "false";

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var line in _client.GetLinesAsync("/selftest/session", _stop.Token).ConfigureAwait(false))
            {
                var json = JsonDocument.Parse(line).RootElement.Clone();
                if (!_hello.Task.IsCompleted)
                {
                    _hello.TrySetResult(SessionHello.From(json));
                }
                else if (json.TryGetProperty("input", out _))
                {
                    _inputs.Writer.TryWrite(json);
                }
            }

            _hello.TrySetException(new CliException(ExitCodes.Failed, "the terminal ended the self-test session before it started"));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _hello.TrySetCanceled();
        }
        catch (Exception e) when (e is CliException or HttpRequestException or IOException or JsonException)
        {
            _hello.TrySetException(e is CliException ? e : new CliException(ExitCodes.Failed, $"self-test session lost: {e.Message}"));
        }
        finally
        {
            _inputs.Writer.TryComplete();
        }
    }
}
