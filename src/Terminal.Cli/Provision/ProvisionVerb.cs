using System.CommandLine;
using System.Text.Json;

namespace Terminal.Cli.Provision;

/// <summary>
/// <c>terminalctl provision</c> (SPEC §10): writes this device's identity and broker connection to
/// the configuration file (SPEC §6), after checking everything it can check offline.
/// Exit codes: 0 written; 1 invalid input (each problem on its own line); 2 not written (the file
/// exists and --force was not given, or it could not be written).
/// </summary>
internal static class ProvisionVerb
{
    public const string DefaultOut = "/etc/terminal/terminal.json";
    public const string ServiceGroup = "terminal";

    public static Command Create()
    {
        var terminal = new Option<string>("--terminal") { Description = "Terminal id, e.g. T-0412 ([A-Za-z0-9_-]{1,64}).", Required = true };
        var hall = new Option<string>("--hall") { Description = "Hall id, e.g. H-01.", Required = true };
        var window = new Option<string>("--window") { Description = "Window (counter) this terminal sits at, e.g. 12.", Required = true };
        var board = new Option<string>("--board") { Description = "Board file name under board-config/ (e.g. pi4-5key) or a path.", Required = true };
        var broker = new Option<string[]>("--broker")
        {
            Description = "Broker URI, mqtts://host:8883; repeat for fail-over brokers.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var ca = new Option<string?>("--ca") { Description = "CA certificate (PEM) that signed the broker's certificate: the hall CA's ca.crt." };
        var cert = new Option<string?>("--cert") { Description = "This device's client certificate (PEM); its CN must be the terminal id." };
        var key = new Option<string?>("--key") { Description = "This device's private key (PEM); must not be world-readable." };
        var allowInsecure = new Option<bool>("--allow-insecure") { Description = "Accept mqtt:// (plain TCP, no TLS). Only for halls without TLS." };
        var output = new Option<string>("--out") { Description = "Configuration file to write.", DefaultValueFactory = _ => DefaultOut };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing configuration (replacing a device keeps its identity)." };
        var json = new Option<bool>("--json") { Description = "One JSON object: ok, file, errors, warnings." };

        var command = new Command("provision", """
            Write this device's identity and broker connection (SPEC §6) to /etc/terminal/terminal.json,
            readable by root and the service only (mode 0640, group terminal). Checks ids, broker URIs,
            that the certificate files exist and are readable and that the key is not world-readable.
            Exit codes: 0 written, 1 invalid input (every problem is listed), 2 not written (file exists
            without --force, or cannot be written). Restart the service afterwards:
            systemctl restart terminal
            Certificates: the hall's PKI makes the three files with `hall-pki terminal DIR T-0412`
            (DIR/terminals/T-0412/ca.crt, client.crt, client.key), and the hall broker admits the
            certificate only for that terminal's own topics once the id is on its list; see
            deploy/hall-broker/README.md in the terminal's release (the hall server's kit).
            """)
        {
            terminal, hall, window, board, broker, ca, cert, key, allowInsecure, output, force, json,
        };
        command.SetAction(parse => Run(
            new ProvisionRequest(
                parse.GetValue(terminal)!,
                parse.GetValue(hall)!,
                parse.GetValue(window)!,
                parse.GetValue(board)!,
                parse.GetValue(broker) ?? [],
                parse.GetValue(ca),
                parse.GetValue(cert),
                parse.GetValue(key),
                parse.GetValue(allowInsecure)),
            parse.GetValue(output)!,
            parse.GetValue(force),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(ProvisionRequest request, string path, bool force, bool json, TextWriter output, TextWriter error)
    {
        var warnings = new List<string>();
        var problems = ProvisionValidator.Validate(request);
        if (problems.Count > 0)
        {
            return Report(1, path, problems, warnings, json, output, error);
        }

        if (File.Exists(path) && !force)
        {
            return Report(2, path, [$"{path} exists: this device is provisioned already; add --force to replace it"], warnings, json, output, error);
        }

        if (!request.Brokers.All(b => b.StartsWith("mqtts://", StringComparison.Ordinal)))
        {
            warnings.Add("plain mqtt:// allowed: events and card numbers cross the hall LAN unencrypted");
        }

        if (OperatingSystem.IsWindows())
        {
            return Report(2, path, ["provisioning writes a Linux device's configuration; run it on the device"], warnings, json, output, error);
        }

        try
        {
            var content = JsonSerializer.Serialize(DeviceConfig.From(request), ProvisionJson.Default.DeviceConfig) + "\n";
            ConfigFileWriter.Write(path, content, ServiceGroup, warnings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Report(2, path, [$"cannot write {path}: {ex.Message}"], warnings, json, output, error);
        }

        return Report(0, path, [], warnings, json, output, error);
    }

    private static int Report(int code, string path, IReadOnlyList<string> errors, IReadOnlyList<string> warnings, bool json, TextWriter output, TextWriter error)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new ProvisionReport(code == 0, path, errors, warnings), ProvisionJson.Default.ProvisionReport).ReplaceLineEndings(" "));
            return code;
        }

        foreach (var warning in warnings)
        {
            error.WriteLine("provision: warning: " + warning);
        }

        foreach (var problem in errors)
        {
            error.WriteLine("provision: " + problem);
        }

        if (code == 0)
        {
            output.WriteLine($"wrote {path}; now run: systemctl restart terminal");
        }

        return code;
    }
}
