namespace Terminal.PowerCut.Campaign;

/// <summary>
/// The campaign's figures (issue 15 "Done when") and what each failure was. <see cref="AtRisk"/>:
/// the reported events not yet delivered when the power went, so only the buffer could keep them
/// (the others would pass even without an fsync): the campaign's power.
/// </summary>
internal sealed record CampaignTotals(
    int Rounds,
    int Reported,
    int AtRisk,
    int Lost,
    int SeqsReused,
    int SeqRegressions,
    int IntegrityFailures,
    int TornLayers,
    int HeldRatings,
    int HeldLost,
    IReadOnlyList<string> Findings)
{
    public bool Clean => Lost == 0 && SeqsReused == 0 && SeqRegressions == 0 && IntegrityFailures == 0 && TornLayers == 0 && HeldLost == 0;

    public override string ToString() =>
        $"rounds {Rounds}, events reported committed {Reported} (undelivered at the cut {AtRisk}), lost {Lost}, seqs reused {SeqsReused} (went back {SeqRegressions}), " +
        $"integrity failures {IntegrityFailures}, torn layers {TornLayers}, held ratings shown {HeldRatings} (lost {HeldLost})";
}
