using Terminal.Mqtt.Diagnostics;

namespace Terminal.Mqtt.Tests.Diagnostics;

public class SummaryScheduleTests
{
    [Fact]
    public void Summaries_AreDueAfterOneMinute_ThenAtDoublingIntervals_CappedAtAnHour()
    {
        var start = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        var schedule = new SummarySchedule(start);
        var due = new List<double>();
        for (var minute = 0; minute <= 300; minute++)
        {
            if (schedule.TakeDue(start.AddMinutes(minute)))
            {
                due.Add(minute);
            }
        }

        Assert.Equal([1, 3, 7, 15, 31, 63, 123, 183, 243], due);
    }

    [Fact]
    public void NotYetDue_IsNotTaken()
    {
        var start = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        var schedule = new SummarySchedule(start);

        Assert.False(schedule.TakeDue(start.AddSeconds(59)));
        Assert.True(schedule.TakeDue(start.AddSeconds(60)));
        Assert.False(schedule.TakeDue(start.AddSeconds(61)));
    }
}
