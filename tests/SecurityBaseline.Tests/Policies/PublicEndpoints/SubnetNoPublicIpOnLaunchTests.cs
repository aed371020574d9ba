using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class SubnetNoPublicIpOnLaunchTests
{
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private readonly SubnetNoPublicIpOnLaunch policy = new();

    private Evaluation Evaluate(string inputsJson, string name = "app-a", string? configJson = null) =>
        Fixtures.Evaluate(policy, Fixtures.Resource(Subnet, inputsJson, name), configJson);

    [Fact]
    public void AwsSubnet_WhenPrivate_ShouldPass()
    {
        var result = Evaluate("""{"vpcId":"vpc-0a1b2c3d","cidrBlock":"10.0.1.0/24","availabilityZone":"ap-northeast-1a","mapPublicIpOnLaunch":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSubnet_WhenFlagsAbsent_ShouldPassBecauseTheDefaultIsFalse()
    {
        var result = Evaluate("""{"vpcId":"vpc-0a1b2c3d","cidrBlock":"10.0.1.0/24"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSubnet_WhenMapPublicIpOnLaunch_ShouldFail()
    {
        var result = Evaluate("""{"vpcId":"vpc-0a1b2c3d","cidrBlock":"10.0.1.0/24","mapPublicIpOnLaunch":true,"tags":{"Name":"app-a"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("mapPublicIpOnLaunch is true", message, StringComparison.Ordinal);
        Assert.Contains("publicSubnets", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSubnet_WhenAssignIpv6AddressOnCreation_ShouldFail()
    {
        var result = Evaluate("""{"vpcId":"vpc-0a1b2c3d","cidrBlock":"10.0.1.0/24","ipv6CidrBlock":"2600:1f18:abc:de01::/64","assignIpv6AddressOnCreation":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("assignIpv6AddressOnCreation is true", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSubnet_WhenIpv6IsConfiguredAsNotPublic_ShouldPass()
    {
        var result = Evaluate(
            """{"vpcId":"vpc-0a1b2c3d","ipv6CidrBlock":"2600:1f18:abc:de01::/64","assignIpv6AddressOnCreation":true}""",
            configJson: """{"subnet-no-public-ip-on-launch":{"ipv6AddressesArePublic":false}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSubnet_WhenDesignatedPublicByResourceName_ShouldPass()
    {
        var result = Evaluate(
            """{"vpcId":"vpc-0a1b2c3d","cidrBlock":"10.0.0.0/24","mapPublicIpOnLaunch":true}""",
            name: "public-a",
            configJson: """{"subnet-no-public-ip-on-launch":{"publicSubnets":["public-*"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSubnet_WhenDesignatedPublicByNameTag_ShouldPass()
    {
        var result = Evaluate(
            """{"vpcId":"vpc-0a1b2c3d","cidrBlock":"10.0.0.0/24","mapPublicIpOnLaunch":true,"tags":{"Name":"edge-lb-1a"}}""",
            name: "subnet-3",
            configJson: """{"subnet-no-public-ip-on-launch":{"publicSubnets":["edge-lb-1a"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSubnet_WhenExactPatternDoesNotMatchALongerName_ShouldFail()
    {
        var result = Evaluate(
            """{"vpcId":"vpc-0a1b2c3d","mapPublicIpOnLaunch":true,"tags":{"Name":"public-a-extra"}}""",
            name: "public-a-extra",
            configJson: """{"subnet-no-public-ip-on-launch":{"publicSubnets":["public-a"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsSubnet_WhenFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Evaluate("""{"vpcId":"vpc-0a1b2c3d","mapPublicIpOnLaunch":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("mapPublicIpOnLaunch", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSubnet_WhenNameTagUnknownAndNameDoesNotMatch_ShouldBeNotApplicableWithReason()
    {
        var result = Evaluate(
            """{"vpcId":"vpc-0a1b2c3d","mapPublicIpOnLaunch":true,"tags":{"Name":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""",
            name: "subnet-3",
            configJson: """{"subnet-no-public-ip-on-launch":{"publicSubnets":["public-*"]}}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("tags.Name", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["pub*lic"]""")]
    [InlineData("""["*"]""")]
    [InlineData("""[""]""")]
    [InlineData("\"public-a\"")]
    public void Configuration_WhenPublicSubnetsInvalid_ShouldRaisePolicyConfigException(string value)
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse($$$"""{"subnet-no-public-ip-on-launch":{"publicSubnets":{{{value}}}}}""", [policy]));
        Assert.Contains("publicSubnets", error.Message, StringComparison.Ordinal);
    }
}
