namespace Terminal.Browser.Tests.Support;

/// <summary>
/// Where the screenshots of every screen go: <c>panel-screenshots/</c> in the test's output folder
/// (<c>tests/Terminal.Browser.Tests/bin/Release/net10.0/panel-screenshots</c>), or
/// <c>$PANEL_SCREENSHOTS</c>, so a person can look at them after a run.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Create();

    private static string Create()
    {
        var dir = Environment.GetEnvironmentVariable("PANEL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "panel-screenshots");
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }
}
