using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class DefaultVpcNotUsedTests
{
    private readonly DefaultVpcNotUsed policy = new();

    [Fact]
    public void AwsDefaultVpc_WhenDeclared_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/defaultVpc:DefaultVpc", """{"enableDnsHostnames":true,"tags":{"Name":"default"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("default VPC", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVpc_WhenTheStackPlansItsOwn_ShouldNotBeJudgedByThisPolicy()
    {
        // The compliant alternative: a VPC of the stack's own is outside this policy's types, so the engine never asks it.
        var evaluations = new PolicyEngine([policy], PackConfiguration.Default([policy]))
            .AnalyzeResource(Fixtures.Resource("aws:ec2/vpc:Vpc", """{"cidrBlock":"10.20.0.0/16","enableDnsHostnames":true}"""));
        Assert.Empty(evaluations);
        Assert.DoesNotContain(Outcome.Pass, evaluations.Select(e => e.Outcome));
    }
}
