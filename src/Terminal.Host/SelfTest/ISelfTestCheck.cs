namespace Terminal.Host.SelfTest;

/// <summary>A check of the non-interactive self-test: needs no person, changes nothing that lasts.</summary>
internal interface ISelfTestCheck
{
    /// <summary>Part name used when the check itself throws.</summary>
    string Name { get; }

    /// <summary>Runs the check; one or more parts (e.g. one per LED).</summary>
    IEnumerable<SelfTestPart> Run();
}
