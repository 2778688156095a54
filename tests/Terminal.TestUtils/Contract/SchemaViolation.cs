namespace Terminal.TestUtils.Contract;

/// <summary>One way a payload breaks its schema: where in the payload (a JSON Pointer) and why.</summary>
/// <param name="Location">JSON Pointer into the payload, e.g. <c>/data/level</c>; empty for the root.</param>
/// <param name="Keyword">The schema keyword that failed, e.g. <c>maximum</c>, <c>required</c>.</param>
/// <param name="Message">The validator's message.</param>
public sealed record SchemaViolation(string Location, string Keyword, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(Location.Length == 0 ? "(root)" : Location)}: {Message} [{Keyword}]";
}
