using System.Text;
using Terminal.Core.Commands;
using Terminal.Core.Settings;

namespace Terminal.Core.Tests.Commands;

/// <summary>SPEC §5.4: payload shapes, 3.1.1 request/response fields and refusals.</summary>
public sealed class CommandParserTests
{
    private static CommandParse Parse(string name, string json) => CommandParser.Parse(name, Encoding.UTF8.GetBytes(json));

    private static T Valid<T>(string name, string json)
        where T : CommandRequest
    {
        var parse = Parse(name, json);
        Assert.Null(parse.Error);
        return Assert.IsType<T>(parse.Command);
    }

    private static CommandError Refused(string name, string json)
    {
        var parse = Parse(name, json);
        Assert.Null(parse.Command);
        return parse.Error!;
    }

    [Fact]
    public void SessionOpen_WithCaseFields_ParsesThem()
    {
        var open = Valid<SessionOpenCommand>("session.open", """{"session":"Q-9","caseNo":"C-1","itemCode":"I-2","itemName":"营业执照","ticket":"A012","stage":"accept"}""");

        Assert.Equal("Q-9", open.Session);
        Assert.Equal(new Core.Events.CaseInfo("C-1", "I-2", "营业执照", "A012", "accept"), open.Case);
    }

    [Fact]
    public void SessionOpen_WithoutFields_HasNoSessionIdAndNoCase()
    {
        var open = Valid<SessionOpenCommand>("session.open", "{}");

        Assert.Equal((null, null), (open.Session, open.Case));
    }

    [Fact]
    public void ReplyToAndId_Of311Requests_AreReadAndEchoable()
    {
        var parse = Parse("status.get", """{"replyTo":"hall/replies/7","id":"r-1"}""");

        Assert.IsType<StatusGetCommand>(parse.Command);
        Assert.Equal("hall/replies/7", parse.ReplyTo);
        Assert.Equal("r-1", parse.Id!.Value.GetString());
        Assert.Equal(42, Parse("status.get", """{"id":42}""").Id!.Value.GetInt32());
    }

    [Fact]
    public void EmptyPayload_IsAnEmptyCommand()
    {
        Assert.IsType<SelfTestCommand>(CommandParser.Parse("selftest.run", []).Command);
    }

    [Fact]
    public void MalformedJson_IsRefusedAsMalformed_AndStillFindsReplyTo()
    {
        var parse = Parse("session.open", """{"replyTo":"r/1","id":7,"caseNo": """);

        Assert.Equal(CommandError.Malformed, parse.Error!.Code);
        Assert.Equal(("r/1", 7), (parse.ReplyTo, parse.Id!.Value.GetInt32()));
    }

    [Fact]
    public void DuplicateFields_AreRefusedAsMalformed()
    {
        Assert.Equal(CommandError.Malformed, Refused("session.open", """{"session":"a","session":"b"}""").Code);
    }

    [Fact]
    public void UnknownCommand_IsRefused()
    {
        var parse = Parse("reboot.now", """{"replyTo":"r/1","id":"x"}""");

        Assert.Equal(CommandError.UnknownCommand, parse.Error!.Code);
        Assert.Equal("r/1", parse.ReplyTo);
    }

    [Fact]
    public void OversizedPayload_IsRefusedUnread_ButReplyToIsFound()
    {
        var json = $$"""{"replyTo":"r/1","id":"big","caseNo":"{{new string('x', 1024 * 1024)}}"}""";

        var parse = Parse("session.open", json);

        Assert.Equal(CommandError.TooLarge, parse.Error!.Code);
        Assert.Equal("r/1", parse.ReplyTo);
    }

    [Fact]
    public void PayloadOfExactly64KiB_IsNotTooLarge()
    {
        var json = $$"""{"caseNo":"{{new string('x', CommandNames.MaxPayloadBytes - 13)}}"}""";
        Assert.Equal(CommandNames.MaxPayloadBytes, Encoding.UTF8.GetByteCount(json));

        Assert.NotEqual(CommandError.TooLarge, Parse("session.open", json).Error?.Code);
    }

    [Theory]
    [InlineData("session.open", """{"session":5}""", "'session' must be a string")]
    [InlineData("session.open", """{"caseNo":["x"]}""", "'caseNo' must be a string")]
    [InlineData("session.open", """{"caseno":"x"}""", "no field 'caseno'")]
    [InlineData("session.cancel", """{"session":true}""", "'session' must be a string")]
    [InlineData("status.get", """{"id":{"a":1}}""", "'id' must be a string or a number")]
    [InlineData("status.get", """{"replyTo":"a/+/b"}""", "'replyTo'")]
    [InlineData("status.get", """{"replyTo":3}""", "'replyTo' must be a string")]
    [InlineData("selftest.run", """{"parts":"all"}""", "no field 'parts'")]
    [InlineData("session.open", "[1,2]", "must be a JSON object")]
    [InlineData("update.apply", """{"sha256":"00","signature":"AA=="}""", "'url' is required")]
    [InlineData("update.apply", """{"url":"ftp://x/p.deb","sha256":"00","signature":"AA=="}""", "'url' must be an absolute http")]
    [InlineData("config.set", """{"rating":{"sessionTimeout":30}}""", "SessionTimeout: '30' is not a duration")]
    [InlineData("config.set", """{"rating":{"sessionTimeout":"soon"}}""", "SessionTimeout: 'soon' is not a duration")]
    [InlineData("config.set", """{"rating":{"mode":"sometimes"}}""", "Mode: 'sometimes' is not one of: session, free")]
    [InlineData("config.set", """{"rating":{"timeout":"00:00:10"}}""", "has no setting 'timeout'")]
    [InlineData("config.set", """{"broker":{"uris":[]}}""", "not 'broker'")]
    [InlineData("config.set", """{"attendance":"00:01:00"}""", "'attendance' must be an object")]
    public void WronglyTypedOrUnknownField_IsRefusedNamingIt(string name, string json, string expected)
    {
        var error = Refused(name, json);

        Assert.Equal(CommandError.InvalidField, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateApply_WithWellFormedFields_Parses()
    {
        var signature = Convert.ToBase64String(new byte[70]);
        var update = Valid<UpdateApplyCommand>("update.apply", $$"""{"url":"https://hall/p.deb","sha256":"{{new string('A', 64)}}","signature":"{{signature}}"}""");

        Assert.Equal(new Uri("https://hall/p.deb"), update.Url);
        Assert.Equal(new string('a', 64), update.Sha256);
        Assert.Equal(70, update.Signature.Length);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("AA==")]
    public void UpdateApply_WithBadSignature_IsRefused(string signature)
    {
        var error = Refused("update.apply", $$"""{"url":"https://h/p.deb","sha256":"{{new string('0', 64)}}","signature":"{{signature}}"}""");

        Assert.Contains("'signature'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigSet_NamesAreCaseInsensitive_AndOnlyGivenValuesChange()
    {
        var config = Valid<ConfigSetCommand>("config.set", """{"Rating":{"SessionTimeout":"00:00:45","mode":"FREE"},"attendance":{"duplicateWindow":"00:02:00"}}""");

        var settings = config.ApplyTo(WindowSettings.Default);

        Assert.Equal(TimeSpan.FromSeconds(45), settings.Get(TerminalSettings.Rating.SessionTimeout));
        Assert.Equal(RatingMode.Free, settings.Get(TerminalSettings.Rating.Mode));
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Get(TerminalSettings.Attendance.DuplicateWindow));
        Assert.Equal(WindowSettings.Default.Get(TerminalSettings.Rating.Cooldown), settings.Get(TerminalSettings.Rating.Cooldown));
    }
}
