namespace Terminal.Storage;

/// <summary>
/// Something the buffer found and repaired when it opened; the host publishes each as a
/// <c>fault</c> event (docs/mqtt.md#envelope) so the hall learns of it.
/// </summary>
/// <param name="Code">Fault code: see the constants on this type.</param>
/// <param name="Detail">What happened, for a person.</param>
public sealed record BufferIncident(string Code, string Detail)
{
    /// <summary>The database (or its WAL) could not be read; it was renamed aside and a new one started.</summary>
    public const string Quarantined = "storage-quarantined";

    /// <summary>The database is behind the side file's high-water mark (restored from an old copy, or lost commits): <c>seq</c> continues after the side file.</summary>
    public const string SeqRestored = "storage-seq-restored";

    /// <summary>The <c>seq</c> side file was unreadable; the database's mark was used and the file rewritten.</summary>
    public const string SeqFileUnreadable = "storage-seq-file-unreadable";
}
