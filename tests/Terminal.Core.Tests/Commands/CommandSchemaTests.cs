using System.Reflection;
using System.Text;
using System.Text.Json;
using Terminal.Core.Commands;
using Terminal.Core.Tests.Window;
using Terminal.TestUtils.Contract;

namespace Terminal.Core.Tests.Commands;

/// <summary>
/// docs/schemas/command-*.schema.json say what the parser accepts: the same payloads are valid for
/// both or refused by both; and the core's replies are valid against reply-*.schema.json.
/// </summary>
public sealed class CommandSchemaTests
{
    private const string Signature88 = "MEUCIQDvJkVZ6mQ4bUj8mF0pM2a4x2vbq3hQ8oY2m5fZl0eS9AIgVJQ9u8m4q3iZ3h8R3xv8d2u2E0hJtq3m0y1w2e3r4t5=";
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static TheoryData<string, string> Payloads => new()
    {
        { "session.open", "{}" },
        { "session.open", """{"session":"Q-1","caseNo":"C-1","itemCode":"I-7","itemName":"营业执照","ticket":"A012","stage":"done"}""" },
        { "session.open", """{"session":null,"caseNo":null}""" },
        { "session.open", $$"""{"session":"{{new string('s', 128)}}","itemName":"{{new string('n', 256)}}"}""" },
        { "session.open", $$"""{"session":"{{new string('s', 129)}}"}""" },
        { "session.open", $$"""{"caseNo":"{{new string('c', 257)}}"}""" },
        { "session.open", """{"session":""}""" },
        { "session.open", """{"caseNo":42}""" },
        { "session.open", """{"cazeNo":"C-1"}""" },
        { "session.open", """{"id":7,"replyTo":"hall/replies/1"}""" },
        { "session.open", """{"id":"r-1","replyTo":null}""" },
        { "session.open", """{"id":null}""" },
        { "session.open", """{"id":true}""" },
        { "session.open", """{"id":{"n":1}}""" },
        { "session.open", """{"replyTo":"hall/+/x"}""" },
        { "session.open", """{"replyTo":"hall/#"}""" },
        { "session.open", """{"replyTo":""}""" },
        { "session.open", """{"replyTo":5}""" },
        { "session.open", "[]" },
        { "session.open", "\"open\"" },
        { "session.cancel", "{}" },
        { "session.cancel", """{"session":"Q-1"}""" },
        { "session.cancel", """{"session":5}""" },
        { "session.cancel", """{"caseNo":"C-1"}""" },
        { "config.set", "{}" },
        { "config.set", """{"rating":{}}""" },
        { "config.set", """{"Rating":{"Cooldown":"00:00:05"}}""" },
        { "config.set", """{"RATING":{"MODE":"FREE","sessiontimeout":"00:01:00"}}""" },
        { "config.set", """{"rating":{"mode":"session","sessionTimeout":"00:00:45","reasonTimeout":"00:00:20","cooldown":"00:00:05","stuckAfter":"00:00:10"},"attendance":{"duplicateWindow":"00:02:00"}}""" },
        { "config.set", """{"rating":{"cooldown":"1.00:00:00"}}""" },
        { "config.set", """{"rating":{"cooldown":"-00:00:01"}}""" },
        { "config.set", """{"rating":{"cooldown":"00:00:05.5"}}""" },
        { "config.set", """{"rating":{"cooldown":"00:00:05.1234567"}}""" },
        { "config.set", """{"rating":{"cooldown":"00:00:05.12345678"}}""" },
        { "config.set", """{"rating":{"cooldown":"0:0:5"}}""" },
        { "config.set", """{"rating":{"cooldown":"00:00:60"}}""" },
        { "config.set", """{"rating":{"cooldown":"24:00:00"}}""" },
        { "config.set", """{"rating":{"cooldown":"5"}}""" },
        { "config.set", """{"rating":{"cooldown":"00:05"}}""" },
        { "config.set", """{"rating":{"cooldown":" 00:00:05 "}}""" },
        { "config.set", """{"rating":{"cooldown":"000:00:005."}}""" },
        { "config.set", """{"rating":{"cooldown":"1.24:00:00"}}""" },
        { "config.set", """{"rating":{"cooldown":"+00:00:05"}}""" },
        { "config.set", """{"rating":{"cooldown":"1.5"}}""" },
        { "config.set", """{"rating":{"cooldown":"00:60:00"}}""" },
        { "config.set", """{"rating":{"cooldown":"forever"}}""" },
        { "config.set", """{"rating":{"cooldown":5}}""" },
        { "config.set", """{"rating":{"mode":"fast"}}""" },
        { "config.set", """{"rating":{"mode":1}}""" },
        { "config.set", """{"rating":{"colldown":"00:00:05"}}""" },
        { "config.set", """{"rating":null}""" },
        { "config.set", """{"rating":[]}""" },
        { "config.set", """{"voice":{"enabled":true}}""" },
        { "config.set", """{"attendance":{"DuplicateWindow":"00:02:00"}}""" },
        { "config.set", """{"attendance":{"duplicateWindow":"soon"}}""" },
        { "config.set", """{"attendance":{"cooldown":"00:00:05"}}""" },
        { "selftest.run", "{}" },
        { "selftest.run", """{"id":"t-1","replyTo":"hall/replies/t"}""" },
        { "selftest.run", """{"parts":["buffer"]}""" },
        { "status.get", "{}" },
        { "status.get", """{"full":true}""" },
        { "update.apply", $$"""{"url":"https://hall/terminal_1.2.0_all.deb","sha256":"{{Sha}}","signature":"{{Signature88}}"}""" },
        { "update.apply", $$"""{"url":"HTTP://hall:8080/t.deb","sha256":"{{Sha.ToUpperInvariant()}}","signature":"{{Signature88}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha}}","signature":"{{Convert.ToBase64String(new byte[72])}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha}}","signature":"{{Convert.ToBase64String(new byte[63])}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha}}","signature":"{{Convert.ToBase64String(new byte[73])}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha}}","signature":"{{new string('!', 88)}}"}""" },
        { "update.apply", $$"""{"url":"ftp://hall/t.deb","sha256":"{{Sha}}","signature":"{{Signature88}}"}""" },
        { "update.apply", $$"""{"url":"/t.deb","sha256":"{{Sha}}","signature":"{{Signature88}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha[..63]}}","signature":"{{Signature88}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha[..63]}}g","signature":"{{Signature88}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha}}"}""" },
        { "update.apply", $$"""{"url":"https://hall/t.deb","sha256":"{{Sha}}","signature":"{{Signature88}}","force":true}""" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Schema_AndParser_AgreeOnThePayload(string name, string payload)
    {
        var parsed = CommandParser.Parse(name, Encoding.UTF8.GetBytes(payload));
        var violations = PayloadSchemas.Check($"command-{name}", JsonDocument.Parse(payload).RootElement);

        Assert.True(
            (parsed.Command is not null) == (violations.Count == 0),
            parsed.Command is not null
                ? $"the parser accepts {payload}, the schema refuses it:\n  {string.Join("\n  ", violations)}"
                : $"the parser refuses {payload} ({parsed.Error}), the schema accepts it");
    }

    [Fact]
    public void EveryCommand_HasARequestAndAReplySchema_AndNoOtherExists()
    {
        var names = typeof(CommandNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
        var files = ContractFiles.SchemaFiles.Keys;

        Assert.Equal(names, files.Where(f => f.StartsWith("command-", StringComparison.Ordinal) && f != "command-request").Select(f => f["command-".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(names, files.Where(f => f.StartsWith("reply-", StringComparison.Ordinal) && f != "reply-error").Select(f => f["reply-".Length..]).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.Contains(Payloads, p => (string)p[0] == n));
    }

    public static TheoryData<string, string> Replies => new()
    {
        { "session.open", """{"id":"r-1","session":"Q-1","caseNo":"C-7"}""" },
        { "session.open", "{}" },
        { "session.open", """{"id":7,"caseNo":42}""" },
        { "session.open", "{not json" },
        { "session.cancel", """{"session":"Q-9"}""" },
        { "config.set", """{"rating":{"cooldown":"00:00:05"}}""" },
        { "config.set", """{"rating":{"cooldown":"01:00:00"},"attendance":{"duplicateWindow":"02:00:00"}}""" },
        { "coffee.make", "{}" },
        { "status.get", $$"""{"caseNo":"{{new string('x', 70_000)}}"}""" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void CoreReplies_AreValidAgainstTheCommandsReplySchema(string name, string payload)
    {
        var t = new TestWindow();
        if (name == "session.cancel")
        {
            t.Open("Q-1");
        }

        var outcome = new CommandHandler(t.Window).Handle(name, Encoding.UTF8.GetBytes(payload));
        var reply = JsonDocument.Parse((outcome.Result ?? throw new InvalidOperationException($"{name} is the host's to answer")).ToJson()).RootElement;

        PayloadSchemas.AssertValid(ContractFiles.SchemaFiles.ContainsKey($"reply-{name}") ? $"reply-{name}" : "reply-error", reply, $"reply to {name} {payload[..Math.Min(payload.Length, 60)]}");
    }
}
