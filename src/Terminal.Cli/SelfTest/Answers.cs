namespace Terminal.Cli.SelfTest;

/// <summary>What the engineer answered to a yes/no question.</summary>
internal enum Answer
{
    Yes,
    No,

    /// <summary>No answer within the part's time.</summary>
    TimedOut,

    /// <summary>Standard input ended.</summary>
    Closed,
}

/// <summary>
/// Yes/no answers read line by line from standard input (a terminal, or answers piped in), each
/// within a time limit. A read that timed out stays pending and serves the next question, so no
/// typed line is lost.
/// </summary>
internal sealed class Answers(TextReader input, TextWriter prompts, bool echo, TimeProvider time)
{
    private Task<string?>? _pending;

    public async Task<Answer> AskAsync(string question, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            await prompts.WriteAsync($"{question} [y/n] ").ConfigureAwait(false);
            await prompts.FlushAsync(cancellationToken).ConfigureAwait(false);
            // Console.In reads synchronously even through ReadLineAsync: read on the pool.
            _pending ??= Task.Run(input.ReadLine, CancellationToken.None);
            string? line;
            try
            {
                line = await _pending.WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await prompts.WriteLineAsync($"(no answer within {timeout.TotalSeconds:0} s)").ConfigureAwait(false);
                return Answer.TimedOut;
            }

            _pending = null;
            if (line is null)
            {
                await prompts.WriteLineAsync("(input closed)").ConfigureAwait(false);
                return Answer.Closed;
            }

            if (echo)
            {
                // Piped answers are not echoed by a terminal: show them so the transcript reads well.
                await prompts.WriteLineAsync(line).ConfigureAwait(false);
            }

            switch (line.Trim().ToLowerInvariant())
            {
                case "y" or "yes":
                    return Answer.Yes;
                case "n" or "no":
                    return Answer.No;
                default:
                    await prompts.WriteLineAsync("please answer y or n").ConfigureAwait(false);
                    break;
            }
        }
    }
}
