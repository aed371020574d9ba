using System.Collections.Immutable;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Inputs;

public class MockResourceAdapterTests
{
    /// <summary>Inputs in the shape the .NET SDK's mock monitor deserialises them: doubles, immutable lists and maps.</summary>
    private static ImmutableDictionary<string, object> SecurityGroupInputs() =>
        ImmutableDictionary<string, object>.Empty
            .Add("description", "load balancer")
            .Add("vpcId", "vpc-0a1b2c3d")
            .Add("revokeRulesOnDelete", true)
            .Add("ingress", ImmutableArray.Create<object?>(
                ImmutableDictionary<string, object?>.Empty
                    .Add("protocol", "tcp")
                    .Add("fromPort", 443.0)
                    .Add("toPort", 443.0)
                    .Add("cidrBlocks", ImmutableArray.Create<object?>("203.0.113.0/24"))
                    .Add("description", null)));

    [Fact]
    public void Convert_WhenInputsAreMockValues_ShouldBuildTheResourceModel()
    {
        var resource = MockResourceAdapter.Convert("aws:ec2/securityGroup:SecurityGroup", "lb", SecurityGroupInputs(), stack: "prod", project: "baseline").Inputs;

        Assert.Equal("urn:pulumi:prod::baseline::aws:ec2/securityGroup:SecurityGroup::lb", resource.Urn);
        Assert.Equal("lb", resource.Name);
        Assert.Equal(ValueKind.Bool, resource["revokeRulesOnDelete"]!.Kind);
        var rule = resource["ingress"]!.Items[0];
        Assert.Equal(443, rule["fromPort"]!.NumberValue);
        Assert.Equal("203.0.113.0/24", rule["cidrBlocks"]!.Items[0].StringValue);
        Assert.True(rule["description"]!.IsNull);
        Assert.False(rule["cidrBlocks"]!.IsSecret);
    }

    [Fact]
    public void Convert_WhenTheMockReturnsState_ShouldMergeItIntoTheOutputsOnly()
    {
        var state = ImmutableDictionary<string, object>.Empty.Add("arn", "arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-1").Add("description", "load balancer");

        var converted = MockResourceAdapter.Convert("aws:ec2/securityGroup:SecurityGroup", "lb", SecurityGroupInputs(), state, id: "sg-1");

        Assert.Null(converted.Inputs["arn"]);
        Assert.Equal("arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-1", converted.Outputs["arn"]!.StringValue);
        Assert.Equal("vpc-0a1b2c3d", converted.Outputs["vpcId"]!.StringValue);
        Assert.Equal("sg-1", converted.Outputs.Id);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("masterPassword")]
    [InlineData("administratorLoginPassword")]
    [InlineData("authToken")]
    [InlineData("secretString")]
    [InlineData("connectionString")]
    public void Convert_WhenAnInputIsOneProvidersMarkSecret_ShouldMarkItSecretAndNeverPrintIt(string name)
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add(name, "hunter2-plaintext").Add("username", "admin");

        var resource = MockResourceAdapter.Convert("aws:rds/instance:Instance", "db", inputs).Inputs;

        Assert.True(resource[name]!.IsSecret);
        Assert.Equal("hunter2-plaintext", resource[name]!.StringValue);
        Assert.Equal("[secret]", resource[name]!.Describe());
        Assert.False(resource["username"]!.IsSecret);
    }

    [Fact]
    public void Convert_WhenASecretNameIsNested_ShouldMarkTheNestedValueSecret()
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add(
            "osProfile",
            ImmutableDictionary<string, object?>.Empty.Add("adminUsername", "ops").Add("adminPassword", "plaintext"));

        var resource = MockResourceAdapter.Convert("azure-native:compute:VirtualMachine", "vm", inputs).Inputs;

        Assert.True(resource["osProfile"]!["adminPassword"]!.IsSecret);
        Assert.False(resource["osProfile"]!["adminUsername"]!.IsSecret);
    }

    [Fact]
    public void Convert_WhenAValueIsAnUnknownSentinel_ShouldMakeItUnknown()
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add("kmsKeyId", PulumiSignatures.UnknownString);

        var resource = MockResourceAdapter.Convert("aws:cloudwatch/logGroup:LogGroup", "flow", inputs).Inputs;

        Assert.True(resource["kmsKeyId"]!.IsUnknown);
    }

    [Fact]
    public void Convert_WhenAValueIsNoMockValue_ShouldFailNamingThePath()
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add("rule", ImmutableDictionary<string, object?>.Empty.Add("expires", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        var error = Assert.Throws<PropertyFormatException>(() => MockResourceAdapter.Convert("aws:s3/bucket:Bucket", "data", inputs));

        Assert.Equal("rule.expires", error.PropertyPath);
    }

    [Fact]
    public void Convert_WhenListsAndMapsArePlainCollections_ShouldAcceptThem()
    {
        var inputs = new Dictionary<string, object>
        {
            ["tags"] = new Dictionary<string, object?> { ["environment"] = "prod" },
            ["subnets"] = new List<object?> { "subnet-a", "subnet-b" },
            ["idleTimeout"] = 60,
        };

        var resource = MockResourceAdapter.Convert("aws:lb/loadBalancer:LoadBalancer", "edge", inputs).Inputs;

        Assert.Equal("prod", resource["tags"]!["environment"]!.StringValue);
        Assert.Equal(2, resource["subnets"]!.Items.Count);
        Assert.Equal(60, resource["idleTimeout"]!.NumberValue);
    }

    [Theory]
    [InlineData(true, Outcome.Pass)]
    [InlineData(false, Outcome.Fail)]
    public void Convert_WhenTheResultIsAnalyzed_ShouldBeJudgedLikeAnyOtherInput(bool rotation, Outcome expected)
    {
        var inputs = ImmutableDictionary<string, object>.Empty.Add("enableKeyRotation", rotation).Add("deletionWindowInDays", 30.0);
        var resource = MockResourceAdapter.Convert("aws:kms/key:Key", "cmk", inputs).Inputs;
        var policy = PolicyCatalog.All.OfType<ResourcePolicy>().Single(p => p.Descriptor.Id == PolicyIds.KmsKeyRotation);

        var evaluation = Fixtures.Evaluate(policy, resource);

        Assert.Equal(expected, evaluation.Outcome);
    }
}
