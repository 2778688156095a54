namespace Terminal.Mqtt.Transport;

/// <summary>An encoded packet waiting for the writer; <paramref name="Written"/> runs once it is on the wire.</summary>
internal readonly record struct OutgoingFrame(byte[] Bytes, Action? Written, Action? Lost);
