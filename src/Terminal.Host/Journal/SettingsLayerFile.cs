using System.Text.Json;
using System.Text.Json.Nodes;
using Terminal.Configuration;
using Terminal.Core.Settings;
using Terminal.Storage;

namespace Terminal.Host.Journal;

/// <summary>
/// Writes what <c>config.set</c> changed into the settings layer (<c>{DataDir}/settings.json</c>,
/// read at start above the device file, SPEC §6), merged with earlier changes. Only changed keys
/// are written, so an engineer's later edit of the device file still applies to every other key.
/// </summary>
internal sealed class SettingsLayerFile(string dataDirectory)
{
    public string FilePath => SettingsLayer.PathIn(dataDirectory);

    /// <summary>Adds the keys that differ between <paramref name="before"/> and <paramref name="after"/>, durably.</summary>
    public void Save(WindowSettings before, WindowSettings after)
    {
        var layer = File.Exists(FilePath) ? JsonNode.Parse(File.ReadAllBytes(FilePath)) as JsonObject ?? [] : [];
        SettingsJson.WriteChanges(layer, before, after);
        DurableFile.Write(FilePath, JsonSerializer.SerializeToUtf8Bytes(layer, new JsonSerializerOptions { WriteIndented = true }));
    }
}
