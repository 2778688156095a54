using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Terminal.Hardware.AbiProbe;

/// <summary>
/// The layout the running runtime gives a type (<see cref="Marshal"/>), i.e. that of the
/// architecture this process runs on: natively on the build machine, under qemu for arm64.
/// </summary>
public sealed class RuntimeLayout : ILayoutRules
{
    /// <inheritdoc/>
    public ulong SizeOf(Type type)
    {
        var marshalled = (ulong)Marshal.SizeOf(type);
        if (type.IsPrimitive)
        {
            return marshalled;
        }

        // A struct passed by ref is the managed layout: it must equal the marshalled one.
        var managed = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
        return marshalled == (ulong)managed ? marshalled : ulong.MaxValue;
    }

    /// <inheritdoc/>
    public ulong OffsetOf(Type type, string field) => (ulong)Marshal.OffsetOf(type, field);
}
