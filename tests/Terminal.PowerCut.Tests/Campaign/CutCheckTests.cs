using Terminal.PowerCut.Campaign;
using static Terminal.PowerCut.Tests.Campaign.Records;

namespace Terminal.PowerCut.Tests.Campaign;

public sealed class CutCheckTests
{
    [Fact]
    public void ReportedEvents_InTheBufferAfterTheCut_AreNotLost()
    {
        var totals = CutCheck.Run([Boot(0, reported: [Event(1), Event(2)]), Boot(1, stored: [Event(1), Event(2)], exported: [Event(1), Event(2)])], []);

        Assert.True(totals.Clean, string.Join("\n", totals.Findings));
        Assert.Equal((1, 2, 2, 0), (totals.Rounds, totals.Reported, totals.AtRisk, totals.Lost));
    }

    [Fact]
    public void ReportedEvent_NeitherInTheBufferNorDelivered_IsLost()
    {
        var totals = CutCheck.Run([Boot(0, reported: [Event(1), Event(2)]), Boot(1, stored: [Event(1)], exported: [Event(1)])], []);

        Assert.Equal(1, totals.Lost);
        Assert.Contains("seq 2", Assert.Single(totals.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportedEvent_DeliveredBeforeTheCut_IsNotLost()
    {
        var totals = CutCheck.Run([Boot(0, reported: [Event(1), Event(2)], delivered: [Event(2)]), Boot(1, stored: [Event(1)])], []);

        Assert.Equal((0, 1), (totals.Lost, totals.AtRisk)); // only seq 1 depended on the buffer
    }

    [Fact]
    public void SameSeq_ForAnotherEventAfterTheCut_IsReusedAndWentBack()
    {
        var totals = CutCheck.Run([Boot(0, reported: [Event(1), Event(2)]), Boot(1, stored: [Event(1)], reported: [Event(2, id: "other")])], []);

        Assert.Equal((1, 1, 1), (totals.Lost, totals.SeqsReused, totals.SeqRegressions));
    }

    [Fact]
    public void NewSeq_BelowOneSeenBeforeTheCut_WentBack()
    {
        var totals = CutCheck.Run([Boot(0, reported: [Event(5)], delivered: [Event(5)]), Boot(1, reported: [Event(4)])], []);

        Assert.Equal((0, 1), (totals.SeqsReused, totals.SeqRegressions));
    }

    [Fact]
    public void HeldRating_CommittedAfterTheRestart_IsKept()
    {
        var totals = CutCheck.Run([Boot(0, reported: [RatedClose(3, "s1")]), Boot(1, stored: [RatedClose(3, "s1")], exported: [RatedClose(3, "s1"), Rating(1030, "s1")])], []);

        Assert.Equal((1, 0), (totals.HeldRatings, totals.HeldLost));
    }

    [Fact]
    public void HeldRating_NeverCommitted_IsLost()
    {
        var totals = CutCheck.Run([Boot(0, reported: [RatedClose(3, "s1")]), Boot(1, stored: [RatedClose(3, "s1")])], []);

        Assert.Equal((1, 1), (totals.HeldRatings, totals.HeldLost));
    }

    [Fact]
    public void RatingCommittedWithItsClose_IsNotAHeldRating()
    {
        var totals = CutCheck.Run([Boot(0, reported: [Rating(2, "s1"), RatedClose(3, "s1")]), Boot(1, stored: [Rating(2, "s1"), RatedClose(3, "s1")])], []);

        Assert.Equal(0, totals.HeldRatings);
    }

    [Fact]
    public void StorageIncident_OrDatabaseProblem_IsAnIntegrityFailure()
    {
        var totals = CutCheck.Run([Boot(0), Boot(1, exported: [Fault(1025, "storage-quarantined")], problems: ["integrity_check: page 3 is never used"])], []);

        Assert.Equal(2, totals.IntegrityFailures);
    }

    [Fact]
    public void FinalBootWithoutExport_AndBootFailures_AreIntegrityFailures()
    {
        var final = Boot(1) with { Exported = null };

        var totals = CutCheck.Run([Boot(0), final], ["boot 0: never reached 'load'"]);

        Assert.Equal(2, totals.IntegrityFailures);
    }
}
