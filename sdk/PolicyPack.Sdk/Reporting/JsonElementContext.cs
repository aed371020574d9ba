using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyPack.Sdk.Reporting;

/// <summary>Source-generated serialization of raw JSON elements, so reporting stays trim- and AOT-safe.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonElementContext : JsonSerializerContext;
