using System.Text.Json;
using Terminal.Core.Events;

namespace Terminal.Core.Commands;

/// <summary>
/// Parses and validates command payloads (docs/mqtt.md#commands). A payload is refused as a whole — too large,
/// not JSON, unknown command, unknown or wrongly-typed field — before anything acts on it.
/// </summary>
public static class CommandParser
{
    private const int MaxIdLength = 128;
    private const int MaxCaseFieldLength = 256;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>Parses <paramref name="payload"/> as the command <paramref name="name"/>.</summary>
    public static CommandParse Parse(string name, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (payload.Length > CommandNames.MaxPayloadBytes)
        {
            return Refused(payload, CommandError.TooLarge, $"payload of {payload.Length} bytes is over the {CommandNames.MaxPayloadBytes}-byte limit");
        }

        JsonDocument document;
        try
        {
            // An empty payload is an empty command: MQTT tools often send nothing for status.get.
            document = JsonDocument.Parse(payload.IsEmpty ? "{}"u8.ToArray() : payload.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            return Refused(payload, CommandError.Malformed, $"payload is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new CommandParse(null, new CommandError(CommandError.InvalidField, "payload must be a JSON object"), null, null);
            }

            JsonElement? id = null;
            string? replyTo = null;
            try
            {
                (id, replyTo) = CommandEnvelope.Read(root);
                var command = Read(name, new CommandFields(root)) with { Id = id, ReplyTo = replyTo };
                return new CommandParse(command, null, id, replyTo);
            }
            catch (CommandRefusedException e)
            {
                var (scannedId, scannedReplyTo) = id is null && replyTo is null ? CommandEnvelope.Scan(payload) : (id, replyTo);
                return new CommandParse(null, e.Error, scannedId, scannedReplyTo);
            }
        }
    }

    private static CommandParse Refused(ReadOnlySpan<byte> payload, string code, string message)
    {
        var (id, replyTo) = CommandEnvelope.Scan(payload);
        return new CommandParse(null, new CommandError(code, message), id, replyTo);
    }

    private static CommandRequest Read(string name, CommandFields fields)
    {
        CommandRequest command = name switch
        {
            CommandNames.SessionOpen => ReadSessionOpen(fields),
            CommandNames.SessionCancel => new SessionCancelCommand(fields.OptionalString("session", MaxIdLength)),
            CommandNames.ConfigSet => new ConfigSetCommand(ConfigSetReader.Read(fields)),
            CommandNames.SelfTestRun => new SelfTestCommand(),
            CommandNames.StatusGet => new StatusGetCommand(),
            CommandNames.UpdateApply => UpdateApplyReader.Read(fields),
            _ => throw new CommandRefusedException(CommandError.UnknownCommand, $"unknown command '{name}'"),
        };
        fields.RefuseUnknown(name);
        return command;
    }

    private static SessionOpenCommand ReadSessionOpen(CommandFields fields)
    {
        var session = fields.OptionalString("session", MaxIdLength);
        var @case = new CaseInfo(
            fields.OptionalString("caseNo", MaxCaseFieldLength),
            fields.OptionalString("itemCode", MaxCaseFieldLength),
            fields.OptionalString("itemName", MaxCaseFieldLength),
            fields.OptionalString("ticket", MaxCaseFieldLength),
            fields.OptionalString("stage", MaxCaseFieldLength));
        return new SessionOpenCommand(session, @case == new CaseInfo(null, null, null, null, null) ? null : @case);
    }
}
