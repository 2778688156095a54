using System.Security.Cryptography;
using Terminal.Core.Commands;
using Terminal.Core.Updates;
using Terminal.Storage;

namespace Terminal.Host.Updates;

/// <summary>
/// <c>update.apply</c> (docs/mqtt.md#commands, deploy/README.md#on-the-device) as far as an unprivileged service may go: fetch the package,
/// check its SHA-256 and its ECDSA P-256 signature with the device's public key, and leave it in
/// <c>{DataDir}/updates/</c> with an <c>apply</c> trigger. The root-owned path unit
/// (<c>deploy/terminal-update-request.path</c>) then installs it with rollback; the outcome lands in
/// <c>{DataDir}/last-update.json</c>. Nothing is staged unless every check passed.
/// </summary>
internal sealed class UpdateStager(string dataDirectory, IReadOnlyList<string> publicKeyPaths, Func<Uri, CancellationToken, Task<Stream>> fetch)
{
    /// <summary>Where deploy/ installs the update key (the first that exists wins), as terminal-update reads it.</summary>
    public static IReadOnlyList<string> DeviceKeyPaths { get; } = ["/etc/terminal/update-key.pem", "/usr/share/terminal/update-key.pem"];

    public string UpdatesDirectory => Path.Combine(dataDirectory, "updates");

    /// <summary>Fetches and checks the package; returns null when staged, else why not.</summary>
    public async Task<CommandError?> StageAsync(UpdateApplyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Url.Scheme is not ("https" or "http"))
        {
            return Refused($"only http(s) package URLs are fetched, not {command.Url.Scheme}://");
        }

        var keyPath = publicKeyPaths.FirstOrDefault(File.Exists);
        if (keyPath is null)
        {
            return Refused($"no update key is installed ({string.Join(" or ", publicKeyPaths)}); nothing was fetched");
        }

        Directory.CreateDirectory(UpdatesDirectory);
        var partial = Path.Combine(UpdatesDirectory, "terminal.deb.part");
        byte[] digest;
        try
        {
            digest = await DownloadAsync(command.Url, partial, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            File.Delete(partial);
            return new CommandError(CommandError.Failed, $"fetching {command.Url} failed: {e.Message}");
        }

        var expected = Convert.ToHexStringLower(digest);
        if (!string.Equals(expected, command.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(partial);
            return Refused($"sha256 of the fetched package is {expected}, the command says {command.Sha256}; nothing was staged");
        }

        var keyPem = await File.ReadAllTextAsync(keyPath, cancellationToken).ConfigureAwait(false);
        var verdict = UpdateSignature.Verify(digest, command.Signature.Span, keyPem);
        if (verdict != SignatureVerdict.Valid)
        {
            File.Delete(partial);
            return Refused($"signature check with {keyPath}: {verdict}; nothing was staged");
        }

        var package = Path.Combine(UpdatesDirectory, "terminal.deb");
        File.Move(partial, package, overwrite: true);
        DurableFile.Write(package + UpdateSignature.FileSuffix, command.Signature.Span);
        DurableFile.Write(Path.Combine(UpdatesDirectory, "apply"), []);
        return null;
    }

    private async Task<byte[]> DownloadAsync(Uri url, string path, CancellationToken cancellationToken)
    {
        var source = await fetch(url, cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            await using (target.ConfigureAwait(false))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(chunk, 0, read);
                    await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                target.Flush(flushToDisk: true);
            }

            return hash.GetHashAndReset();
        }
    }

    private static CommandError Refused(string message) => new(CommandError.Failed, $"update refused: {message}");
}
