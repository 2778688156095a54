namespace Terminal.PowerCut.Wear;

/// <summary>Something that durably commits one press (its three events) per call.</summary>
internal interface IPressStore : IAsyncDisposable
{
    /// <summary>The database's page size, read from its file header.</summary>
    int PageSize { get; }

    Task PressAsync();
}
