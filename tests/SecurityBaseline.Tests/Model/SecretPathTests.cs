using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Model;

/// <summary>What error paths and policy messages may say about a secret: where it is, never its keys or values.</summary>
public class SecretPathTests
{
    private const string Canary = "CANARY-91ab";
    private const string Sig = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";

    private static PropertyFormatException DecodeFails(string json)
    {
        using var document = JsonDocument.Parse(json.Replace("SIG", Sig, StringComparison.Ordinal), PropertyDecoder.DocumentOptions);
        return Assert.Throws<PropertyFormatException>(() => PropertyDecoder.Decode(document.RootElement));
    }

    [Fact]
    public void Decoder_WhenABadSignatureSitsUnderSecretMapKeys_ShouldNameTheSecretRootOnly()
    {
        var error = DecodeFails("""{"tags":{SIG,"value":{"CANARY-91ab":{"inner-CANARY-91ab":{"4dabf18193072939515e22adb298388d":"CANARY-91ab"}}}}}""");

        Assert.Equal("tags.[secret]", error.PropertyPath);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_WhenSecretPlaintextHoldsMapKeysAndABadItem_ShouldNameTheSecretRootOnly()
    {
        var error = DecodeFails("""{"settings":{SIG,"plaintext":"{\"CANARY-91ab\":[1,{\"urn-less\":{\"4dabf18193072939515e22adb298388d\":\"cb5c8b5f2f0b44f5bd2f2ba8cde6c4c0\"}}]}"}}""");

        Assert.Equal("settings.[secret]", error.PropertyPath);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_WhenASecretHoldsAnUnpairedSurrogate_ShouldRaiseAFormatErrorWithThePath()
    {
        var error = DecodeFails("""{"password":{SIG,"plaintext":"\"\\ud800CANARY-91ab\""}}""");

        Assert.StartsWith("password", error.PropertyPath, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_WhenAKeyHoldsAnUnpairedSurrogate_ShouldNameTheObjectHoldingIt()
    {
        var error = DecodeFails("""{"tags":{"\ud800CANARY-91ab":"x"}}""");

        Assert.Equal("tags", error.PropertyPath);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretList_WhenBuiltFromPlainItems_ShouldMarkEveryItemSecret()
    {
        var list = PropertyValue.FromArray([PropertyValue.FromString(Canary)], secret: true);

        Assert.True(list.Items[0].IsSecret);
        Assert.Equal("[secret]", list.Items[0].Describe());
    }

    [Theory]
    [InlineData("""{"type":{SIG,"value":"egress-CANARY-91ab"},"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}""")]
    [InlineData("""{"type":"ingress","protocol":{SIG,"value":"tcp-CANARY-91ab"},"fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}""")]
    [InlineData("""{"type":"ingress","protocol":"tcp","fromPort":22,"toPort":{SIG,"value":34567},"cidrBlocks":["0.0.0.0/0"]}""")]
    [InlineData("""{"type":"ingress","protocol":"tcp","fromPort":{SIG,"value":20111},"toPort":34567,"cidrBlocks":["0.0.0.0/0"]}""")]
    [InlineData("""{"type":"ingress","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":{SIG,"value":["0.0.0.0/0","CANARY-91ab"]}}""")]
    public void InboundRulePolicies_WhenARuleFieldIsSecret_ShouldPrintSecretInsteadOfIt(string inputs)
    {
        var resource = Fixtures.Resource("aws:ec2/securityGroupRule:SecurityGroupRule", inputs.Replace("SIG", Sig, StringComparison.Ordinal));
        var texts = PolicyCatalog.All.OfType<ResourcePolicy>().Where(p => p.Covers(resource.Type))
            .Select(p => Fixtures.Evaluate(p, resource))
            .SelectMany(e => e.Messages.Append(e.Reason ?? string.Empty))
            .ToArray();

        Assert.Contains(texts, t => t.Contains("[secret]", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(Canary, StringComparison.Ordinal) || t.Contains("34567", StringComparison.Ordinal) || t.Contains("20111", StringComparison.Ordinal));
    }
}
