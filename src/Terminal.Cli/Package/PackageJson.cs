using System.Text.Json.Serialization;

namespace Terminal.Cli.Package;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VerifyReport))]
internal sealed partial class PackageJson : JsonSerializerContext;
