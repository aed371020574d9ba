using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Explicit Deny, iam:PassedToService and permissions boundaries, each across several documents of one principal.</summary>
public partial class IamNoPrivilegeEscalationTests
{
    private const string UserPolicyAttachmentFor = "aws:iam/userPolicyAttachment:UserPolicyAttachment";

    private static string Deny(string actions, string resources = "\"*\"", string condition = "") =>
        $$"""{"Effect":"Deny","Action":{{actions}},"Resource":{{resources}}{{(condition.Length > 0 ? $",\"Condition\":{condition}" : "")}}}""";

    private static string AllowWhen(string actions, string condition, string resources = "\"*\"") =>
        $$"""{"Effect":"Allow","Action":{{actions}},"Resource":{{resources}},"Condition":{{condition}}}""";

    private static string PassedTo(string op, string services) => $$$"""{"{{{op}}}":{"iam:PassedToService":{{{services}}}}}""";

    /// <summary>PassRole on every role inline, Lambda from an attached customer policy, and a guardrail customer policy attached too.</summary>
    private IReadOnlyList<Evaluation> RunWithGuardrail(string guardrail) => Run(
        DeployerRole(),
        PassRoleInline(),
        LambdaDeploy(),
        Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda"),
        Customer("guardrail", guardrail),
        Attachment("deployer", $"arn:aws:iam::{Account}:policy/guardrail", "deployer-guardrail"));

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("\"arn:aws:iam::*:role/*\"")]
    [InlineData("\"arn:aws:iam::111122223333:role/*\"")]
    [InlineData("\"arn:*:iam::*:*\"")]
    public void Role_WhenAnotherDocumentDeniesPassRoleOnEveryRole_ShouldPass(string resources)
    {
        var evaluation = For(RunWithGuardrail(Document(Deny("\"iam:PassRole\"", resources))), "deployer");
        Assert.Equal(Outcome.Pass, evaluation.Outcome);
    }

    [Theory]
    [InlineData("\"arn:aws:iam::*:role/admin-*\"")]
    [InlineData("\"arn:aws:iam::444455556666:role/*\"")]
    [InlineData("\"arn:aws:s3:::*\"")]
    [InlineData("[\"arn:aws:iam::111122223333:role/deployer\",\"arn:aws:iam::111122223333:role/break-glass\"]")]
    public void Role_WhenTheDenyCoversOnlySomeRoles_ShouldStillFail(string resources)
    {
        // Explicit deny wins only where it applies: every role it leaves out can still be passed to Lambda.
        var evaluation = For(RunWithGuardrail(Document(Deny("\"iam:PassRole\"", resources))), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[passrole-lambda]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenTheDenyRemovesTheSecondHalfOfThePath_ShouldPassAndADenyOnNamedFunctionsShouldNot()
    {
        Assert.Equal(Outcome.Pass, For(RunWithGuardrail(Document(Deny("\"lambda:CreateFunction\""))), "deployer").Outcome);
        Assert.Equal(Outcome.Pass, For(RunWithGuardrail(Document(Deny("\"lambda:Create*\"", "\"arn:aws:lambda:*:*:*\""))), "deployer").Outcome);

        // The principal picks the new function's name: a Deny on some names leaves the others.
        var named = For(RunWithGuardrail(Document(Deny("\"lambda:CreateFunction\"", "\"arn:aws:lambda:*:*:function:prod-*\""))), "deployer");
        Assert.Equal(Outcome.Fail, named.Outcome);
    }

    [Fact]
    public void Role_WhenTheDenyHoldsOnlyWithoutMfa_ShouldStillFail()
    {
        // An insider who holds the grant can sign in with MFA: the Deny never applies to that request.
        var guardrail = Document(Deny("\"iam:PassRole\"", condition: """{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"""));
        Assert.Equal(Outcome.Fail, For(RunWithGuardrail(guardrail), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenADenyNotActionLeavesOnlyStorageAndLambda_ShouldPassDespiteAllowEverything()
    {
        var admin = Inline("deployer", "admin", Document(Allow("\"*\"")));
        var guardrail = Inline("deployer", "guardrail", Document("""{"Effect":"Deny","NotAction":["s3:*","lambda:*"],"Resource":"*"}"""));
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), admin, guardrail), "deployer").Outcome);
        Assert.Equal(Outcome.Fail, For(Run(DeployerRole(), admin), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenPutRolePolicyOnItselfIsDeniedByArn_ShouldPassAndADenyOnAnotherRoleShouldNot()
    {
        var own = Inline("deployer", "self-edit", Document(Allow("\"iam:PutRolePolicy\"", $"\"arn:aws:iam::{Account}:role/*\"")));
        var deniedSelf = Inline("deployer", "no-self-edit", Document(Deny("\"iam:Put*\"", $"\"arn:aws:iam::{Account}:role/deployer\"")));
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), own, deniedSelf), "deployer").Outcome);

        var deniedOther = Inline("deployer", "no-self-edit", Document(Deny("\"iam:Put*\"", $"\"arn:aws:iam::{Account}:role/orders-fn-exec\"")));
        var evaluation = For(Run(DeployerRole(), own, deniedOther), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[self-inline-policy]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenItsArnIsUnknownAndTheDenyNamesItByAccount_ShouldBeNotApplicableNamingTheArn()
    {
        // During preview the role's ARN is computed: whether `role/deployer` in that account is the role waits for the ARN.
        var role = Fixtures.Resource(Role, $$"""{"name":"deployer","arn":"{{Unknown}}","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(LambdaTrust)}}}""", "deployer");
        var own = Inline("deployer", "self-edit", Document(Allow("\"iam:PutRolePolicy\"", $"\"arn:aws:iam::{Account}:role/deployer\"")));
        var denied = Inline("deployer", "no-self-edit", Document(Deny("\"iam:PutRolePolicy\"", $"\"arn:aws:iam::{Account}:role/deployer\"")));
        var evaluation = For(Run(role, own, denied), "deployer");
        Assert.Equal(Outcome.NotApplicable, evaluation.Outcome);
        Assert.Contains("Role \"deployer\".arn", evaluation.Reason, StringComparison.Ordinal);

        // A Deny on every role of every partition needs no ARN; one written for the aws partition waits for the ARN's partition.
        var everyRole = Inline("deployer", "no-self-edit", Document(Deny("\"iam:PutRolePolicy\"", "\"arn:*:iam::*:role/*\"")));
        Assert.Equal(Outcome.Pass, For(Run(role, own, everyRole), "deployer").Outcome);
        var awsRoles = Inline("deployer", "no-self-edit", Document(Deny("\"iam:PutRolePolicy\"", "\"arn:aws:iam::*:role/*\"")));
        Assert.Equal(Outcome.NotApplicable, For(Run(role, own, awsRoles), "deployer").Outcome);
    }

    [Fact]
    public void User_WhenKeysForANamedColleagueAreDeniedByName_ShouldPassAndForAnotherShouldFail()
    {
        var user = Fixtures.Resource(User, $$"""{"name":"alice","arn":"arn:aws:iam::{{Account}}:user/alice"}""", "alice");
        var keys = Customer("keys", Document(Allow("\"iam:CreateAccessKey\"", $"\"arn:aws:iam::{Account}:user/bob\""), Deny("\"iam:CreateAccessKey\"", $"\"arn:aws:iam::{Account}:user/bob\"")));
        var attach = Fixtures.Resource(UserPolicyAttachmentFor, $$"""{"user":"alice","policyArn":"arn:aws:iam::{{Account}}:policy/keys"}""", "alice-keys");
        Assert.Equal(Outcome.Pass, For(Run(user, keys, attach), "alice").Outcome);

        var other = Customer("keys", Document(Allow("\"iam:CreateAccessKey\"", $"\"arn:aws:iam::{Account}:user/bob\""), Deny("\"iam:CreateAccessKey\"", $"\"arn:aws:iam::{Account}:user/carol\"")));
        Assert.Equal(Outcome.Fail, For(Run(user, other, attach), "alice").Outcome);
    }

    [Fact]
    public void Role_WhenPassRoleIsLimitedToEcsTasks_ShouldNotCompleteTheLambdaPathButShouldCompleteTheEcsPath()
    {
        var pass = Inline("deployer", "deployer-pass", Document(AllowWhen("\"iam:PassRole\"", PassedTo("StringEquals", "\"ecs-tasks.amazonaws.com\""))));
        var lambda = Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda");
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), pass, LambdaDeploy(), lambda), "deployer").Outcome);

        var ecs = Inline("deployer", "deployer-ecs", Document(Allow("""["ecs:RegisterTaskDefinition","ecs:RunTask"]""")));
        var evaluation = For(Run(DeployerRole(), pass, LambdaDeploy(), lambda, ecs), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        var message = Assert.Single(evaluation.Messages);
        Assert.Contains("[passrole-ecs]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("[passrole-lambda]", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StringLike", "\"*.amazonaws.com\"")]
    [InlineData("StringEquals", "[\"ecs-tasks.amazonaws.com\",\"lambda.amazonaws.com\"]")]
    [InlineData("StringNotEquals", "\"ecs-tasks.amazonaws.com\"")]
    [InlineData("StringEqualsIfExists", "\"lambda.amazonaws.com\"")]
    [InlineData("ForAnyValue:StringEqualsIgnoreCase", "\"Lambda.AmazonAWS.com\"")]
    public void Role_WhenPassedToServiceAdmitsLambda_ShouldFail(string op, string services)
    {
        var pass = Inline("deployer", "deployer-pass", Document(AllowWhen("\"iam:PassRole\"", PassedTo(op, services))));
        var evaluation = For(Run(DeployerRole(), pass, LambdaDeploy(), Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda")), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[passrole-lambda]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")]
    [InlineData("""{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}""")]
    public void Role_WhenPassRoleNarrowsOnlyTheCaller_ShouldStillFail(string condition)
    {
        // The condition limits how the principal calls, not what it can do: an insider meets it.
        var pass = Inline("deployer", "deployer-pass", Document(AllowWhen("\"iam:PassRole\"", condition)));
        var evaluation = For(Run(DeployerRole(), pass, LambdaDeploy(), Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda")), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
    }

    [Fact]
    public void Role_WhenADenyHoldsOnlyForLambda_ShouldCloseTheLambdaPathAndLeaveEcsOpen()
    {
        var grants = Inline("deployer", "deploy", Document(Allow("""["iam:PassRole","lambda:CreateFunction","lambda:InvokeFunction","ecs:RegisterTaskDefinition","ecs:RunTask"]""")));
        var noLambda = Customer("no-lambda-roles", Document(Deny("\"iam:PassRole\"", condition: PassedTo("StringEquals", "\"lambda.amazonaws.com\""))));
        var attach = Attachment("deployer", $"arn:aws:iam::{Account}:policy/no-lambda-roles", "deployer-guardrail");
        var evaluation = For(Run(DeployerRole(), grants, noLambda, attach), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        var message = Assert.Single(evaluation.Messages);
        Assert.Contains("[passrole-ecs]", message, StringComparison.Ordinal);

        // Denying every service but ECS Tasks closes the Lambda path the same way; ECS stays open.
        var onlyEcs = Customer("no-lambda-roles", Document(Deny("\"iam:PassRole\"", condition: PassedTo("StringNotEquals", "\"ecs-tasks.amazonaws.com\""))));
        Assert.Contains("[passrole-ecs]", Assert.Single(For(Run(DeployerRole(), grants, onlyEcs, attach), "deployer").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenAwsLambdaFullAccessMeetsRunInstances_ShouldOpenOnlyTheLambdaPath()
    {
        // AWSLambda_FullAccess passes roles only to Lambda (StringEquals iam:PassedToService lambda.amazonaws.com).
        var managed = Attachment("deployer", "arn:aws:iam::aws:policy/AWSLambda_FullAccess", "lambda-full");
        var ec2 = Inline("deployer", "launch", Document(Allow("\"ec2:RunInstances\"")));
        var evaluation = For(Run(DeployerRole(), managed, ec2), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        var message = Assert.Single(evaluation.Messages);
        Assert.Contains("[passrole-lambda]", message, StringComparison.Ordinal);
        Assert.Contains("AWS managed policy AWSLambda_FullAccess via RolePolicyAttachment \"lambda-full\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenTheBoundaryIsPowerUserAccessByArn_ShouldPassAndAnUnreadableBoundaryShouldNot()
    {
        var launch = Inline("deployer", "launch", Document(Allow("""["iam:PassRole","ec2:RunInstances"]""")));
        var bounded = DeployerRole(",\"permissionsBoundary\":\"arn:aws:iam::aws:policy/PowerUserAccess\"");
        Assert.Equal(Outcome.Pass, For(Run(bounded, launch), "deployer").Outcome);

        // A boundary neither the stack nor the table knows is not read: it removes nothing, the finding stays.
        var unread = DeployerRole($",\"permissionsBoundary\":\"arn:aws:iam::{Account}:policy/org-boundary\"");
        Assert.Equal(Outcome.Fail, For(Run(unread, launch), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenTheBoundaryAllowsPassRoleOnlyOnAppRoles_ShouldPassAndOnEveryRoleShouldFail()
    {
        var launch = Inline("deployer", "launch", Document(Allow("""["iam:PassRole","ec2:RunInstances"]""")));
        var bounded = DeployerRole($",\"permissionsBoundary\":\"arn:aws:iam::{Account}:policy/workload-boundary\"");
        var narrow = Customer("workload-boundary", Document(Allow("\"ec2:*\""), Allow("\"iam:PassRole\"", $"\"arn:aws:iam::{Account}:role/app-*\"")));
        Assert.Equal(Outcome.Pass, For(Run(bounded, narrow, launch), "deployer").Outcome);

        var wide = Customer("workload-boundary", Document(Allow("\"ec2:*\""), Allow("\"iam:PassRole\"", $"\"arn:aws:iam::{Account}:role/*\"")));
        Assert.Contains("[passrole-ec2]", Assert.Single(For(Run(bounded, wide, launch), "deployer").Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenTheBoundaryPassesRolesOnlyToEcsOrDeniesPassRole_ShouldCloseThePaths()
    {
        var grants = Inline("deployer", "deploy", Document(Allow("""["iam:PassRole","lambda:*","ecs:*"]""")));
        var bounded = DeployerRole($",\"permissionsBoundary\":\"arn:aws:iam::{Account}:policy/workload-boundary\"");

        var ecsOnly = Customer("workload-boundary", Document(Allow("""["lambda:*","ecs:*"]"""), AllowWhen("\"iam:PassRole\"", PassedTo("StringEquals", "\"ecs-tasks.amazonaws.com\""))));
        var message = Assert.Single(For(Run(bounded, ecsOnly, grants), "deployer").Messages);
        Assert.Contains("[passrole-ecs]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("[passrole-lambda]", message, StringComparison.Ordinal);

        // A Deny in the boundary removes the action like one in an identity policy.
        var denying = Customer("workload-boundary", Document(Allow("\"*\""), Deny("\"iam:PassRole\"")));
        Assert.Equal(Outcome.Pass, For(Run(bounded, denying, grants), "deployer").Outcome);
    }

    [Fact]
    public void User_WhenItsGroupOpensAPathButItsBoundaryDoesNotAllowIt_ShouldPassWhileTheGroupFails()
    {
        var user = Fixtures.Resource(User, $$"""{"name":"bob","arn":"arn:aws:iam::{{Account}}:user/bob","permissionsBoundary":"arn:aws:iam::{{Account}}:policy/dev-boundary"}""", "bob");
        var boundary = Customer("dev-boundary", Document(Allow("""["lambda:*","s3:*","logs:*"]""")));
        var group = Fixtures.Resource(Group, $$"""{"name":"deployers","arn":"arn:aws:iam::{{Account}}:group/deployers","path":"/"}""", "deployers");
        var membership = Fixtures.Resource(GroupMembership, """{"name":"deployers-members","group":"deployers","users":["bob"]}""", "deployers-members");
        var groupPolicy = Fixtures.Resource(GroupPolicy, $$"""{"name":"deploy","group":"deployers","policy":{{Document(Allow("""["iam:PassRole","lambda:CreateFunction","lambda:InvokeFunction"]"""))}}}""", "deploy");

        var evaluations = Run(user, boundary, group, membership, groupPolicy);
        Assert.Equal(Outcome.Pass, For(evaluations, "bob").Outcome);
        Assert.Equal(Outcome.Fail, For(evaluations, "deployers").Outcome);
    }
}
