using Terminal.Mqtt.Diagnostics;

namespace Terminal.Mqtt.Tests.Diagnostics;

public class DurationTextTests
{
    [Theory]
    [InlineData(0.43, "0.4 s")]
    [InlineData(42.7, "42 s")]
    [InlineData(603, "10 min 3 s")]
    [InlineData(7500, "2 h 5 min")]
    [InlineData(273600, "3 d 4 h")]
    [InlineData(-5, "0.0 s")]
    public void Format_ReadsAsPeopleSayIt(double seconds, string text) =>
        Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
