using Google.Protobuf.WellKnownTypes;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Analyzer;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>The Struct decoder and encoder against Pulumi's property encoding, in process.</summary>
public sealed class StructCodecTests
{
    [Theory]
    [InlineData(PulumiSignatures.UnknownBool, "bool")]
    [InlineData(PulumiSignatures.UnknownNumber, "number")]
    [InlineData(PulumiSignatures.UnknownString, "string")]
    [InlineData(PulumiSignatures.UnknownArray, "array")]
    [InlineData(PulumiSignatures.UnknownAsset, "asset")]
    [InlineData(PulumiSignatures.UnknownArchive, "archive")]
    [InlineData(PulumiSignatures.UnknownObject, "object")]
    public void Decode_UnknownSentinel_ShouldBeUnknownOfItsType(string sentinel, string type)
    {
        var value = StructDecoder.Decode(Value.ForString(sentinel));

        Assert.True(value.IsUnknown);
        Assert.Equal(type, value.UnknownType);
        Assert.Equal(sentinel, StructEncoder.Encode(value).StringValue);
    }

    [Fact]
    public void Decode_SecretWrapper_ShouldKeepTheValueMarkedSecretThroughout()
    {
        var value = StructDecoder.Decode(Json("""{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": {"password": "hunter2", "ports": [22]}}"""));

        Assert.True(value.IsSecret);
        Assert.Equal("hunter2", value["password"]!.StringValue);
        Assert.True(value["password"]!.IsSecret);
        Assert.True(value["ports"]!.Items[0].IsSecret);
        Assert.Equal("[secret]", value["password"]!.Describe());
    }

    [Fact]
    public void Decode_AssetArchiveAndReference_ShouldBeRecognised()
    {
        var properties = StructDecoder.DecodeProperties(Json("""
            {
              "code": {"4dabf18193072939515e22adb298388d": "0def7320c3a5731c473e5ecbe6d01bc7", "assets": {"index.js": {"4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", "text": "exports.handler = 1"}}},
              "file": {"4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", "path": "./policy.json", "hash": "abc"},
              "vpc": {"4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:pulumi:dev::infra::aws:ec2/vpc:Vpc::main", "id": "vpc-123"},
              "pending": {"4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:pulumi:dev::infra::aws:ec2/vpc:Vpc::next", "id": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}
            }
            """).StructValue);

        Assert.Equal(ValueKind.Archive, properties["code"].Kind);
        Assert.Equal(ValueKind.Asset, properties["code"].Fields["index.js"].Kind);
        Assert.Equal("./policy.json", properties["file"].Attributes["path"]);
        Assert.Equal(ValueKind.ResourceReference, properties["vpc"].Kind);
        Assert.Equal("vpc-123", properties["vpc"].StringValue);
        Assert.True(properties["pending"].IsUnknown);
    }

    [Fact]
    public void Decode_InternalKeys_ShouldBeHiddenFromPolicies()
    {
        var properties = StructDecoder.DecodeProperties(Json("""{"__defaults": ["name"], "name": "key-1"}""").StructValue);

        Assert.False(properties.ContainsKey("__defaults"));
        Assert.Equal("key-1", properties["name"].StringValue);
    }

    [Theory]
    [InlineData("""{"4dabf18193072939515e22adb298388d": "ffffffffffffffffffffffffffffffff"}""", "unrecognised Pulumi signature")]
    [InlineData("""{"4dabf18193072939515e22adb298388d": 7}""", "signature key")]
    [InlineData("""{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}""", "secret without value")]
    [InlineData("""{"4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "id": "x"}""", "without a urn")]
    public void Decode_MalformedSpecialValue_ShouldThrowNamingThePath(string json, string problem)
    {
        var error = Assert.Throws<PropertyFormatException>(() => StructDecoder.DecodeProperties(Json($$"""{"outer": {"inner": {{json}} } }""").StructValue));

        Assert.Equal("outer.inner", error.PropertyPath);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_DecodedBag_ShouldRoundTripSecretsUnknownsAndSpecialValues()
    {
        var original = Json("""
            {
              "secretObject": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": {"a": 1, "b": [true, null]}},
              "mixed": {"plain": "x", "hidden": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": "y"}},
              "secretUnknown": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"},
              "unknownList": "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
              "redacted": "[secret]",
              "asset": {"4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", "hash": "h", "text": "t"},
              "number": 1.5,
              "nothing": null
            }
            """).StructValue;

        var encoded = StructEncoder.EncodeProperties(StructDecoder.DecodeProperties(original));

        Assert.Equal(original, encoded);
    }

    private static Value Json(string json) => Value.Parser.ParseJson(json);
}
