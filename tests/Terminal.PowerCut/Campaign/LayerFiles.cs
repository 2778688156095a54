namespace Terminal.PowerCut.Campaign;

/// <summary>The data directory's side layers as a cut left them (null: the file did not exist).</summary>
internal sealed record LayerFiles(string? Roster, string? Settings, string? HeldRating)
{
    public static LayerFiles Read(string directory)
    {
        string? Text(string name) => File.Exists(Path.Combine(directory, name)) ? File.ReadAllText(Path.Combine(directory, name)) : null;
        return new LayerFiles(Text("roster.json"), Text("settings.json"), Text("held-rating.json"));
    }
}
