namespace Terminal.TestUtils.Contract;

/// <summary>MQTT topic filters (MQTT 5 §4.7): <c>+</c> matches one level, a trailing <c>#</c> any number of levels.</summary>
public static class TopicFilter
{
    /// <summary>Whether <paramref name="topic"/> (a topic name) matches <paramref name="filter"/>.</summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return i == f.Length - 1;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
