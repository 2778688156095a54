using System.Globalization;

namespace Terminal.Core.Settings;

/// <summary>Range checks with messages a field engineer can act on.</summary>
internal static class SettingRange
{
    public static IEnumerable<string> Check(string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"{key}: must be between {min:c} and {max:c} (was {value:c})");
        }
    }
}
