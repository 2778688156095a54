using System.Text.RegularExpressions;
using Terminal.Core.Identity;

namespace Terminal.Cli.Provision;

/// <summary>
/// Checks a provisioning request before anything is written; every problem is one line that
/// names the option, the value and what to do.
/// </summary>
internal static partial class ProvisionValidator
{
    public static IReadOnlyList<string> Validate(ProvisionRequest request)
    {
        var problems = new List<string>();
        CheckId(problems, "--terminal", request.TerminalId);
        CheckId(problems, "--hall", request.HallId);
        CheckId(problems, "--window", request.Window);
        CheckBoard(problems, request.Board);
        CheckBrokers(problems, request);
        CheckFile(problems, "--ca", request.Ca, secret: false);
        CheckFile(problems, "--cert", request.Cert, secret: false);
        CheckFile(problems, "--key", request.Key, secret: true);
        if ((request.Cert is null) != (request.Key is null))
        {
            problems.Add("--cert and --key go together: the client certificate needs its private key");
        }

        return problems;
    }

    // docs/mqtt.md#topics: ids appear in topics, so [A-Za-z0-9_-]{1,64}.
    private static void CheckId(List<string> problems, string option, string value)
    {
        if (!TerminalIdentity.IsValidId(value))
        {
            problems.Add($"{option} '{value}' is not a valid id: use 1-64 of A-Z a-z 0-9 _ -");
        }
    }

    private static void CheckBoard(List<string> problems, string board)
    {
        if (board.Contains('/', StringComparison.Ordinal))
        {
            if (!File.Exists(board))
            {
                problems.Add($"--board '{board}': board file not found");
            }
        }
        else if (!BoardName().IsMatch(board))
        {
            problems.Add($"--board '{board}' is not a board name (a file name under board-config/ without .json, or a path)");
        }
    }

    private static void CheckBrokers(List<string> problems, ProvisionRequest request)
    {
        if (request.Brokers.Count == 0)
        {
            problems.Add("--broker is required: e.g. mqtts://hall-server:8883");
        }

        foreach (var uri in request.Brokers)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
            {
                problems.Add($"--broker '{uri}' is not a URI: e.g. mqtts://hall-server:8883");
            }
            else if (parsed.Scheme == "mqtt" && !request.AllowInsecure)
            {
                problems.Add($"--broker '{uri}' is plain TCP: use mqtts://, or add --allow-insecure if the hall really has no TLS");
            }
            else if (parsed.Scheme is not ("mqtt" or "mqtts"))
            {
                problems.Add($"--broker '{uri}': scheme must be mqtts:// (or mqtt:// with --allow-insecure)");
            }
        }
    }

    private static void CheckFile(List<string> problems, string option, string? path, bool secret)
    {
        if (path is null)
        {
            return;
        }

        if (!File.Exists(path))
        {
            problems.Add($"{option} {path}: file not found");
            return;
        }

        try
        {
            using var _ = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{option} {path}: not readable ({ex.Message})");
            return;
        }

        if (secret && !OperatingSystem.IsWindows() && File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherRead))
        {
            problems.Add($"{option} {path}: private key is world-readable; run: chmod o-rwx {path}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex BoardName();
}
