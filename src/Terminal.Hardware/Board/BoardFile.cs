using System.Text.Json;
using Terminal.Core.Rating;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Wiegand;

namespace Terminal.Hardware.Board;

/// <summary>
/// Reads and validates board files (<c>board-config/*.json</c>): unknown fields, duplicate lines,
/// missing LEDs, levels out of range and the like are refused with the file and field named.
/// </summary>
public static partial class BoardFile
{
    /// <summary>Card formats a board may accept: those the Wiegand decoder knows.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = [.. WiegandFormats.All.Select(f => f.Name)];

    private static readonly string[] RootFields = ["name", "description", "chip", "ledsActiveLow", "keys", "wiegand", "buzzer", "readers", "speaker"];
    private static readonly string[] KeyFields = ["name", "role", "line", "pull", "activeLow", "level", "reason", "led"];
    private static readonly string[] SpeakerFields = ["description"];
    private static readonly string[] WiegandFields = ["d0", "d1", "pull", "formats"];
    private static readonly string[] BuzzerFields = ["line", "activeLow"];

    /// <summary>
    /// Resolves a board setting: a path (contains a slash or ends in <c>.json</c>) or a name under
    /// <paramref name="boardDirectory"/>.
    /// </summary>
    public static string Resolve(string board, string boardDirectory)
    {
        ArgumentNullException.ThrowIfNull(board);
        var isPath = board.Contains('/', StringComparison.Ordinal) || board.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return isPath ? Path.GetFullPath(board) : Path.Combine(boardDirectory, board + ".json");
    }

    /// <summary>Loads and validates a board file.</summary>
    /// <exception cref="BoardFileException">The file is missing, not JSON, or invalid.</exception>
    public static BoardDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BoardFileException(path, "(file)", $"cannot be read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates board JSON; <paramref name="source"/> names it in errors.</summary>
    public static BoardDefinition Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BoardFileException(source, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            return new BoardReader(source).Read(document.RootElement);
        }
    }

    private sealed partial class BoardReader(string source)
    {
        private readonly Dictionary<int, string> _lineUsers = [];

        public BoardDefinition Read(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "(root)");
            CheckFields(root, RootFields, string.Empty);
            var name = RequiredString(root, "name", string.Empty);
            var chip = RequiredString(root, "chip", string.Empty);
            var keysElement = Required(root, "keys", string.Empty);
            Expect(keysElement, JsonValueKind.Array, "keys");
            var keys = keysElement.EnumerateArray().Select((k, i) => ReadKey(k, $"keys[{i}]")).ToList();
            CheckKeys(keys);
            return new BoardDefinition(
                name,
                OptionalString(root, "description", string.Empty) ?? string.Empty,
                chip,
                OptionalBool(root, "ledsActiveLow", string.Empty) ?? false,
                keys,
                root.TryGetProperty("wiegand", out var w) ? ReadWiegand(w) : null,
                root.TryGetProperty("buzzer", out var b) ? ReadBuzzer(b) : null,
                source)
            {
                Readers = root.TryGetProperty("readers", out var r) ? ReadReaders(r) : [],
                Speaker = root.TryGetProperty("speaker", out var s) ? ReadSpeaker(s) : null,
            };
        }

        private BoardKey ReadKey(JsonElement key, string path)
        {
            Expect(key, JsonValueKind.Object, path);
            CheckFields(key, KeyFields, path);
            var name = RequiredString(key, "name", path);
            var role = (OptionalString(key, "role", path) ?? "rating") switch
            {
                "rating" => BoardKeyRole.Rating,
                "invite" => BoardKeyRole.Invite,
                "pause" => BoardKeyRole.Pause,
                "reason" => BoardKeyRole.Reason,
                var other => throw Error($"{path}.role", $"'{other}' is not a key role (rating, invite, pause, reason)"),
            };
            var line = ClaimLine(key, "line", path, $"key '{name}'");
            int? level = key.TryGetProperty("level", out var l) ? Int(l, $"{path}.level") : null;
            var reason = OptionalString(key, "reason", path);
            int? led = key.TryGetProperty("led", out _) ? ClaimLine(key, "led", path, $"LED of key '{name}'") : null;
            if (role == BoardKeyRole.Rating)
            {
                if (level is null)
                {
                    throw Error($"{path}.level", $"rating key '{name}' needs a level (1–5)");
                }

                if (!RatingScale.IsValid(level.Value))
                {
                    throw Error($"{path}.level", $"{level} is outside the rating scale 1–5");
                }

                if (led is null)
                {
                    throw Error($"{path}.led", $"rating key '{name}' has no LED line; each rating key needs one for feedback");
                }
            }
            else if (level is not null)
            {
                throw Error($"{path}.level", $"only rating keys have a level; '{name}' is a {role.ToString().ToLowerInvariant()} key");
            }

            if (role == BoardKeyRole.Reason && (reason is null || !RatingScale.ReasonCodes.Contains(reason)))
            {
                throw Error($"{path}.reason", $"'{reason}' is not a reason code ({string.Join(", ", RatingScale.ReasonCodes)})");
            }

            if (role != BoardKeyRole.Reason && reason is not null)
            {
                throw Error($"{path}.reason", $"only reason keys have a reason; '{name}' is a {role.ToString().ToLowerInvariant()} key");
            }

            return new BoardKey(name, role, line, ReadPull(key, path), OptionalBool(key, "activeLow", path) ?? true, level, reason, led);
        }

