using Microsoft.Data.Sqlite;
using Terminal.Storage.Internal;

namespace Terminal.Storage.Tests.Internal;

public sealed class WalHeaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("terminal-wal-").FullName;

    [Fact]
    public void IsIntact_RealWalWrittenBySqlite_IsTrue()
    {
        var wal = WriteRealWal();

        Assert.True(WalHeader.IsIntact(wal));
    }

    [Theory]
    [InlineData(0)]  // magic
    [InlineData(4)]  // format version
    [InlineData(16)] // salt: covered by the header checksum
    [InlineData(28)] // checksum itself
    public void IsIntact_OneByteFlippedInTheHeader_IsFalse(int offset)
    {
        var wal = WriteRealWal();
        var bytes = File.ReadAllBytes(wal);
        bytes[offset] ^= 0x40;
        File.WriteAllBytes(wal, bytes);

        Assert.False(WalHeader.IsIntact(wal));
    }

    [Fact]
    public void IsIntact_MissingOrShorterThanAHeader_IsTrue()
    {
        var wal = Path.Combine(_directory, "none-wal");
        Assert.True(WalHeader.IsIntact(wal));
        File.WriteAllBytes(wal, new byte[10]);
        Assert.True(WalHeader.IsIntact(wal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Leaves a WAL with a commit in it by copying it while the connection is open.</summary>
    private string WriteRealWal()
    {
        var db = Path.Combine(_directory, "t.db");
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);";
        command.ExecuteNonQuery();
        var copy = Path.Combine(_directory, "copy-wal");
        File.Copy(db + "-wal", copy);
        return copy;
    }
}
