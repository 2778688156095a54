namespace Terminal.Mqtt.Diagnostics;

/// <summary>
/// An exception's message with its inner exceptions' messages, outermost first: "Authentication
/// failed, see inner exception" alone tells an engineer nothing; the OpenSSL line under it does.
/// </summary>
internal static class ExceptionMessages
{
    public static string Join(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim();
            // Wrappers often repeat their inner message; say each thing once.
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(" → ", messages);
    }

    /// <summary>The text in brackets for the end of a failure's description.</summary>
    public static string Bracketed(Exception? exception) => exception is null ? string.Empty : $" [{Join(exception)}]";
}
