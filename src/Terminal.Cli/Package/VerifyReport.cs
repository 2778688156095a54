namespace Terminal.Cli.Package;

/// <summary>The <c>--json</c> output of <c>package verify</c>.</summary>
internal sealed record VerifyReport(string File, string Sha256, string Verdict, bool Verified);
