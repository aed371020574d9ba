using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AccessManagement;

/// <summary>§2: the stack creates no IAM user access keys or console passwords; people sign in through the identity service, workloads use roles.</summary>
public sealed class IamUserNoLongLivedCredentials : ResourcePolicy
{
    private const string AccessKey = "aws:iam/accessKey:AccessKey";
    private const string LoginProfile = "aws:iam/userLoginProfile:UserLoginProfile";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.IamUserNoLongLivedCredentials,
        Title = "No IAM user access keys or console passwords",
        Description = "The stack must not create access keys or console login profiles for IAM users: long-lived credentials are shared, leaked and never reviewed.",
        Message = "The stack creates a long-lived credential for an IAM user.",
        Control = "§2",
        Severity = Severity.High,
        ResourceTypes = [AccessKey, LoginProfile],
        Help = "Remove the resource: people sign in through IAM Identity Center (or the company's identity provider) and workloads assume IAM roles (instance profiles, IRSA, OIDC federation for CI).",
        AbsentMeans = "The resource's presence is the violation, whatever its properties say; an inactive key (`status: \"Inactive\"`) is still a long-lived credential kept in state.",
        Tags = ["iam", "credentials", "access-management"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context) =>
        context.Report(context.Resource.Type == AccessKey
            ? "The stack creates an access key for an IAM user (its secret lands in the state): use an IAM role instead. Fix: remove the aws.iam.AccessKey."
            : "The stack creates a console password for an IAM user: people sign in through the identity service. Fix: remove the aws.iam.UserLoginProfile.");
}
