namespace Terminal.Hardware.AbiProbe;

/// <summary>How big a .NET type is in native memory, and where its fields sit.</summary>
public interface ILayoutRules
{
    /// <summary>Size in bytes of a struct or primitive (ulong.MaxValue when the rules disagree with themselves).</summary>
    ulong SizeOf(Type type);

    /// <summary>Offset in bytes of <paramref name="field"/> in <paramref name="type"/>.</summary>
    ulong OffsetOf(Type type, string field);
}
