namespace Terminal.Deploy.Tests.Package;

/// <summary>A built .deb and where its files were unpacked.</summary>
internal sealed record UnpackedPackage(string Architecture, string Deb, string Version, string Root)
{
    /// <summary>/opt/terminal/releases/&lt;version&gt; inside the unpacked tree.</summary>
    public string Release => Path.Combine(Root, "opt/terminal/releases", Version);

    public bool SelfContained => Architecture != "all";
}
