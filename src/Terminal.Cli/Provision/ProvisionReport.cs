namespace Terminal.Cli.Provision;

/// <summary>The <c>--json</c> output of <c>provision</c>: what was written, or why not.</summary>
internal sealed record ProvisionReport(bool Ok, string File, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
