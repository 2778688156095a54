namespace Terminal.Core.Attendance;

/// <summary>
/// The hall's staff roster (docs/mqtt.md#roster), retained on <c>eval/v1/{hall}/roster</c> and cached on the
/// device so names resolve offline. Parse and write it with <see cref="RosterJson"/>.
/// </summary>
public sealed class Roster
{
    private readonly Dictionary<CardKey, RosterEntry> _byCard;

    /// <summary>Builds a roster; cards must already be valid and unique (see <see cref="RosterJson.TryParse"/>).</summary>
    public Roster(long version, IReadOnlyList<RosterEntry> staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        Version = version;
        Staff = staff;
        _byCard = [];
        foreach (var entry in staff)
        {
            foreach (var card in entry.Cards)
            {
                if (!CardKey.TryParse(card, out var key, out var error))
                {
                    throw new ArgumentException($"staff {entry.Staff}: {error}", nameof(staff));
                }

                if (!_byCard.TryAdd(key, entry))
                {
                    throw new ArgumentException($"card {key} belongs to {_byCard[key].Staff} and {entry.Staff}", nameof(staff));
                }
            }
        }
    }

    /// <summary>No roster yet: every card is unknown. Any real roster is newer.</summary>
    public static Roster Empty { get; } = new(-1, []);

    /// <summary>The roster's version; only a greater one replaces it.</summary>
    public long Version { get; }

    /// <summary>Staff members in roster order.</summary>
    public IReadOnlyList<RosterEntry> Staff { get; }

    /// <summary>Whether <paramref name="other"/> should replace this roster (a strictly newer version).</summary>
    public bool IsReplacedBy(Roster other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Version > Version;
    }

    /// <summary>The staff member holding the card, or null for an unknown card.</summary>
    public RosterEntry? Find(CardKey card) => _byCard.GetValueOrDefault(card);

    /// <summary>The staff member holding the swiped card, or null for an unknown card.</summary>
    public RosterEntry? Find(BadgeSwipe swipe) => Find(CardKey.Of(swipe));
}
