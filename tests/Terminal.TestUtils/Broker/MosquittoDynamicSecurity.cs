namespace Terminal.TestUtils.Broker;

/// <summary>
/// Mosquitto's Dynamic Security plugin (shipped with the <c>mosquitto</c> package since 2.0): the
/// authorisation that can refuse a SUBSCRIBE, which <c>acl_file</c> never does.
/// </summary>
public static class MosquittoDynamicSecurity
{
    private static readonly string[] Candidates = ["/usr/lib", "/usr/local/lib"];

    /// <summary>The plugin's path (Debian keeps it under the multiarch directory, e.g. /usr/lib/x86_64-linux-gnu).</summary>
    /// <exception cref="InvalidOperationException">Not installed.</exception>
    public static string PluginPath =>
        Candidates.Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "mosquitto_dynamic_security.so", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 }))
            .FirstOrDefault()
        ?? throw new InvalidOperationException("mosquitto_dynamic_security.so not found under /usr/lib: apt-get install mosquitto (2.0 or later)");

    /// <summary>The mosquitto.conf lines that load the plugin with <paramref name="configFile"/> (its JSON).</summary>
    public static IEnumerable<string> Config(string configFile) =>
        [$"plugin {PluginPath}", $"plugin_opt_config_file {configFile}"];
}
