using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class VpcFlowLogsEnabledTests
{
    private const string Vpc = "aws:ec2/vpc:Vpc";
    private const string FlowLog = "aws:ec2/flowLog:FlowLog";
    private readonly VpcFlowLogsEnabled policy = new();

    private static PulumiResource NamedVpc(string name, string id) =>
        Fixtures.Resource(Vpc, $$"""{"cidrBlock":"10.0.0.0/16","id":"{{id}}"}""", name) with { Id = id };

    [Fact]
    public void AwsVpcs_WhenOnlyOneHasAFlowLog_ShouldPassItAndFailTheOther()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedVpc("main", "vpc-0a1b2c3d4e5f60001"),
            NamedVpc("sandbox", "vpc-0a1b2c3d4e5f60002"),
            Fixtures.Resource(FlowLog, """{"vpcId":"vpc-0a1b2c3d4e5f60001","trafficType":"ALL","logDestinationType":"cloud-watch-logs"}""", "main-flow"),
        ]);

        Assert.Equal(Outcome.Pass, Assert.Single(evaluations, e => e.Resource.Name == "main").Outcome);
        var sandbox = Assert.Single(evaluations, e => e.Resource.Name == "sandbox");
        Assert.Equal(Outcome.Fail, sandbox.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, sandbox.Level);
    }

    [Fact]
    public void AwsVpc_WhenFlowLogVpcIdIsUnknown_ShouldBeNotApplicable()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedVpc("main", "vpc-0a1b2c3d4e5f60001"),
            Fixtures.Resource(FlowLog, """{"vpcId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","trafficType":"ALL"}""", "main-flow"),
        ]);

        Assert.Equal(Outcome.NotApplicable, Assert.Single(evaluations).Outcome);
    }
}
