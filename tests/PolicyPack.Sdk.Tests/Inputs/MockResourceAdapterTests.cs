using System.Collections.Immutable;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Tests.Inputs;

/// <summary>
/// The values Pulumi's mocks hand over, in the shapes pulumi-dotnet v3.112.1 builds them (sdk/Pulumi/Testing/MockMonitor.cs and
/// sdk/Pulumi/Serialization/Deserializer.cs): numbers as double, lists as ImmutableArray&lt;object?&gt;, maps as
/// ImmutableDictionary&lt;string, object?&gt;, secrets unwrapped, unknown inputs left out.
/// </summary>
public class MockResourceAdapterTests
{
    private const string Canary = "hunter2-canary";

    private static ImmutableDictionary<string, object> SecurityGroupInputs() =>
        ImmutableDictionary<string, object>.Empty
            .Add("vpcId", "vpc-0a1b2c3d4e5f60718")
            .Add("revokeRulesOnDelete", false)
            .Add("ingress", ImmutableArray.Create<object?>(
                ImmutableDictionary<string, object?>.Empty
                    .Add("protocol", "tcp")
                    .Add("fromPort", 22.0)
                    .Add("toPort", 22.0)
                    .Add("cidrBlocks", ImmutableArray.Create<object?>("0.0.0.0/0"))
                    .Add("description", null)));

    [Fact]
    public void Convert_WhenGivenTheDeserializersShapes_ShouldBuildTheModel()
    {
        var resource = MockResourceAdapter.Convert("aws:ec2/securityGroup:SecurityGroup", "open-web", SecurityGroupInputs(), stack: "prod", project: "baseline").Inputs;

        Assert.Equal("urn:pulumi:prod::baseline::aws:ec2/securityGroup:SecurityGroup::open-web", resource.Urn);
        Assert.Equal("vpc-0a1b2c3d4e5f60718", resource.Properties["vpcId"].StringValue);
        Assert.Equal(ValueKind.Bool, resource.Properties["revokeRulesOnDelete"].Kind);
        var rule = Assert.Single(resource.Properties["ingress"].Items);
        Assert.Equal(22.0, rule["fromPort"]!.NumberValue);
        Assert.Equal("0.0.0.0/0", Assert.Single(rule["cidrBlocks"]!.Items).StringValue);
        Assert.True(rule["description"]!.IsNull);
    }

    [Fact]
    public void Convert_WhenTheMockAnsweredState_ShouldMergeItIntoTheOutputsOnly()
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add("bucket", "logs");
        var state = inputs.Add("arn", "arn:aws:s3:::logs");

        var converted = MockResourceAdapter.Convert("aws:s3/bucket:Bucket", "logs", inputs, state, id: "logs");

        Assert.False(converted.Inputs.Properties.ContainsKey("arn"));
        Assert.Equal("arn:aws:s3:::logs", converted.Outputs.Properties["arn"].StringValue);
        Assert.Equal("logs", converted.Outputs.Id);
    }

    [Fact]
    public void Convert_WhenAnInputIsOneProvidersMarkSecret_ShouldMarkItSecretAndNeverShowIt()
    {
        // Pulumi's mock monitor unwraps secrets: the value arrives in plaintext and the adapter restores the secret by name.
        var inputs = ImmutableDictionary<string, object>.Empty
            .Add("password", Canary)
            .Add("settings", ImmutableDictionary<string, object?>.Empty.Add("apiKey", Canary));

        var properties = MockResourceAdapter.Convert("aws:rds/instance:Instance", "db", inputs).Inputs.Properties;

        Assert.True(properties["password"].IsSecret);
        Assert.True(properties["settings"]["apiKey"]!.IsSecret);
        Assert.DoesNotContain(Canary, properties["password"].Describe(), StringComparison.Ordinal);
        Assert.Equal(Shown.SecretText, properties["password"].AsShown()!.Value.Text);
    }

    [Fact]
    public void Convert_WhenAValueIsAlreadyInTheModel_ShouldKeepIt()
    {
        var reference = PropertyValue.ResourceReference("urn:pulumi:prod::baseline::aws:kms/key:Key::data", null, new Dictionary<string, string>());
        var inputs = ImmutableDictionary<string, object>.Empty.Add("key", reference).Add("privateKey", PropertyValue.FromString(Canary));

        var properties = MockResourceAdapter.Convert("aws:s3/bucket:Bucket", "logs", inputs).Inputs.Properties;

        Assert.Same(reference, properties["key"]);
        Assert.True(properties["privateKey"].IsSecret);
    }

    [Fact]
    public void Convert_WhenAStringIsAnUnknownSentinel_ShouldReadItAsUnknown()
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add("arn", PulumiSignatures.UnknownString);

        Assert.True(MockResourceAdapter.Convert("aws:s3/bucket:Bucket", "logs", inputs).Inputs.Properties["arn"].IsUnknown);
    }

    [Fact]
    public void Convert_WhenAValueIsNoMockShape_ShouldThrowNamingItsPath()
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add("tags", ImmutableDictionary<string, object?>.Empty.Add("owner", new Uri("https://example.com")));

        var error = Assert.Throws<PropertyFormatException>(() => MockResourceAdapter.Convert("aws:s3/bucket:Bucket", "logs", inputs));

        Assert.Contains("tags.owner", error.Message, StringComparison.Ordinal);
    }
}
