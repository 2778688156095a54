namespace Terminal.Browser.Tests.Support;

/// <summary>Browser tests share one browser and start processes and brokers: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<PanelBrowser>
{
    public const string Name = "browser";
}