        private void CheckKeys(List<BoardKey> keys)
        {
            if (!keys.Any(k => k.Role == BoardKeyRole.Rating))
            {
                throw Error("keys", "the board has no rating key");
            }

            foreach (var group in keys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                throw Error("keys", $"the key name '{group.Key}' is used {group.Count()} times");
            }

            foreach (var group in keys.Where(k => k.Level is not null).GroupBy(k => k.Level).Where(g => g.Count() > 1))
            {
                throw Error("keys", $"level {group.Key} is mapped to several keys ({string.Join(", ", group.Select(k => k.Name))})");
            }

            foreach (var role in new[] { BoardKeyRole.Invite, BoardKeyRole.Pause })
            {
                if (keys.Count(k => k.Role == role) > 1)
                {
                    throw Error("keys", $"more than one {role.ToString().ToLowerInvariant()} key");
                }
            }
        }

        private BoardWiegand ReadWiegand(JsonElement element)
        {
            const string path = "wiegand";
            Expect(element, JsonValueKind.Object, path);
            CheckFields(element, WiegandFields, path);
            var d0 = ClaimLine(element, "d0", path, "Wiegand D0");
            var d1 = ClaimLine(element, "d1", path, "Wiegand D1");
            var formats = KnownFormats.ToList();
            if (element.TryGetProperty("formats", out var f))
            {
                Expect(f, JsonValueKind.Array, $"{path}.formats");
                formats = f.EnumerateArray().Select((x, i) => String(x, $"{path}.formats[{i}]")).ToList();
                foreach (var (format, i) in formats.Select((x, i) => (x, i)))
                {
                    if (!KnownFormats.Contains(format))
                    {
                        throw Error($"{path}.formats[{i}]", $"'{format}' is not a supported format ({string.Join(", ", KnownFormats)})");
                    }
                }
            }

            return new BoardWiegand(d0, d1, ReadPull(element, path), formats);
        }

        private BoardBuzzer ReadBuzzer(JsonElement element)
        {
            Expect(element, JsonValueKind.Object, "buzzer");
            CheckFields(element, BuzzerFields, "buzzer");
            return new BoardBuzzer(ClaimLine(element, "line", "buzzer", "buzzer"), OptionalBool(element, "activeLow", "buzzer") ?? false);
        }

        private BoardSpeaker ReadSpeaker(JsonElement element)
        {
            Expect(element, JsonValueKind.Object, "speaker");
            CheckFields(element, SpeakerFields, "speaker");
            return new BoardSpeaker(OptionalString(element, "description", "speaker") ?? string.Empty);
        }

        private GpioBias ReadPull(JsonElement element, string path) =>
            (OptionalString(element, "pull", path) ?? "up") switch
            {
                "up" => GpioBias.PullUp,
                "down" => GpioBias.PullDown,
                "none" => GpioBias.Disabled,
                "as-is" => GpioBias.AsIs,
                var other => throw Error(Join(path, "pull"), $"'{other}' is not a pull (up, down, none, as-is)"),
            };

        private int ClaimLine(JsonElement element, string field, string path, string user)
        {
            var full = Join(path, field);
            var line = Int(Required(element, field, path), full);
            if (line is < 0 or > 511)
            {
                throw Error(full, $"{line} is not a line offset (0–511)");
            }

            if (!_lineUsers.TryAdd(line, user))
            {
                throw Error(full, $"line {line} is already used by {_lineUsers[line]}");
            }

            return line;
        }

        private void CheckFields(JsonElement element, string[] known, string path)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error(Join(path, property.Name), $"unknown field (expected one of: {string.Join(", ", known)})");
                }
            }
        }

        private JsonElement Required(JsonElement element, string field, string path) =>
            element.TryGetProperty(field, out var value) ? value : throw Error(Join(path, field), "is required");

        private string RequiredString(JsonElement element, string field, string path)
        {
            var value = String(Required(element, field, path), Join(path, field));
            return value.Length > 0 ? value : throw Error(Join(path, field), "must not be empty");
        }

        private string? OptionalString(JsonElement element, string field, string path) =>
            element.TryGetProperty(field, out var value) ? String(value, Join(path, field)) : null;

        private bool? OptionalBool(JsonElement element, string field, string path)
        {
            if (!element.TryGetProperty(field, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(Join(path, field), $"must be true or false, not {Describe(value)}"),
            };
        }

        private string String(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(path, $"must be a string, not {Describe(value)}");

        private int Int(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw Error(path, $"must be a whole number, not {Describe(value)}");

        private void Expect(JsonElement value, JsonValueKind kind, string path)
        {
            if (value.ValueKind != kind)
            {
                throw Error(path, $"must be {(kind == JsonValueKind.Array ? "an array" : "an object")}, not {Describe(value)}");
            }
        }

        private BoardFileException Error(string field, string reason) => new(source, field, reason);

        private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"\"{value.GetString()}\"",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.GetRawText(),
        };
    }
}
