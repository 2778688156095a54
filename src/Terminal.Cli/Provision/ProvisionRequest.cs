namespace Terminal.Cli.Provision;

/// <summary>What the field engineer asked <c>terminalctl provision</c> to write.</summary>
internal sealed record ProvisionRequest(
    string TerminalId,
    string HallId,
    string Window,
    string Board,
    IReadOnlyList<string> Brokers,
    string? Ca,
    string? Cert,
    string? Key,
    bool AllowInsecure);
