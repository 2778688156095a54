namespace Terminal.Host.FrontPanel;

/// <summary>
/// Endpoint metadata of the front panel's routes: they answer on the panel's TCP listener only, and
/// every other route (the control API) on the control socket only (<see cref="ListenerSeparation"/>).
/// </summary>
internal sealed class PanelRoute
{
    private PanelRoute()
    {
    }

    /// <summary>The one marker.</summary>
    public static PanelRoute Instance { get; } = new();
}
