using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AccessManagement;

namespace SecurityBaseline.Tests.Policies.AccessManagement;

public class IamUserNoLongLivedCredentialsTests
{
    private readonly IamUserNoLongLivedCredentials policy = new();

    [Theory]
    [InlineData("aws:iam/accessKey:AccessKey", """{"user":"ci-deployer","status":"Active"}""", "access key")]
    [InlineData("aws:iam/userLoginProfile:UserLoginProfile", """{"user":"alice","passwordResetRequired":true}""", "console password")]
    public void Credential_WhenCreatedByTheStack_ShouldFail(string type, string inputs, string fragment)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains(fragment, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void IamRole_WhenEvaluated_ShouldNotBeJudged()
    {
        var evaluations = new PolicyEngine([policy], PackConfiguration.Default([policy]))
            .AnalyzeResource(Fixtures.Resource("aws:iam/role:Role", """{"assumeRolePolicy":"{}"}"""));
        Assert.DoesNotContain(evaluations, e => e.Outcome == Outcome.Pass || e.Outcome == Outcome.Fail);
    }
}
