using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Terminal.TestUtils.Contract;

/// <summary>
/// YAML to JSON, so a YAML document (the AsyncAPI one) can be validated by a JSON Schema validator.
/// YamlDotNet parses, resolves anchors and types plain scalars (numbers, booleans, null); this only
/// maps its objects onto <see cref="JsonNode"/>.
/// </summary>
public static class YamlJson
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithAttemptingUnquotedStringTypeDeserialization()
        .Build();

    /// <summary>The YAML text as a JSON element.</summary>
    public static JsonElement Parse(string yaml)
    {
        var node = ToNode(Deserializer.Deserialize<object?>(yaml));
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(Convert.ToString(p.Key, CultureInfo.InvariantCulture)!, ToNode(p.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToNode)]),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long or short or byte or sbyte or uint or ushort => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong big => JsonValue.Create(big),
        float or double or decimal => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => throw new InvalidDataException($"unexpected YAML value of type {value.GetType().Name}"),
    };
}
