namespace Terminal.Hardware.Readers.Modules;

/// <summary>
/// Turns polls of a reader's field into presentations: a card held on the reader is one swipe, not
/// one per poll, until it has been missing for <c>missesBeforeGone</c> polls in a row. A missed
/// poll or two are normal while a card is held: ISO/IEC 14443-3 sends an active card back to idle
/// on an unexpected request, so some chips see a held card only every other poll.
/// </summary>
internal sealed class CardPresence(int missesBeforeGone)
{
    private string? _present;
    private int _misses;

    /// <summary>Takes one poll; returns the card when it is a new presentation.</summary>
    public ReaderCard? Observe(FieldReading reading)
    {
        if (reading.Uid is { } uid)
        {
            var card = ReaderCard.Uid(uid);
            var isNew = card.Number != _present;
            _present = card.Number;
            _misses = 0;
            return isNew ? card : null;
        }

        if (reading.CardInField && _present is not null)
        {
            _misses = 0;
        }
        else if (_present is not null && ++_misses >= missesBeforeGone)
        {
            _present = null;
            _misses = 0;
        }

        return null;
    }

    /// <summary>Forgets the held card, e.g. after the module was re-initialised (its field went off).</summary>
    public void Reset()
    {
        _present = null;
        _misses = 0;
    }
}
