using System.Text.Json.Serialization;

namespace Terminal.Cli.Provision;

/// <summary>The device configuration file (docs/configuration.md): only what provisioning sets; the rest keeps its defaults.</summary>
internal sealed record DeviceConfig(TerminalSection Terminal)
{
    public static DeviceConfig From(ProvisionRequest request) => new(new TerminalSection(
        request.TerminalId,
        request.HallId,
        request.Window,
        request.Board.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(request.Board) : request.Board,
        new BrokerSection(
            request.Brokers,
            request.Ca is null && request.Cert is null ? null : new TlsSection(Full(request.Ca), Full(request.Cert), Full(request.Key)),
            request.AllowInsecure ? true : null)));

    private static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);
}

internal sealed record TerminalSection(string TerminalId, string HallId, string Window, string Board, BrokerSection Broker);

internal sealed record BrokerSection(
    IReadOnlyList<string> Uris,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TlsSection? Tls,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? AllowInsecure);

internal sealed record TlsSection(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ca,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cert,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key);

/// <summary>docs/configuration.md key names are PascalCase, as .NET configuration binds them.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(DeviceConfig))]
[JsonSerializable(typeof(ProvisionReport))]
internal sealed partial class ProvisionJson : JsonSerializerContext;
