namespace Terminal.Configuration;

/// <summary>
/// The configuration layer <c>config.set</c> writes at run time: <c>{DataDir}/settings.json</c>, above
/// the device file and below environment and command line (SPEC §6). The system is read-only on a
/// device, so it lives in the data directory.
/// </summary>
internal static class SettingsLayer
{
    public const string FileName = "settings.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);
}
