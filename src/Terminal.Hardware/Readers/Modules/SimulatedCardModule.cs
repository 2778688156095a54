namespace Terminal.Hardware.Readers.Modules;

/// <summary>
/// A MIFARE/NFC module for <c>terminal --simulate</c>: <see cref="Tap"/> presents a card briefly
/// (<c>terminalctl sim card</c>, the front panel), <see cref="Hold"/> leaves one on it until
/// <see cref="Remove"/>, and
/// <see cref="Unplug"/>/<see cref="Plug"/> make it stop and start answering. Share one instance
/// between the <see cref="UidReader"/> (as its module factory, <see cref="Open"/>) and the host's
/// simulation controls.
/// </summary>
public sealed class SimulatedCardModule
{
    private readonly Lock _gate = new();
    private byte[]? _held;
    private bool _read;
    private bool _tap;
    private bool _unplugged;

    /// <summary>A simulated module of <paramref name="kind"/>.</summary>
    public SimulatedCardModule(ReaderKind kind) => Kind = kind;

    /// <summary>The module kind it stands for.</summary>
    public ReaderKind Kind { get; }

    /// <summary>Presents the card with <paramref name="uid"/> for one read, then takes it away: a swipe.</summary>
    public void Tap(ReadOnlySpan<byte> uid) => Put(uid, tap: true);

    /// <summary>Puts the card with <paramref name="uid"/> on the reader (replacing any card there) until <see cref="Remove"/>.</summary>
    public void Hold(ReadOnlySpan<byte> uid) => Put(uid, tap: false);

    private void Put(ReadOnlySpan<byte> uid, bool tap)
    {
        if (uid.Length is not (4 or 7 or 10))
        {
            throw new ArgumentException($"a MIFARE/NFC UID has 4, 7 or 10 bytes, not {uid.Length}", nameof(uid));
        }

        lock (_gate)
        {
            _held = uid.ToArray();
            _read = false;
            _tap = tap;
        }
    }

    /// <summary>Takes the card off the reader.</summary>
    public void Remove()
    {
        lock (_gate)
        {
            _held = null;
        }
    }

    /// <summary>The module stops answering, as if its cable came loose.</summary>
    public void Unplug()
    {
        lock (_gate)
        {
            _unplugged = true;
        }
    }

    /// <summary>The module answers again.</summary>
    public void Plug()
    {
        lock (_gate)
        {
            _unplugged = false;
        }
    }

    /// <summary>Opens the module as a reader's factory would; throws while unplugged.</summary>
    public ICardModule Open()
    {
        Check();
        return new Session(this);
    }

    private void Check()
    {
        if (_unplugged)
        {
            throw new ReaderModuleException($"simulated {Kind.WireName()} module does not answer (unplugged)");
        }
    }

    private FieldReading Poll()
    {
        lock (_gate)
        {
            Check();
            if (_held is null)
            {
                return FieldReading.Empty;
            }

            // Like a real card after HALT: read once, then only seen as "still held".
            var uid = _held;
            var first = !_read;
            _read = true;
            if (_tap)
            {
                _held = null;
                _tap = false;
            }

            return first ? FieldReading.Read(uid) : FieldReading.StillHeld;
        }
    }

    private sealed class Session(SimulatedCardModule module) : ICardModule
    {
        public string Description => $"simulated {module.Kind.WireName()} module";

        public FieldReading Poll() => module.Poll();

        public void Dispose()
        {
            // A re-initialised module powers its field off and on: a held card is read again.
            lock (module._gate)
            {
                module._read = false;
            }
        }
    }
}
