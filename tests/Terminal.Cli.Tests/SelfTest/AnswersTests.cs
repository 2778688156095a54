using Terminal.Cli.SelfTest;
using Terminal.TestUtils.Time;

namespace Terminal.Cli.Tests.SelfTest;

public class AnswersTests
{
    private static readonly TimeSpan PerPart = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("y\n", nameof(Answer.Yes))]
    [InlineData(" YES \n", nameof(Answer.Yes))]
    [InlineData("n\n", nameof(Answer.No))]
    [InlineData("no\n", nameof(Answer.No))]
    [InlineData("", nameof(Answer.Closed))]
    public async Task Answer_IsReadFromTheLine(string input, string expected)
    {
        var answers = new Answers(new StringReader(input), TextWriter.Null, echo: false, new FakeTimeProvider());

        Assert.Equal(Enum.Parse<Answer>(expected), await answers.AskAsync("lit?", PerPart, CancellationToken.None));
    }

    [Fact]
    public async Task PipedAnswer_IsEchoedAfterThePrompt()
    {
        var prompts = new StringWriter();
        var answers = new Answers(new StringReader("y\n"), prompts, echo: true, new FakeTimeProvider());

        await answers.AskAsync("Is the LED of key k5 lit?", PerPart, CancellationToken.None);

        Assert.Equal($"Is the LED of key k5 lit? [y/n] y{Environment.NewLine}", prompts.ToString());
    }

    [Fact]
    public async Task NoAnswerInTime_TimesOut_AndTheLineTypedLaterAnswersTheNextQuestion()
    {
        var time = new FakeTimeProvider();
        using var input = new HeldReader();
        var answers = new Answers(input, TextWriter.Null, echo: false, time);

        var first = answers.AskAsync("lit?", PerPart, CancellationToken.None);
        time.Advance(PerPart);
        Assert.Equal(Answer.TimedOut, await first.WaitAsync(TimeSpan.FromSeconds(10)));

        var second = answers.AskAsync("heard?", PerPart, CancellationToken.None);
        input.Type("n");
        Assert.Equal(Answer.No, await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, input.Reads);
    }

    /// <summary>Standard input with a person behind it: a read blocks until a line is typed.</summary>
    private sealed class HeldReader : TextReader
    {
        private readonly SemaphoreSlim _typed = new(0);
        private string? _line;

        public int Reads { get; private set; }

        public void Type(string line)
        {
            _line = line;
            _typed.Release();
        }

        public override string? ReadLine()
        {
            Reads++;
            _typed.Wait();
            return _line;
        }

        protected override void Dispose(bool disposing)
        {
            _typed.Dispose();
            base.Dispose(disposing);
        }
    }
}
