namespace Terminal.Deploy.Tests.Package;

/// <summary>terminal_&lt;v&gt;_all.deb (SPEC §7): portable IL for 32-bit armhf and other boards,
/// run by the installed .NET runtime, with native SQLite for every Pi.</summary>
public sealed class PortableReleaseTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    private UnpackedPackage Package => packages["all"];

    [Theory]
    [InlineData("terminal.dll")]
    [InlineData("terminal.runtimeconfig.json")]
    [InlineData("terminalctl.dll")]
    [InlineData("terminalctl.runtimeconfig.json")]
    [InlineData("appsettings.json")]
    [InlineData("runtimes/linux-arm64/native/libe_sqlite3.so")]
    [InlineData("runtimes/linux-arm/native/libe_sqlite3.so")]
    [InlineData("runtimes/linux-x64/native/libe_sqlite3.so")]
    public void Release_HasPortableProgramAndNativeSqlite(string file)
    {
        Assert.True(File.Exists(Path.Combine(Package.Release, file)), file + " missing in " + Package.Release);
    }

    [Fact]
    public void Release_HasNoRuntimeNorOtherPlatforms()
    {
        Assert.False(File.Exists(Path.Combine(Package.Release, "libcoreclr.so")));
        var platforms = Directory.GetDirectories(Path.Combine(Package.Release, "runtimes")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["linux-arm", "linux-arm64", "linux-x64"], platforms);
    }

    [Fact]
    public void Release_RuntimeConfigNeedsDotnet10()
    {
        var config = File.ReadAllText(Path.Combine(Package.Release, "terminal.runtimeconfig.json"));

        Assert.Contains("\"version\": \"10.0", config, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terminal")]
    [InlineData("terminalctl")]
    public void Launcher_RunsItsOwnReleaseWithTheInstalledRuntime(string program)
    {
        var launcher = File.ReadAllText(Path.Combine(Package.Release, program));

        Assert.StartsWith("#!/bin/sh\n", launcher, StringComparison.Ordinal);
        // exec: the PID systemd watches (NotifyAccess=main) stays the program's.
        Assert.Contains($"exec /usr/bin/dotnet \"$(dirname \"$(readlink -f \"$0\")\")/{program}.dll\" \"$@\"", launcher, StringComparison.Ordinal);
    }
}
