using Terminal.Core.Rating;

namespace Terminal.Core.Tests.Rating;

/// <summary>docs/mqtt.md#rating: the five levels and the reason codes with their labels.</summary>
public sealed class RatingScaleTests
{
    [Fact]
    public void EveryReasonCode_HasTheLabelOfSpecSection2()
    {
        Assert.Equal(
            ["服务态度", "业务能力", "告知情况", "办理手续", "办事效率", "收费情况", "其他"],
            RatingScale.ReasonCodes.Select(RatingScale.ReasonLabel));
    }

    [Fact]
    public void UnknownReasonCode_HasNoLabel()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.ReasonLabel("weather"));
    }
}
