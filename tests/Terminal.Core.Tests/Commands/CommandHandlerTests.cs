using System.Text;
using System.Text.Json;
using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.Core.Settings;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Commands;

/// <summary>SPEC §5.4: commands act on the window; refused ones change nothing.</summary>
public sealed class CommandHandlerTests
{
    private readonly TestWindow _t = new();
    private readonly CommandHandler _handler;

    public CommandHandlerTests() => _handler = new CommandHandler(_t.Window);

    private CommandOutcome Handle(string name, string json)
    {
        var outcome = _handler.Handle(name, Encoding.UTF8.GetBytes(json));
        _t.Record(outcome.Decision);
        return outcome;
    }

    private static JsonElement Json(CommandResult result) => JsonDocument.Parse(result.ToJson()).RootElement;

    [Fact]
    public void SessionOpen_RepliesOkWithTheSessionAndCommitsOpened()
    {
        var outcome = Handle("session.open", """{"id":"r-1","replyTo":"q/replies","session":"Q-1","caseNo":"C-7"}""");

        var result = Json(outcome.Result!);
        Assert.Equal("r-1", result.GetProperty("id").GetString());
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal("Q-1", result.GetProperty("session").GetString());
        Assert.Equal("q/replies", outcome.ReplyTo);
        Assert.Equal("C-7", _t.Data<SessionData>().Single().Case?.CaseNo);
    }

    [Fact]
    public void SessionCancel_WithNoOpenSession_RepliesNoSession()
    {
        var result = Json(Handle("session.cancel", """{"id":3}""").Result!);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(3, result.GetProperty("id").GetInt32());
        Assert.Equal(CommandError.NoSession, result.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void SessionCancel_OfTheOpenSession_ClosesItCancelled()
    {
        Handle("session.open", """{"session":"Q-1"}""");

        var outcome = Handle("session.cancel", "{}");

        Assert.True(outcome.Result!.Ok);
        Assert.Equal("cancelled", _t.Data<SessionData>()[^1].Outcome);
    }

    [Fact]
    public void ConfigSet_Valid_IsAppliedAtOnceAndReturnedForPersisting()
    {
        var outcome = Handle("config.set", """{"rating":{"sessionTimeout":"00:00:45"}}""");

        Assert.True(outcome.Result!.Ok);
        Assert.Equal(TimeSpan.FromSeconds(45), _t.Window.Settings.Get(TerminalSettings.Rating.SessionTimeout));
        Assert.Equal(_t.Window.Settings, outcome.AppliedSettings);
        Assert.Equal("00:00:45", Json(outcome.Result).GetProperty("settings").GetProperty("rating").GetProperty("sessionTimeout").GetString());
    }

    [Fact]
    public void ConfigSet_WithOneValueOutOfRange_IsRefusedAsAWhole()
    {
        var outcome = Handle("config.set", """{"rating":{"sessionTimeout":"00:00:45","cooldown":"01:00:00"}}""");

        Assert.Equal(CommandError.InvalidConfig, outcome.Result!.Error!.Code);
        Assert.Contains("Terminal:Rating:Cooldown", outcome.Result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(WindowSettings.Default, _t.Window.Settings);
        Assert.Null(outcome.AppliedSettings);
    }

    [Theory]
    [InlineData("selftest.run", typeof(SelfTestCommand))]
    [InlineData("status.get", typeof(StatusGetCommand))]
    public void HostCommands_AreHandedToTheHostWithoutAResult(string name, Type expected)
    {
        var outcome = Handle(name, """{"id":"h-1"}""");

        Assert.Null(outcome.Result);
        Assert.IsType(expected, outcome.HostCommand);
        Assert.Equal("h-1", outcome.Id!.Value.GetString());
    }

    [Theory]
    [InlineData("session.open", "{not json", CommandError.Malformed)]
    [InlineData("session.nuke", "{}", CommandError.UnknownCommand)]
    [InlineData("session.open", """{"session":12}""", CommandError.InvalidField)]
    public void RefusedCommand_RepliesAnErrorAndChangesNothing(string name, string json, string code)
    {
        var outcome = Handle(name, json);

        Assert.Equal(code, Json(outcome.Result!).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(outcome.Decision.Events);
        Assert.Null(_t.Window.OpenSessionId);
        Assert.Single(_t.Tap(5).Events, e => e.Type == EventType.Rating); // still working
    }

    [Fact]
    public void OneMebibytePayload_RepliesTooLargeAndChangesNothing()
    {
        var outcome = _handler.Handle("session.open", new byte[1024 * 1024]);

        Assert.Equal(CommandError.TooLarge, outcome.Result!.Error!.Code);
        Assert.Null(_t.Window.OpenSessionId);
    }

    [Fact]
    public void Result_WithoutId_WritesIdNull()
    {
        var json = Encoding.UTF8.GetString(CommandResult.Success(null).ToJson());

        Assert.Equal("""{"id":null,"ok":true}""", json);
    }
}
