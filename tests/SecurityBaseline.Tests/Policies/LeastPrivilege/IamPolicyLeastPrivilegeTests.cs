using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.LeastPrivilege;

namespace SecurityBaseline.Tests.Policies.LeastPrivilege;

public class IamPolicyLeastPrivilegeTests
{
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string SecretSignature = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";
    private readonly IamPolicyLeastPrivilege policy = new();

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    /// <summary>A one-statement identity policy as the JSON string the provider takes.</summary>
    private static string Document(string statement) => Quote("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}");

    private static string Allow(string action, string resource, string extra = "") =>
        "{\"Sid\":\"Grant\",\"Effect\":\"Allow\",\"Action\":" + action + ",\"Resource\":" + resource + extra + "}";

    private static string PolicyInputs(string statement) => "{\"name\":\"app\",\"policy\":" + Document(statement) + "}";

    private static readonly string AdminInlinePolicyRole =
        "{\"assumeRolePolicy\":" + Quote("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}") +
        ",\"inlinePolicies\":[{\"name\":\"ok\",\"policy\":" + Document(Allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:eu-west-1:123456789012:jobs\"")) + "},{\"name\":\"admin\",\"policy\":" + Document(Allow("\"*\"", "\"*\"")) + "}]}";

    public static TheoryData<string, string> TooBroad { get; } = new()
    {
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"*\"", "\"*\"")) },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"*:*\"", "\"arn:aws:s3:::acme-uploads/*\"")) },
        { "aws:iam/rolePolicy:RolePolicy", "{\"role\":\"app\",\"policy\":" + Document(Allow("[\"s3:*\"]", "\"*\"")) + "}" },
        { "aws:iam/userPolicy:UserPolicy", "{\"user\":\"ci\",\"policy\":" + Document(Allow("\"iam:PassRole\"", "\"*\"")) + "}" },
        { "aws:iam/groupPolicy:GroupPolicy", "{\"group\":\"ops\",\"policy\":" + Document(Allow("[\"kms:Decrypt\",\"kms:Encrypt\"]", "[\"*\"]")) + "}" },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"secretsmanager:Get*\"", "\"*\"")) },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"s3:GetObject\"", "\"arn:aws:*:*:*:*\"")) },
        { "aws:iam/policy:Policy", PolicyInputs("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}") },
        { "aws:iam/policy:Policy", PolicyInputs("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::secret-bucket/*\"}") },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"ec2:*\"", "\"*\"", ",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}")) },
        { "aws:iam/policy:Policy", "{\"name\":\"app\",\"policy\":{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}}" },
        { "aws:iam/role:Role", AdminInlinePolicyRole },
        { "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy", "{\"instanceArn\":\"arn:aws:sso:::instance/ssoins-1234567890abcdef\",\"permissionSetArn\":\"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef\",\"inlinePolicy\":" + Document(Allow("\"sts:AssumeRole\"", "\"*\"")) + "}" },
    };

    public static TheoryData<string, string> Scoped { get; } = new()
    {
        { "aws:iam/policy:Policy", PolicyInputs(Allow("[\"s3:GetObject\",\"s3:PutObject\"]", "\"arn:aws:s3:::acme-uploads/*\"")) },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"ec2:Describe*\"", "\"*\"")) },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"support:*\"", "\"*\"")) },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"ec2:*\"", "\"*\"", ",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"payments\"}}")) },
        { "aws:iam/policy:Policy", PolicyInputs(Allow("\"kms:Decrypt\"", "\"*\"", ",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}")) },
        { "aws:iam/policy:Policy", PolicyInputs("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}") },
        { "aws:iam/policy:Policy", PolicyInputs("{\"Effect\":\"Allow\",\"NotAction\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\"}") },
        { "aws:iam/rolePolicy:RolePolicy", "{\"role\":\"app\",\"policy\":" + Document(Allow("\"iam:PassRole\"", "\"arn:aws:iam::123456789012:role/app-task\"")) + "}" },
        { "aws:iam/userPolicy:UserPolicy", "{\"user\":\"ci\",\"policy\":" + Document(Allow("\"secretsmanager:GetSecretValue\"", "\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:ci-*\"")) + "}" },
        { "aws:iam/groupPolicy:GroupPolicy", "{\"group\":\"ops\",\"policy\":" + Document(Allow("\"cloudwatch:GetMetricData\"", "\"*\"")) + "}" },
        { "aws:iam/role:Role", "{\"assumeRolePolicy\":" + Quote("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}") + ",\"inlinePolicies\":[{\"name\":\"queue\",\"policy\":" + Document(Allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:eu-west-1:123456789012:jobs\"")) + "}]}" },
        { "aws:iam/role:Role", "{\"assumeRolePolicy\":" + Quote("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}") + "}" },
        { "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy", "{\"instanceArn\":\"arn:aws:sso:::instance/ssoins-1234567890abcdef\",\"permissionSetArn\":\"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef\",\"inlinePolicy\":" + Document(Allow("\"s3:ListBucket\"", "\"arn:aws:s3:::acme-reports\"")) + "}" },
    };

    [Theory]
    [MemberData(nameof(TooBroad))]
    public void IdentityPolicy_WhenItGrantsWildcardsOrSensitiveActionsEverywhere_ShouldFail(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Single(result.Messages);
    }

    [Theory]
    [MemberData(nameof(Scoped))]
    public void IdentityPolicy_WhenActionsAndResourcesAreNamedOrScoped_ShouldPass(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Role_WhenSecondInlinePolicyIsAdmin_ShouldNameItsPath()
    {
        var result = Fixtures.Evaluate(policy, "aws:iam/role:Role", AdminInlinePolicyRole);
        var message = Assert.Single(result.Messages);
        Assert.Contains("inlinePolicies[1].policy", message, StringComparison.Ordinal);
        Assert.Contains("Action \"*\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_WhenSensitiveActionOnEveryResource_ShouldNameTheAction()
    {
        var result = Fixtures.Evaluate(policy, "aws:iam/policy:Policy", PolicyInputs(Allow("\"kms:*\"", "\"*\"")));
        var message = Assert.Single(result.Messages);
        Assert.Contains("statement \"Grant\"", message, StringComparison.Ordinal);
        Assert.Contains("kms:Decrypt", message, StringComparison.Ordinal);
        Assert.Contains("\"kms:*\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_WhenResourceIsComputedDuringPreview_ShouldBeNotApplicableWithItsPath()
    {
        var inputs = "{\"name\":\"app\",\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"" + Unknown + "\"}]}}";
        var result = Fixtures.Evaluate(policy, "aws:iam/policy:Policy", inputs);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("policy.Statement[0].Resource", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_WhenOneResourceEntryIsComputedAndAnotherStatementIsAdmin_ShouldStillFail()
    {
        var inputs = "{\"name\":\"app\",\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":[\"" + Unknown + "\"]},{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}}";
        var result = Fixtures.Evaluate(policy, "aws:iam/policy:Policy", inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("statement 1", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_WhenActionIsEverythingAndResourceIsComputed_ShouldFail()
    {
        var inputs = "{\"name\":\"app\",\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"" + Unknown + "\"}]}}";
        Assert.Equal(Outcome.Fail, Fixtures.Evaluate(policy, "aws:iam/policy:Policy", inputs).Outcome);
    }

    [Fact]
    public void Policy_WhenSecretDocumentIsTooBroad_ShouldFailWithoutPrintingItsContent()
    {
        var document = "{\"Statement\":[{\"Sid\":\"TopSecretSid\",\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        var result = Fixtures.Evaluate(policy, "aws:iam/policy:Policy", "{\"name\":\"app\",\"policy\":{" + SecretSignature + ",\"value\":" + Quote(document) + "}}");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.DoesNotContain("TopSecretSid", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsmanager", message, StringComparison.Ordinal);
    }
}
