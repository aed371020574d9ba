using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Keys;

/// <summary>§7: a KMS key policy never grants the key to everyone without a condition.</summary>
public sealed class KmsKeyPolicyNotPublic : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.KmsKeyPolicyNotPublic,
        Title = "KMS key policies are not open to everyone",
        Description = "KMS key policies must not allow Principal \"*\" (or {\"AWS\": \"*\"}) without a Condition that narrows who can use the key.",
        Message = "The KMS key policy lets anyone use or manage the key.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
        Help = "In `policy`, replace `\"Principal\": \"*\"` / `{\"AWS\": \"*\"}` in Allow statements with the ARNs of the stack's own roles or account root, or add a `Condition` (for example `kms:CallerAccount` or `aws:PrincipalOrgID`) that limits the callers to the company's accounts.",
        AbsentMeans = "`policy` absent on `aws:kms/key:Key` means the AWS default key policy, which grants only the account root: compliant. A Condition counts only when its operator and values narrow the caller (`StringEquals` on kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount; `ArnEquals`/`ArnLike` on aws:PrincipalArn with an account; `IpAddress` on aws:SourceIp short of the whole internet); `Not…` operators, `…IfExists`, wildcard-only values or `aws:SecureTransport` leave the key open.",
        Tags = ["kms", "key-policy", "least-privilege"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var secret = context.Resource["policy"]?.IsSecret == true;
        foreach (var statement in AccessPolicyDocument.Statements(context.Properties, "policy"))
        {
            if (statement.Allows && statement.IsForEveryone && !statement.RestrictsCaller)
            {
                // A secret document's Sid and actions are its content; name the statement by position only.
                var label = secret ? $"statement {statement.Index}" : statement.Label;
                var actions = secret || statement.Actions.Count == 0 ? "its actions" : string.Join(", ", statement.Actions);
                context.Report($"policy {label} allows Principal \"*\" {statement.DescribeConditions(secret)}: anyone may perform {actions} on the key.");
            }
        }
    }
}
