using System.Text.Json;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Tests.Model;

public class PropertyDecoderTests
{
    private static PropertyValue Decode(string json)
    {
        using var document = JsonDocument.Parse(json, PropertyDecoder.DocumentOptions);
        return PropertyDecoder.Decode(document.RootElement);
    }

    [Fact]
    public void PlainJson_WhenDecoded_ShouldKeepKindsAndValues()
    {
        var value = Decode("""{"name":"data","count":3,"enabled":true,"tags":["a","b"],"none":null}""");
        Assert.Equal(ValueKind.Object, value.Kind);
        Assert.Equal("data", value["name"]!.StringValue);
        Assert.Equal(3, value["count"]!.NumberValue);
        Assert.True(value["enabled"]!.BoolValue);
        Assert.Equal(2, value["tags"]!.Items.Count);
        Assert.True(value["none"]!.IsNull);
        Assert.False(value.IsSecret);
    }

    [Fact]
    public void SecretWrapper_WhenItCarriesAValue_ShouldKeepTheValueMarkedSecretThroughout()
    {
        var value = Decode("""{"password":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":{"user":"admin","pass":"hunter2"}}}""");
        var password = value["password"]!;
        Assert.True(password.IsSecret);
        Assert.Equal(ValueKind.Object, password.Kind);
        Assert.True(password["pass"]!.IsSecret);
        Assert.Equal("hunter2", password["pass"]!.StringValue);
        Assert.DoesNotContain("hunter2", password["pass"]!.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretWrapper_WhenItCarriesPlaintext_ShouldParseTheJsonEncodedValue()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\"s3cr3t\""}""");
        Assert.True(value.IsSecret);
        Assert.Equal(ValueKind.String, value.Kind);
        Assert.Equal("s3cr3t", value.StringValue);
    }

    [Fact]
    public void SecretWrapper_WhenPlaintextIsNotJson_ShouldFailWithoutEchoingIt()
    {
        var error = Assert.Throws<PropertyFormatException>(() => Decode("""{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"not-json-s3cr3t"}"""));
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretWrapper_WhenItCarriesCiphertext_ShouldBeARedactedSecret()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":"AAABAJx5Q8c="}""");
        Assert.True(value.IsSecret);
        Assert.True(value.IsUnknown);
        Assert.Equal("secret", value.UnknownType);
    }

    [Fact]
    public void PreviewSecretText_WhenDecoded_ShouldBeARedactedSecret()
    {
        var value = Decode("\"[secret]\"");
        Assert.True(value.IsSecret);
        Assert.True(value.IsUnknown);
    }

    [Theory]
    [InlineData("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "bool")]
    [InlineData("3eeb2bf0-c639-47a8-9e75-3b44932eb421", "number")]
    [InlineData("04da6b54-80e4-46f7-96ec-b56ff0331ba9", "string")]
    [InlineData("6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "array")]
    [InlineData("030794c1-ac77-496b-92df-f27374a8bd58", "asset")]
    [InlineData("e48ece36-62e2-4504-bad9-02848725956a", "archive")]
    [InlineData("dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "object")]
    public void UnknownSentinel_WhenDecoded_ShouldBeUnknownOfItsType(string sentinel, string type)
    {
        var value = Decode($"\"{sentinel}\"");
        Assert.True(value.IsUnknown);
        Assert.False(value.IsSecret);
        Assert.Equal(type, value.UnknownType);
    }

    [Fact]
    public void Asset_WhenDecoded_ShouldKeepItsAttributes()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"c44067f5952c0a294b673a41bacd8c17","hash":"abc","path":"./index.html"}""");
        Assert.Equal(ValueKind.Asset, value.Kind);
        Assert.Equal("./index.html", value.Attributes["path"]);
        Assert.Equal("abc", value.Attributes["hash"]);
    }

    [Fact]
    public void Archive_WhenDecoded_ShouldKeepItsAssets()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"0def7320c3a5731c473e5ecbe6d01bc7","assets":{"main.py":{"4dabf18193072939515e22adb298388d":"c44067f5952c0a294b673a41bacd8c17","text":"print(1)"}}}""");
        Assert.Equal(ValueKind.Archive, value.Kind);
        Assert.Equal(ValueKind.Asset, value.Fields["main.py"].Kind);
        Assert.Equal("print(1)", value.Fields["main.py"].Attributes["text"]);
    }

    [Fact]
    public void ResourceReference_WhenItHasAnId_ShouldReadAsTheId()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"5cf8f73096256a8f31e491e813e4eb8e","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","id":"1234abcd","packageVersion":"7.48.0"}""");
        Assert.Equal(ValueKind.ResourceReference, value.Kind);
        Assert.Equal("1234abcd", value.StringValue);
        Assert.Equal("urn:pulumi:prod::baseline::aws:kms/key:Key::data", value.Attributes["urn"]);
    }

    [Fact]
    public void ResourceReference_WhenItsIdIsUnknown_ShouldBeUnknown()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"5cf8f73096256a8f31e491e813e4eb8e","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","id":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.True(value.IsUnknown);
    }

    [Fact]
    public void OutputValue_WhenSecretWithoutValue_ShouldBeUnknownAndSecret()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"d0e6a833031e9bbcd3f4e8bde6ca49a4","secret":true,"dependencies":["urn:a"]}""");
        Assert.True(value.IsUnknown);
        Assert.True(value.IsSecret);
    }

    [Fact]
    public void OutputValue_WhenKnown_ShouldBeItsValue()
    {
        var value = Decode("""{"4dabf18193072939515e22adb298388d":"d0e6a833031e9bbcd3f4e8bde6ca49a4","value":"arn:aws:kms:ap-northeast-1:123456789012:key/1"}""");
        Assert.Equal("arn:aws:kms:ap-northeast-1:123456789012:key/1", value.StringValue);
        Assert.False(value.IsSecret);
    }

    [Fact]
    public void UnrecognisedSignature_WhenDecoded_ShouldNameThePath()
    {
        var error = Assert.Throws<PropertyFormatException>(() => Decode("""{"outer":{"inner":{"4dabf18193072939515e22adb298388d":"ffffffffffffffffffffffffffffffff"}}}"""));
        Assert.Equal("outer.inner", error.PropertyPath);
    }

    [Fact]
    public void NestedProperties_When200LevelsDeep_ShouldDecode()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "true" + new string('}', 200);
        var value = Decode(json);
        var depth = 0;
        while (value.Kind == ValueKind.Object)
        {
            value = value["a"]!;
            depth++;
        }

        Assert.Equal(200, depth);
        Assert.True(value.BoolValue);
    }
}
