using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.LeastPrivilege;

namespace SecurityBaseline.Tests.Policies.LeastPrivilege;

public class IamRoleTrustRestrictedTests
{
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string GitHub = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    private const string Eks = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private readonly IamRoleTrustRestricted policy = new();

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    private static string Role(string statement) => "{\"name\":\"deployer\",\"assumeRolePolicy\":" + Quote("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}") + "}";

    private static string WebIdentity(string provider, string condition) =>
        Role("{\"Sid\":\"Ci\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + provider + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"" + condition + "}");

    private const string AudienceOnly = ",\"Condition\":{\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}}";

    public static TheoryData<string> Open { get; } = new()
    {
        Role("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}"),
        Role("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}"),
        WebIdentity(GitHub, AudienceOnly),
        WebIdentity(GitHub, ",\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:*\"}}"),
        WebIdentity(GitHub, ",\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"*\"}}"),
        WebIdentity(GitHub, ",\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":[\"repo:acme/app:*\",\"repo:*/infra:*\"]}}"),
        WebIdentity(GitHub, ",\"Condition\":{\"StringNotEquals\":{\"token.actions.githubusercontent.com:sub\":\"repo:evil/app:ref:refs/heads/main\"}}"),
        WebIdentity(Eks, string.Empty),
        WebIdentity("cognito-identity.amazonaws.com", string.Empty),
    };

    public static TheoryData<string> Restricted { get; } = new()
    {
        Role("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}"),
        Role("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/deployer\"},\"Action\":\"sts:AssumeRole\"}"),
        Role("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}"),
        WebIdentity(GitHub, ",\"Condition\":{\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\",\"token.actions.githubusercontent.com:sub\":\"repo:acme/app:ref:refs/heads/main\"}}"),
        WebIdentity(GitHub, ",\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme/app:*\"}}"),
        WebIdentity(Eks, ",\"Condition\":{\"StringEquals\":{\"oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\":\"system:serviceaccount:payments:api\"}}"),
        WebIdentity("cognito-identity.amazonaws.com", ",\"Condition\":{\"StringEquals\":{\"cognito-identity.amazonaws.com:aud\":\"eu-west-1:12345678-1234-1234-1234-123456789012\"}}"),
        Role("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:saml-provider/Okta\"},\"Action\":\"sts:AssumeRoleWithSAML\",\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}"),
    };

    [Theory]
    [MemberData(nameof(Open))]
    public void Role_WhenTrustAdmitsAnyoneOrAnySubject_ShouldFail(string inputs)
    {
        var result = Fixtures.Evaluate(policy, "aws:iam/role:Role", inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Single(result.Messages);
    }

    [Theory]
    [MemberData(nameof(Restricted))]
    public void Role_WhenTrustNamesPrincipalsOrSubjects_ShouldPass(string inputs)
    {
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, "aws:iam/role:Role", inputs).Outcome);
    }

    [Fact]
    public void Role_WhenGitHubTrustHasOnlyAudience_ShouldNameTheSubjectKey()
    {
        var message = Assert.Single(Fixtures.Evaluate(policy, "aws:iam/role:Role", WebIdentity(GitHub, AudienceOnly)).Messages);
        Assert.Contains("token.actions.githubusercontent.com:sub", message, StringComparison.Ordinal);
        Assert.Contains("statement \"Ci\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenSubjectValueIsComputed_ShouldBeNotApplicable()
    {
        var inputs = "{\"name\":\"deployer\",\"assumeRolePolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + GitHub + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":\"" + Unknown + "\"}}}]}}";
        var result = Fixtures.Evaluate(policy, "aws:iam/role:Role", inputs);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("token.actions.githubusercontent.com:sub", result.Reason, StringComparison.Ordinal);
    }
}
