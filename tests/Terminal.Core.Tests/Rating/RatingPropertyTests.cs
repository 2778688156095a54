using FsCheck;
using FsCheck.Fluent;
using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Rating;

/// <summary>Whatever citizens, staff and the queue do, no press is lost and each session is rated at most once.</summary>
public sealed class RatingPropertyTests
{
    private enum Step
    {
        Press,
        Open,
        Invite,
        Cancel,
        Reason,
        Wait,
    }

    [Fact]
    public void AnyScript_EveryPressIsRecordedOnce_AndEverySessionClosesOnceWithAtMostOneRating()
    {
        var scripts = Gen.Sample(ScriptGen(), 60, 300);

        foreach (var (withReasons, steps) in scripts)
        {
            var t = new TestWindow(keys: withReasons ? TestWindow.WithReasons : KeyLayout.FiveKeys);
            var presses = 0;
            var queueIds = 0;
            foreach (var (step, value) in steps)
            {
                Run(t, step, value, ref presses, ref queueIds);
            }

            t.Record(t.Window.Shutdown());
            var trace = string.Join(", ", steps.Select(s => $"{s.Item1}:{s.Item2}")) + " => "
                + string.Join(", ", t.Committed.Select(e => e.Data switch
                {
                    RatingData r => $"R{r.Level}{r.Misuse}x{r.Count}@{r.Session[..Math.Min(4, r.Session.Length)]}",
                    SessionData s => $"S{s.Action}/{s.Outcome}@{s.Session[..Math.Min(4, s.Session.Length)]}",
                    _ => "?",
                }));
            try
            {

            var ratings = t.Data<RatingData>();
            Assert.Equal(presses, ratings.Sum(r => r.Count));
            Assert.All(ratings.Where(r => r.Misuse is null).GroupBy(r => r.Session), g => Assert.Single(g));
            var sessions = t.Data<SessionData>();
            Assert.All(sessions.GroupBy(s => s.Session), g => Assert.Equal(["opened", "closed"], g.Select(s => s.Action)));
            Assert.Null(t.Window.HeldRating);
            Assert.Equal(t.Committed.Count, t.Committed.Select(e => e.Id).Distinct().Count());
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{(withReasons ? "reasons" : "five keys")}: {trace}", e);
            }
        }
    }

    private static void Run(TestWindow t, Step step, int value, ref int presses, ref int queueIds)
    {
        switch (step)
        {
            case Step.Press:
                t.Tap(value % 5 + 1);
                presses++;
                break;
            case Step.Open:
                // Unique queue ids, and now and then the last one again, as a QoS 1 redelivery.
                t.Open(value % 3 == 0 ? null : $"Q-{(value % 3 == 1 ? queueIds : ++queueIds)}");
                break;
            case Step.Invite:
                t.Invite();
                break;
            case Step.Cancel:
                t.Record(t.Window.CancelSession(null, out _));
                break;
            case Step.Reason:
                t.Reason("other");
                break;
            default:
                t.Advance(TimeSpan.FromMilliseconds(value * 37 % 40_000));
                break;
        }
    }

    private static Gen<(bool, (Step, int)[])> ScriptGen() =>
        from withReasons in Gen.Elements(true, false)
        from steps in Gen.ArrayOf(
            from step in Gen.Frequency((6, Gen.Constant(Step.Press)), (1, Gen.Constant(Step.Open)), (1, Gen.Constant(Step.Invite)),
                (1, Gen.Constant(Step.Cancel)), (1, Gen.Constant(Step.Reason)), (5, Gen.Constant(Step.Wait)))
            from value in Gen.Choose(0, 10_000)
            select (step, value))
        select (withReasons, steps);
}
