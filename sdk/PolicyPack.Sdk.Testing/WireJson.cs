using System.Text.Json.Serialization;

namespace PolicyPack.Sdk.Testing;

/// <summary>Source-generated JSON for the few plain values the builders serialize (no reflection, trim-safe).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class WireJson : JsonSerializerContext;
