using System.Text.Json.Nodes;
using Terminal.Core.Settings;
using Terminal.Core.Window;

namespace Terminal.Core.Commands;

/// <summary>
/// Carries out commands on a <see cref="ServiceWindow"/> (SPEC §5.4). Called on the same single
/// thread as the window's other inputs. A refused command changes nothing.
/// </summary>
public sealed class CommandHandler(ServiceWindow window)
{
    /// <summary>Parses and, when valid, carries out the command <paramref name="name"/>.</summary>
    public CommandOutcome Handle(string name, ReadOnlySpan<byte> payload)
    {
        var parse = CommandParser.Parse(name, payload);
        if (parse.Command is null)
        {
            return Reply(parse, CommandResult.Failure(parse.Id, parse.Error!));
        }

        switch (parse.Command)
        {
            case SessionOpenCommand open:
            {
                var decision = window.OpenSession(open.Session, open.Case, out var session);
                return Reply(parse, CommandResult.Success(parse.Id, new JsonObject { ["session"] = session }), decision);
            }

            case SessionCancelCommand cancel:
            {
                var open = window.OpenSessionId;
                var decision = window.CancelSession(cancel.Session, out var cancelled);
                var result = cancelled
                    ? CommandResult.Success(parse.Id, new JsonObject { ["session"] = open })
                    : CommandResult.Failure(parse.Id, new CommandError(CommandError.NoSession, cancel.Session is null ? "no session is open" : $"session '{cancel.Session}' is not open"));
                return Reply(parse, result, decision);
            }

            case ConfigSetCommand config:
                return SetConfig(parse, config.ApplyTo(window.Settings));
            default:
                return new CommandOutcome(null, parse.Command, Decision.None, null, parse.Id, parse.ReplyTo);
        }
    }

    private CommandOutcome SetConfig(CommandParse parse, WindowSettings settings)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return Reply(parse, CommandResult.Failure(parse.Id, new CommandError(CommandError.InvalidConfig, string.Join("; ", errors))));
        }

        var decision = window.ApplySettings(settings);
        var fields = new JsonObject { ["settings"] = JsonNode.Parse(SettingsJson.Serialize(settings, SettingsJson.Casing.Camel)) };
        return new CommandOutcome(CommandResult.Success(parse.Id, fields), null, decision, settings, parse.Id, parse.ReplyTo);
    }

    private static CommandOutcome Reply(CommandParse parse, CommandResult result, Decision? decision = null) =>
        new(result, null, decision ?? Decision.None, null, parse.Id, parse.ReplyTo);
}
