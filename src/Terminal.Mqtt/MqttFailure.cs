using System.Text;

namespace Terminal.Mqtt;

/// <summary>A failed connection attempt or an ended connection: its cause and the whole story in words.</summary>
/// <param name="Cause">The cause, for status and decisions.</param>
/// <param name="Description">What happened, in words, ending with the exception messages (inner ones too), if any.</param>
public sealed record MqttFailure(MqttFailureCause Cause, string Description)
{
    /// <summary>The cause as a stable kebab-case code for status documents, e.g. <c>client-certificate-refused</c>.</summary>
    public string Code => CodeOf(Cause);

    /// <summary>The kebab-case code of <paramref name="cause"/>.</summary>
    public static string CodeOf(MqttFailureCause cause)
    {
        var name = cause.ToString();
        var code = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Description}";
}
