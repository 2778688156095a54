using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>Invalid configuration stops start-up with exit code 2 and one line on stderr (SPEC §6, §10).</summary>
[Collection(EndToEndCollection.Name)]
public class InvalidConfigurationTests
{
    [Fact]
    public async Task MissingTerminalId_NamesTheKeyAndTheDeviceFile()
    {
        var config = TempFile("""{"Terminal":{"HallId":"H-01","Window":"3","Board":"simulator","Broker":{"Uris":["mqtts://hall:8883"]}}}""");

        var (exit, stderr) = await RunAsync("--config", config);

        Assert.Equal(2, exit);
        Assert.Equal($"terminal: invalid configuration: {config}: Terminal:TerminalId: is required", stderr);
    }

    [Fact]
    public async Task UnknownBoard_NamesTheKeyAndListsTheBoards()
    {
        var (exit, stderr) = await RunAsync("--simulate", "--Terminal:Board=rpi9");

        Assert.Equal(2, exit);
        Assert.StartsWith("terminal: invalid configuration: command line: Terminal:Board: no board file", stderr, StringComparison.Ordinal);
        Assert.Contains("simulator", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"b","chip":"terminal-sim","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"k4","level":4,"line":1,"led":3}]}""", "keys[1].line: line 1 is already used by key 'k5'")]
    [InlineData("""{"name":"b","chip":"terminal-sim","keys":[{"name":"k7","level":7,"line":1,"led":2}]}""", "keys[0].level: 7 is outside the rating scale 1–5")]
    public async Task InvalidBoardFile_NamesTheFileAndField(string board, string expected)
    {
        var file = TempFile(board);

        var (exit, stderr) = await RunAsync("--simulate", $"--Terminal:Board={file}");

        Assert.Equal(2, exit);
        Assert.Equal($"terminal: invalid board file: {file}: {expected}", stderr);
    }

    [Fact]
    public async Task UnknownArgument_IsRefused()
    {
        var (exit, stderr) = await RunAsync("--simulat");

        Assert.Equal(2, exit);
        Assert.Contains("unknown argument '--simulat'", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("terminal-config-").FullName;
        using var run = ProcessRun.StartDotnet("terminal.dll", args, dir);
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{run.Stderr}");
        Assert.False(Directory.Exists(Path.Combine(dir, ".terminal-data")), "nothing half-starts: no data directory is created");
        return (exit, lines[0]);
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"terminal-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
