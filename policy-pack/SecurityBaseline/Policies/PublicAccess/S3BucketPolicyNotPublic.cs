using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: no bucket policy allows everyone (`Principal: "*"`) without a condition.</summary>
public sealed class S3BucketPolicyNotPublic : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3BucketPolicyNotPublic,
        Title = "S3 bucket policies never allow everyone",
        Description = "S3 bucket policies must not have an Allow statement whose principal is \"*\" (or {\"AWS\": \"*\"}, or a NotPrincipal) unless a Condition limits the caller or its network.",
        Message = "The bucket policy allows anyone to access the bucket.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = ["aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
        Help = "In `policy`, name the principals (account, role or service ARNs) in every Allow statement, or scope a `\"*\"` principal with a Condition such as `aws:SourceVpce`, `aws:PrincipalOrgID` or `aws:SourceArn`. Deny statements with `\"*\"` (for example denying `aws:SecureTransport` false) are fine.",
        AbsentMeans = "`policy` absent means the bucket has no bucket policy, so nothing is granted through one: compliant. A Condition counts only when its operator and values narrow the caller or its origin (`StringEquals` on aws:SourceVpc(e), aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, aws:SourceArn; `ArnEquals`/`ArnLike` on aws:PrincipalArn with an account; `IpAddress` on aws:SourceIp short of the whole internet); `Not…` operators, `…IfExists`, `ForAllValues:`, wildcard-only values, `aws:SecureTransport` or a date leave the grant public.",
        Tags = ["s3", "public-access", "bucket-policy"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var secret = context.Resource["policy"]?.IsSecret == true;
        foreach (var statement in AccessPolicyDocument.Statements(context.Properties, "policy"))
        {
            if (!statement.Allows || !statement.IsForEveryone || statement.RestrictsCaller)
            {
                continue;
            }

            // A secret document's Sid and actions are its content; name the statement by position only.
            var label = secret ? $"statement {statement.Index}" : statement.Label;
            var actions = secret || statement.Actions.Count == 0 ? string.Empty : $" {string.Join(", ", statement.Actions)}";
            context.Report($"policy {label} allows{actions} to Principal \"*\" {statement.DescribeConditions(secret)}: anyone, signed in or not, gets that access.");
        }
    }
}
