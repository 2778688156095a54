using Terminal.PowerCut.Wear;

namespace Terminal.PowerCut.Tests.Wear;

public sealed class WearPhaseTests
{
    [Fact]
    public void Parse_StatLinesBeforeAndAfter_GivesWhatThePressesWrote()
    {
        // /sys/block/vda/stat (17 fields) plus the ext4 journal's commit count, as Guest/wear.sh prints them.
        const string line = "WEAR terminal presses=40 events=120 seconds=761.03 " +
            "before=10,1,82,81,15243,12014,300744,52959,0,54072,62994,0,0,0,0,10072,9953,5015 " +
            "after=10,1,82,81,15383,12054,302800,53479,0,54568,63590,0,0,0,0,10153,10030,5055";

        var phase = WearPhase.Parse(line);

        Assert.Equal(("terminal", 40, 120), (phase.Name, phase.Presses, phase.Events));
        Assert.Equal(new BlockDeviceCounters(140, 2056, 81, 40), phase.Written);
        Assert.Equal(2056 * 512.0 / 40, phase.BytesPerPress);
        Assert.Equal(1.0, phase.JournalCommitsPerPress);
        Assert.Null(phase.PageSize);
    }

    [Fact]
    public void Parse_WithPageSize_KeepsIt()
    {
        var counters = new BlockDeviceCounters(3, 16, 2, 1).ToCsv();

        var phase = WearPhase.Parse($"WEAR raw presses=1 events=3 seconds=2.0 pageSize=4096 before={new BlockDeviceCounters(0, 0, 0, 0).ToCsv()} after={counters}");

        Assert.Equal((4096, 8192.0), (phase.PageSize!.Value, phase.BytesPerPress));
    }
}
