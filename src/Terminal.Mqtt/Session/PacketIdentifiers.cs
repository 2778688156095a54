namespace Terminal.Mqtt.Session;

/// <summary>
/// Non-zero packet identifiers (MQTT 5 §2.2.1): one is reused only after its acknowledgement
/// released it. Handed out round-robin so a late duplicate ack cannot match a fresh packet.
/// </summary>
internal sealed class PacketIdentifiers
{
    private readonly HashSet<ushort> _inUse = [];
    private ushort _last;

    public int InUse => _inUse.Count;

    public bool IsInUse(ushort id) => _inUse.Contains(id);

    /// <exception cref="InvalidOperationException">All 65,535 are in use (cannot happen under Receive Maximum).</exception>
    public ushort Allocate()
    {
        for (var i = 0; i < ushort.MaxValue; i++)
        {
            _last = _last == ushort.MaxValue ? (ushort)1 : (ushort)(_last + 1);
            if (_inUse.Add(_last))
            {
                return _last;
            }
        }

        throw new InvalidOperationException("All 65535 packet identifiers are in use.");
    }

    public void Release(ushort id) => _inUse.Remove(id);
}
