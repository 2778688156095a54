using System.Text.Json;
using Terminal.Core.Screen;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The body of <c>POST /panel/tap</c>: <c>{"level":5,"session":"…"}</c> or <c>{"reason":"fees","session":"…"}</c>,
/// where <c>session</c> is what the screen showed (null: no session).
/// </summary>
internal static class TapRequest
{
    /// <summary>Most bytes a tap's body may have.</summary>
    public const int MaxBytes = 4096;

    public static bool TryRead(ReadOnlySpan<byte> utf8, out ScreenTap? tap, out string error)
    {
        tap = null;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("a tap is a JSON object", out error);
            }

            string? session = null;
            if (root.TryGetProperty("session", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                if (s.ValueKind != JsonValueKind.String)
                {
                    return Fail("session: must be a string or null", out error);
                }

                session = s.GetString();
            }

            var hasLevel = root.TryGetProperty("level", out var level);
            var hasReason = root.TryGetProperty("reason", out var reason);
            if (hasLevel == hasReason)
            {
                return Fail("give either level (a rating button) or reason (a reason button)", out error);
            }

            if (hasLevel)
            {
                if (level.ValueKind != JsonValueKind.Number || !level.TryGetInt32(out var value))
                {
                    return Fail("level: must be a whole number", out error);
                }

                tap = new RatingTap(value, session);
            }
            else
            {
                if (reason.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(reason.GetString()))
                {
                    return Fail("reason: must be a reason code, e.g. \"fees\"", out error);
                }

                tap = new ReasonTap(reason.GetString()!, session);
            }

            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            return Fail($"a tap is a JSON object: {e.Message}", out error);
        }
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
