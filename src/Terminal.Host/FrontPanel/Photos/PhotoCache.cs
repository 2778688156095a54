using Terminal.Storage;

namespace Terminal.Host.FrontPanel.Photos;

/// <summary>
/// Checked staff photos in <c>{DataDir}/photos</c>, named by their SHA-256, so the 亮身份 card shows
/// offline (docs/mqtt.md#staff-photos). Bounded (<see cref="DefaultMaxBytes"/>): photos no longer in the roster are removed,
/// and when a new one does not fit the least recently used go first. Only <see cref="PhotoCheck"/>ed
/// bytes are stored; a file whose name and content disagree (a torn write) is removed at start.
/// </summary>
internal sealed class PhotoCache
{
    /// <summary>Most bytes the cache keeps.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;

    public PhotoCache(string dataDirectory, TimeProvider time, long maxBytes = DefaultMaxBytes)
    {
        _time = time;
        _directory = Path.Combine(dataDirectory, "photos");
        _maxBytes = maxBytes;
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            var bytes = File.ReadAllBytes(file);
            if (!Path.GetFileNameWithoutExtension(file).Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), StringComparison.Ordinal)
                || PhotoCheck.TypeOf(bytes) != Path.GetExtension(file).TrimStart('.'))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The page's address of a photo.</summary>
    public static string PathFor(string sha256) => "/panel/photo/" + sha256;

    /// <summary>Bytes the cache holds now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return Files().Sum(f => f.Length);
            }
        }
    }

    public bool Contains(string sha256) => Find(sha256) is not null;

    /// <summary>The photo's file (marked as used now), or null.</summary>
    public FileInfo? Open(string sha256)
    {
        lock (_gate)
        {
            var file = Find(sha256);
            if (file is not null)
            {
                file.LastWriteTimeUtc = _time.GetUtcNow().UtcDateTime;
            }

            return file;
        }
    }

    /// <summary>
    /// Stores checked bytes, durably, evicting the least recently used photos (never <paramref name="keep"/>)
    /// until they fit; false when they cannot fit.
    /// </summary>
    public bool Store(string sha256, string type, ReadOnlySpan<byte> bytes, string? keep = null)
    {
        lock (_gate)
        {
            var files = Files().OrderBy(f => f.LastWriteTimeUtc).ToList();
            var used = files.Sum(f => f.Length);
            foreach (var old in files.Where(f => Sha(f) != keep))
            {
                if (used + bytes.Length <= _maxBytes)
                {
                    break;
                }

                used -= old.Length;
                DurableFile.Delete(old.FullName);
            }

            if (used + bytes.Length > _maxBytes)
            {
                return false;
            }

            var path = Path.Combine(_directory, $"{sha256}.{type}");
            DurableFile.Write(path, bytes);
            File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
            return true;
        }
    }

    /// <summary>Removes photos the roster no longer names (docs/mqtt.md#staff-photos: old photos removed).</summary>
    public void Retain(IReadOnlySet<string> wanted)
    {
        lock (_gate)
        {
            foreach (var file in Files().Where(f => !wanted.Contains(Sha(f))))
            {
                DurableFile.Delete(file.FullName);
            }
        }
    }

    private static string Sha(FileInfo file) => Path.GetFileNameWithoutExtension(file.Name);

    private FileInfo? Find(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Files().FirstOrDefault(f => Sha(f) == sha256)
            : null;

    private IEnumerable<FileInfo> Files() => new DirectoryInfo(_directory).EnumerateFiles().Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".tmp", StringComparison.Ordinal));
}
