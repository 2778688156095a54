namespace Terminal.PowerCut.Campaign;

/// <summary>
/// The checks after every cut (issue 15), over the records of all boots: every event reported
/// committed before a cut is in the buffer afterwards or was delivered; no seq is given to two
/// events, nor below one already seen; no integrity problem or storage incident; the layers are
/// old or new, never torn; every rated session's rating, held or not, exists somewhere.
/// </summary>
internal static class CutCheck
{
    private static readonly string[] IncidentCodes = ["storage-quarantined", "storage-seq-restored", "storage-seq-file-unreadable"];

    /// <summary>Checks <paramref name="boots"/> (in order; each but the last ended by a power cut).</summary>
    public static CampaignTotals Run(IReadOnlyList<BootRecord> boots, IReadOnlyList<string> bootFailures)
    {
        var findings = new List<string>(bootFailures);
        var integrity = bootFailures.Count;
        var (reported, atRisk, lost) = CheckSurvival(boots, findings);
        var (reused, regressions) = CheckSeqs(boots, findings);
        var torn = 0;
        for (var j = 1; j < boots.Count; j++)
        {
            foreach (var problem in boots[j].Snapshot?.Problems ?? [])
            {
                integrity++;
                findings.Add($"boot {j}: database after cut {j - 1}: {problem}");
            }

            foreach (var problem in LayerCheck.Check(boots[j].Layers, boots.Take(j).SelectMany(b => b.LayerLog)))
            {
                torn++;
                findings.Add($"boot {j}: layers after cut {j - 1}: {problem}");
            }
        }

        foreach (var incident in All(boots).Where(e => e.Type == "fault" && IncidentCodes.Contains(e.Code)).DistinctBy(e => e.Id))
        {
            integrity++;
            findings.Add($"storage incident {incident.Code} (seq {incident.Seq}): {incident.Detail}");
        }

        if (boots.Count > 0 && boots[^1].Exported is null)
        {
            integrity++;
            findings.Add($"boot {boots.Count - 1} (the final check) did not export the buffer; last step '{boots[^1].LastStep}'");
        }

        var (held, heldLost) = CheckHeldRatings(boots, findings);
        return new CampaignTotals(boots.Count - 1, reported, atRisk, lost, reused, regressions, integrity, torn, held, heldLost, findings);
    }

    private static (int Reported, int AtRisk, int Lost) CheckSurvival(IReadOnlyList<BootRecord> boots, List<string> findings)
    {
        int reported = 0, atRisk = 0, lost = 0;
        for (var i = 0; i < boots.Count - 1; i++)
        {
            var delivered = boots[i].Delivered.Select(Key).ToHashSet();
            var evidence = boots[i].Delivered.Concat(boots.Skip(i + 1).SelectMany(Survivors)).Select(Key).ToHashSet();
            foreach (var e in boots[i].Reported.DistinctBy(Key))
            {
                reported++;
                atRisk += delivered.Contains(Key(e)) ? 0 : 1;
                if (!evidence.Contains(Key(e)))
                {
                    lost++;
                    findings.Add($"boot {i}: {e.Type} seq {e.Seq} id {e.Id} was reported committed, but after the cut (during '{boots[i].LastStep}') it is neither in the buffer nor delivered");
                }
            }
        }

        return (reported, atRisk, lost);
    }

    private static (int Reused, int Regressions) CheckSeqs(IReadOnlyList<BootRecord> boots, List<string> findings)
    {
        var reused = 0;
        foreach (var group in All(boots).GroupBy(e => e.Seq).Where(g => g.Select(e => e.Id).Distinct().Count() > 1))
        {
            reused++;
            findings.Add($"seq {group.Key} was given to {string.Join(" and ", group.Select(e => $"{e.Type} {e.Id}").Distinct())}");
        }

        // A boot's own new events (not in the state the cut left) must all be above every seq seen before it.
        var regressions = 0;
        for (var j = 1; j < boots.Count; j++)
        {
            if (boots[j].Snapshot is not { } snapshot)
            {
                continue;
            }

            var before = All(boots.Take(j)).Concat(snapshot.Events).ToList();
            var seen = before.Select(Key).ToHashSet();
            var highest = before.Count > 0 ? before.Max(e => e.Seq) : 0;
            foreach (var e in Own(boots[j]).Where(e => !seen.Contains(Key(e)) && e.Seq <= highest).DistinctBy(Key))
            {
                regressions++;
                findings.Add($"boot {j}: {e.Type} {e.Id} got seq {e.Seq}, not above seq {highest} seen before the cut");
            }
        }

        return (reused, regressions);
    }

    private static (int Held, int Lost) CheckHeldRatings(IReadOnlyList<BootRecord> boots, List<string> findings)
    {
        var rated = All(boots).Where(e => e.Type == "rating" && e.Misuse is null && e.Session is not null).Select(e => e.Session!).ToHashSet();
        int held = 0, lost = 0;
        foreach (var (boot, i) in boots.Select((b, i) => (b, i)))
        {
            // Not held: the rating was committed with the close, one seq before it (RatingSessions.Rate).
            foreach (var close in boot.Reported.Where(e => e.ClosesRated).DistinctBy(Key)
                         .Where(c => !boot.Reported.Any(r => r.IsRatingOf(c.Session!) && r.Seq == c.Seq - 1)))
            {
                held++;
                if (!rated.Contains(close.Session!))
                {
                    lost++;
                    findings.Add($"boot {i}: the bad rating of session {close.Session} was shown held (close seq {close.Seq}), and never committed");
                }
            }
        }

        return (held, lost);
    }

    private static (string, long) Key(EventRecord e) => (e.Id, e.Seq);

    private static IEnumerable<EventRecord> Survivors(BootRecord boot) =>
        (boot.Exported ?? []).Concat(boot.Snapshot?.Events ?? []).Concat(boot.Delivered);

    private static IEnumerable<EventRecord> Own(BootRecord boot) => boot.Reported.Concat(boot.Exported ?? []).Concat(boot.Delivered);

    private static IEnumerable<EventRecord> All(IEnumerable<BootRecord> boots) =>
        boots.SelectMany(b => Own(b).Concat(b.Snapshot?.Events ?? []));
}
