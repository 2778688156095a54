using System.Globalization;

namespace Terminal.Storage.Internal;

/// <summary>
/// The <c>events.seq</c> side file: an upper bound of every <c>seq</c> ever handed out, kept apart
/// from the database so that a lost or restored database cannot make <c>seq</c> go back (docs/mqtt.md#delivery).
/// </summary>
/// <remarks>
/// While running it holds a reservation (a block ahead of the last seq), so commits do not pay a
/// second fsync each; a clean stop writes the exact mark. A crash therefore leaves a gap of at
/// most one block in <c>seq</c>, never a reuse.
/// </remarks>
internal sealed class SeqHighWaterFile(string directory)
{
    private const string Magic = "terminal-seq/1";

    public string Path { get; } = System.IO.Path.Combine(directory, "events.seq");

    /// <summary>Reads the mark; null when the file does not exist; throws <see cref="InvalidDataException"/> when unreadable.</summary>
    public SeqMark? Read()
    {
        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        // "terminal-seq/1 exact|reserved <value> <check>", check = value XOR a constant so garbage fails.
        var parts = text.Trim().Split(' ');
        if (parts.Length == 4 && parts[0] == Magic && parts[1] is "exact" or "reserved"
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var check)
            && check == Check(value))
        {
            return new SeqMark(value, parts[1] == "exact");
        }

        throw new InvalidDataException($"{Path} is not a seq mark file ({text.Length} bytes)");
    }

    /// <summary>Writes the mark durably: temp file, fsync, rename over, fsync of the directory.</summary>
    public void Write(SeqMark mark)
    {
        var kind = mark.Exact ? "exact" : "reserved";
        var text = string.Create(CultureInfo.InvariantCulture, $"{Magic} {kind} {mark.Value} {Check(mark.Value)}\n");
        DurableFile.Write(Path, System.Text.Encoding.ASCII.GetBytes(text));
    }

    private static long Check(long value) => value ^ 0x5EC0_5EC0_5EC0L;
}

/// <summary>A high-water mark: <paramref name="Exact"/> when written at a clean stop, else a reservation.</summary>
internal readonly record struct SeqMark(long Value, bool Exact);
