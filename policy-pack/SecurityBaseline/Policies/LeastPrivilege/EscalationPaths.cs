namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>Which resources a step's action must reach for the path to work.</summary>
public enum TargetScope
{
    /// <summary>Any resource: the action itself is the capability (lambda:CreateFunction).</summary>
    Any,

    /// <summary>Every resource of a kind, or an unnamed one (`*`, `role/*`): PassRole to any role, UpdateAssumeRolePolicy on any role.</summary>
    Broad,

    /// <summary>The principal itself (PutRolePolicy on its own role).</summary>
    Self,

    /// <summary>A group the user belongs to.</summary>
    OwnGroups,

    /// <summary>A customer policy attached to the principal, or any policy.</summary>
    AttachedPolicies,

    /// <summary>A user other than the principal.</summary>
    OtherUsers,
}

/// <summary>One action a path needs and the resources it must reach; <paramref name="Kind"/> is the IAM resource kind (`role`, `user`, …).</summary>
public sealed record EscalationStep(string Action, TargetScope Scope, string Kind = "role");

/// <summary>A published privilege-escalation path: every step (each a choice of alternatives) granted together lets the principal raise its rights.</summary>
/// <param name="Id">Stable id reports print (`passrole-lambda`).</param>
/// <param name="Title">What the principal can do, for messages.</param>
/// <param name="Kinds">The principal kinds the path applies to.</param>
/// <param name="Steps">All of these, each one of its alternatives.</param>
public sealed record EscalationPath(string Id, string Title, IReadOnlyList<string> Kinds, IReadOnlyList<IReadOnlyList<EscalationStep>> Steps)
{
    /// <summary>
    /// The service principal the path passes a role to (the value of `iam:PassedToService` in the iam:PassRole request), or null
    /// for paths without iam:PassRole. A PassRole grant whose condition admits only other services does not complete this path.
    /// </summary>
    public string? PassedTo { get; init; }

    private static readonly string[] Everyone = ["role", "user", "group"];

    private static EscalationStep PassRole => new("iam:PassRole", TargetScope.Broad, "role");

    private static EscalationStep[] Any(params string[] actions) => actions.Select(a => new EscalationStep(a, TargetScope.Any)).ToArray();

    private static EscalationPath PassRoleTo(string id, string title, string service, params EscalationStep[][] steps) =>
        new(id, $"passing any role to {title}, which then runs code with that role's rights", Everyone, [[PassRole], .. steps]) { PassedTo = service };

    /// <summary>The families of published escalation paths (Rhino Security Labs' list and its successors), as the pack checks them.</summary>
    public static IReadOnlyList<EscalationPath> All { get; } =
    [
        new("policy-version-edit", "writing a new default version of a customer policy attached to itself (or any policy)", Everyone,
            [[new("iam:CreatePolicyVersion", TargetScope.AttachedPolicies, "policy")]]),
        new("policy-default-version", "switching the default version of a customer policy attached to itself (or any policy) to a broader one", Everyone,
            [[new("iam:SetDefaultPolicyVersion", TargetScope.AttachedPolicies, "policy")]]),
        new("self-inline-policy", "writing an inline policy into itself", ["role"], [[new("iam:PutRolePolicy", TargetScope.Self, "role")]]),
        new("self-inline-policy", "writing an inline policy into itself or its group", ["user"],
            [[new("iam:PutUserPolicy", TargetScope.Self, "user"), new("iam:PutGroupPolicy", TargetScope.OwnGroups, "group")]]),
        new("self-inline-policy", "writing an inline policy into itself", ["group"], [[new("iam:PutGroupPolicy", TargetScope.Self, "group")]]),
        new("self-attach-policy", "attaching any policy (AdministratorAccess) to itself", ["role"], [[new("iam:AttachRolePolicy", TargetScope.Self, "role")]]),
        new("self-attach-policy", "attaching any policy (AdministratorAccess) to itself or its group", ["user"],
            [[new("iam:AttachUserPolicy", TargetScope.Self, "user"), new("iam:AttachGroupPolicy", TargetScope.OwnGroups, "group")]]),
        new("self-attach-policy", "attaching any policy (AdministratorAccess) to itself", ["group"], [[new("iam:AttachGroupPolicy", TargetScope.Self, "group")]]),
        PassRoleTo("passrole-lambda", "a new Lambda function it invokes or triggers", "lambda.amazonaws.com", Any("lambda:CreateFunction"), Any("lambda:InvokeFunction", "lambda:CreateEventSourceMapping")),
        PassRoleTo("passrole-ec2", "a new EC2 instance", "ec2.amazonaws.com", Any("ec2:RunInstances")),
        PassRoleTo("passrole-cloudformation", "a new CloudFormation stack", "cloudformation.amazonaws.com", Any("cloudformation:CreateStack")),
        PassRoleTo("passrole-glue-dev-endpoint", "a new Glue development endpoint", "glue.amazonaws.com", Any("glue:CreateDevEndpoint")),
        PassRoleTo("passrole-glue-job", "a new Glue job it starts", "glue.amazonaws.com", Any("glue:CreateJob"), Any("glue:StartJobRun")),
        PassRoleTo("passrole-ecs", "a new ECS task definition it runs", "ecs-tasks.amazonaws.com", Any("ecs:RegisterTaskDefinition"), Any("ecs:RunTask", "ecs:StartTask")),
        PassRoleTo("passrole-sagemaker-notebook", "a new SageMaker notebook instance it opens", "sagemaker.amazonaws.com", Any("sagemaker:CreateNotebookInstance"), Any("sagemaker:CreatePresignedNotebookInstanceUrl")),
        PassRoleTo("passrole-codebuild", "a new CodeBuild project it starts", "codebuild.amazonaws.com", Any("codebuild:CreateProject"), Any("codebuild:StartBuild")),
        new("credentials-for-other-users", "creating access keys or console passwords for other users", Everyone,
            [[new("iam:CreateAccessKey", TargetScope.OtherUsers, "user"), new("iam:CreateLoginProfile", TargetScope.OtherUsers, "user"), new("iam:UpdateLoginProfile", TargetScope.OtherUsers, "user")]]),
        new("trust-policy-edit", "rewriting any role's trust policy and assuming that role", Everyone,
            [[new("iam:UpdateAssumeRolePolicy", TargetScope.Broad, "role")], Any("sts:AssumeRole")]),
        new("group-membership", "adding users (itself) to any group", Everyone, [[new("iam:AddUserToGroup", TargetScope.Broad, "group")]]),
    ];
}
