using Terminal.Cli.SelfTest;
using Terminal.TestUtils.Time;

namespace Terminal.Cli.Tests.SelfTest;

public class InteractiveSelfTestTests
{
    private static readonly TimeSpan PerPart = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task LedsAndBuzzer_AnsweredYes_Pass_AndAreSwitchedOffAfterTheQuestion()
    {
        var panel = new ScriptedPanel(Hello(leds: ["k5", "k1"], keys: [], buzzer: true));

        var parts = await RunAsync(panel, "y\nyes\nY\n");

        Assert.Equal(["led:k5 lit", "led:k1 lit", "buzzer heard"], parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.True(p.Passed, p.Detail));
        Assert.Equal(["led k5 on", "led k5 off", "led k1 on", "led k1 off", "buzzer on", "buzzer off"], panel.Outputs);
    }

    [Fact]
    public async Task Led_AnsweredNo_Fails_AfterARepeatedQuestionForAnUnclearAnswer()
    {
        var prompts = new StringWriter();
        var panel = new ScriptedPanel(Hello(leds: ["k5"], keys: []));

        var parts = await RunAsync(panel, "maybe\nn\n", prompts);

        Assert.Equal(new PartResult("led:k5 lit", false, "not lit: check the LED of k5 and its wiring"), Assert.Single(parts));
        Assert.Contains("please answer y or n", prompts.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_EndedEarly_FailTheRemainingQuestions()
    {
        var panel = new ScriptedPanel(Hello(leds: ["k5", "k1"], keys: []));

        var parts = await RunAsync(panel, "y\n");

        Assert.True(parts[0].Passed);
        Assert.Equal(new PartResult("led:k1 lit", false, "no answer (input closed)"), parts[1]);
    }

    [Fact]
    public async Task Key_PressedAsAsked_Passes_ReleasesIgnored()
    {
        var panel = new ScriptedPanel(Hello(leds: [], keys: ["k5"]), """{"input":"key","key":"k1","action":"released"}""", """{"input":"key","key":"k5","action":"pressed"}""");

        var parts = await RunAsync(panel, string.Empty);

        Assert.Equal(new PartResult("key:k5", true, "pressed"), Assert.Single(parts));
    }

    [Fact]
    public async Task Key_OtherKeyPressed_Fails_NamingBoth()
    {
        var panel = new ScriptedPanel(Hello(leds: [], keys: ["k5"]), """{"input":"key","key":"k4","action":"pressed"}""");

        var parts = await RunAsync(panel, string.Empty);

        Assert.Equal(new PartResult("key:k5", false, "key k4 reported instead of k5: check the wiring of both keys"), Assert.Single(parts));
    }

    [Fact]
    public async Task Key_NotPressedWithinThePartsTime_Fails()
    {
        var time = new FakeTimeProvider();
        var prompts = new StringWriter();
        var test = new InteractiveSelfTest(new ScriptedPanel(Hello(leds: [], keys: ["pause"])), Answers(string.Empty, prompts, time), prompts, PerPart, time);

        var running = test.RunAsync(CancellationToken.None);
        Assert.Contains("Press key pause now (within 15 s).", prompts.ToString(), StringComparison.Ordinal);
        time.Advance(PerPart);
        var parts = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new PartResult("key:pause", false, "nothing within 15 s"), Assert.Single(parts));
    }

    [Fact]
    public async Task Key_SessionEndedByTheTerminal_Fails()
    {
        var panel = new ScriptedPanel(Hello(leds: [], keys: ["k5"]), [null]);

        var parts = await RunAsync(panel, string.Empty);

        Assert.Equal(new PartResult("key:k5", false, "the terminal ended the self-test session"), Assert.Single(parts));
    }

    [Fact]
    public async Task Card_Swiped_PassesWithFormatAndMaskedNumber_AfterNoise()
    {
        var panel = new ScriptedPanel(
            Hello(leds: [], keys: [], reader: ["H10301"]),
            """{"input":"reader-noise","frames":1,"reason":"parity"}""",
            """{"input":"card","format":"H10301","facility":12,"card":"*4567","staff":"S-1034","name":"张敏"}""");

        var parts = await RunAsync(panel, string.Empty);

        Assert.Equal(new PartResult("reader", true, "H10301 card *4567, facility 12, staff S-1034 张敏"), Assert.Single(parts));
    }

    [Fact]
    public async Task Card_OnlyNoise_FailsPointingAtTheWiring()
    {
        var time = new FakeTimeProvider();
        var prompts = new StringWriter();
        var panel = new ScriptedPanel(Hello(leds: [], keys: [], reader: ["H10301"]), """{"input":"reader-noise","frames":1,"reason":"parity"}""");
        var test = new InteractiveSelfTest(panel, Answers(string.Empty, prompts, time), prompts, PerPart, time);

        var running = test.RunAsync(CancellationToken.None);
        time.Advance(PerPart);
        var part = Assert.Single(await running.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.False(part.Passed);
        Assert.Equal("nothing within 15 s; 1 unreadable frame(s): check D0/D1 wiring and the card format", part.Detail);
    }

    private static Task<IReadOnlyList<PartResult>> RunAsync(ScriptedPanel panel, string answers, StringWriter? prompts = null)
    {
        prompts ??= new StringWriter();
        var time = new FakeTimeProvider();
        return new InteractiveSelfTest(panel, Answers(answers, prompts, time), prompts, PerPart, time).RunAsync(CancellationToken.None);
    }

    private static Answers Answers(string text, TextWriter prompts, TimeProvider time) => new(new StringReader(text), prompts, echo: true, time);

    [Fact]
    public async Task EveryReader_IsAskedForACard_AndACardOnAnotherReaderDoesNotCount()
    {
        var panel = new ScriptedPanel(
            Hello(leds: [], keys: [], reader: ["H10301"], readers: [new HelloReader("nfc", "mfrc522", [])]),
            """{"input":"card","reader":"wiegand","kind":"wiegand","format":"H10301","facility":12,"card":"*4567","staff":null,"name":null}""",
            """{"input":"card","reader":"wiegand","kind":"wiegand","format":"H10301","facility":12,"card":"*4567","staff":null,"name":null}""",
            """{"input":"card","reader":"nfc","kind":"mfrc522","format":"UID","facility":null,"card":"****B2C3","staff":"S-1","name":"张敏"}""");

        var parts = await RunAsync(panel, string.Empty);

        Assert.Equal(new PartResult("reader", true, "H10301 card *4567, facility 12, not in the roster"), parts[0]);
        Assert.Equal(new PartResult("reader:nfc", true, "UID card ****B2C3, staff S-1 张敏"), parts[1]);
    }

    [Fact]
    public async Task VoicePrompt_IsPlayed_ThenAskedAbout()
    {
        var panel = new ScriptedPanel(Hello(leds: [], keys: [], voice: ["prompt", "thanks"]));

        var parts = await RunAsync(panel, "y\nn\n");

        Assert.Equal(["voice prompt", "voice thanks"], panel.Outputs);
        Assert.Equal(new PartResult("voice:prompt heard", true, "heard"), parts[0]);
        Assert.False(parts[1].Passed);
    }

    [Fact]
    public async Task VoicePrompt_ThatCannotBePlayed_FailsWithoutAsking()
    {
        var panel = new ScriptedPanel(Hello(leds: [], keys: [], voice: ["thanks"])) { VoiceFailure = "default: No such file or directory" };

        var parts = await RunAsync(panel, string.Empty);

        var part = Assert.Single(parts);
        Assert.False(part.Passed);
        Assert.Contains("could not be played: default: No such file or directory", part.Detail, StringComparison.Ordinal);
    }

    private static SessionHello Hello(string[] leds, string[] keys, bool buzzer = false, string[]? reader = null, HelloReader[]? readers = null, string[]? voice = null) =>
        new("s1", "test-board", leds, keys, buzzer, [.. reader is null ? [] : new[] { new HelloReader("wiegand", "wiegand", reader) }, .. readers ?? []], voice ?? []);
}
