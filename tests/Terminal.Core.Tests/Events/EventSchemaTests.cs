using System.Text.Json;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Settings;
using Terminal.Core.Tests.Window;
using Terminal.TestUtils.Contract;

namespace Terminal.Core.Tests.Events;

/// <summary>
/// Every kind of event the window makes, in its wire form, is the message docs/asyncapi.yaml names
/// for its topic and valid against docs/schemas/event.schema.json.
/// </summary>
public sealed class EventSchemaTests
{
    private static readonly CaseInfo Case = new("C-2026-0001", "I-7", "营业执照", "A012", null);

    public static TheoryData<string> Scenarios => [.. Runs.Keys];

    private static Dictionary<string, Action<TestWindow>> Runs => new()
    {
        ["good rating, citizen's own session"] = t => t.Tap(5),
        ["queue session with case, rated"] = t =>
        {
            t.Open("Q-1", Case);
            t.Tap(4);
        },
        ["invite, then unrated after the timeout"] = t =>
        {
            t.Invite();
            t.Advance(TimeSpan.FromMinutes(1));
        },
        ["bad rating with a reason"] = t =>
        {
            t.Tap(1);
            t.Reason("efficiency");
        },
        ["bad rating without a reason"] = t =>
        {
            t.Tap(2);
            t.Advance(TimeSpan.FromMinutes(1));
        },
        ["repeat burst"] = t =>
        {
            for (var i = 0; i < 5; i++)
            {
                t.Tap(3);
            }

            t.Advance(TimeSpan.FromMinutes(1));
        },
        ["free mode"] = t => t.Tap(5),
        ["cancelled and shut down"] = t =>
        {
            t.Open("Q-2", null);
            t.Record(t.Window.CancelSession("Q-2", out _));
            t.Open("Q-3", Case);
            t.Record(t.Window.Shutdown());
        },
        ["attendance: known and unknown cards, duplicate, pause"] = t =>
        {
            t.Window.ApplyRoster(new Roster(17, [new RosterEntry("S-1034", "张敏", "综合窗口", ["H10301:12:34567"])]));
            t.Badge(34567);
            t.Badge(34567);
            t.Pause();
            t.Pause();
            t.Advance(TimeSpan.FromMinutes(2));
            t.Badge(11111);
            t.Advance(TimeSpan.FromMinutes(2));
            t.Badge(11111);
        },
        ["stuck key and its release"] = t =>
        {
            t.Press(5);
            t.Advance(TimeSpan.FromMinutes(1));
            t.Release(5);
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryEvent_IsItsTopicsMessage_AndValid(string scenario)
    {
        var t = new TestWindow(
            scenario == "free mode" ? WindowSettings.Default.With(TerminalSettings.Rating.Mode, RatingMode.Free) : null,
            TestWindow.WithReasons);
        Runs[scenario](t);

        Assert.NotEmpty(t.Committed);
        foreach (var (envelope, index) in t.Committed.Select((e, i) => (e, i)))
        {
            // The buffer assigns seq at commit; on the wire it is always there.
            var wire = JsonDocument.Parse(EventJson.Serialize(envelope with { Seq = index + 1 })).RootElement;
            var topic = $"{t.Factory.Identity.TopicRoot}/event/{envelope.Type.WireName()}";
            var operation = Assert.Single(AsyncApiDocument.Shipped.OperationsFor(topic));

            Assert.True(operation.IsSend, $"{topic} is not published by the terminal in docs/asyncapi.yaml");
            PayloadSchemas.AssertValid(Assert.Single(operation.Messages).Payload, wire, $"{scenario}: event {index} on {topic}");
        }
    }

    [Fact]
    public void TheScenarios_CoverEveryEventTypeAndEveryValueOfTheEnumeratedFields()
    {
        var all = Runs.Keys.SelectMany(s =>
        {
            var t = new TestWindow(null, TestWindow.WithReasons);
            Runs[s](t);
            return t.Committed;
        }).ToList();

        Assert.Equal(Enum.GetValues<EventType>(), all.Select(e => e.Type).Distinct().Order());
        var sessions = all.Select(e => e.Data).OfType<SessionData>().ToList();
        Assert.Equal(["cancelled", "rated", "unrated"], sessions.Select(s => s.Outcome).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["citizen", "queue", "staff"], sessions.Select(s => s.Source).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["pause", "resume", "sign-in", "sign-out"], all.Select(e => e.Data).OfType<AttendanceData>().Select(a => a.Action).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(all.Select(e => e.Data).OfType<RatingData>(), r => r.Misuse == "repeat" && r.Count > 1);
    }
}
