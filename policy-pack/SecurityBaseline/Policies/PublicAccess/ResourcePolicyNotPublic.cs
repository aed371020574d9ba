using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: queue, topic, repository and function resource policies never grant everyone without a limiting condition.</summary>
public sealed class ResourcePolicyNotPublic : ResourcePolicy
{
    private const string LambdaPermission = "aws:lambda/permission:Permission";

    /// <summary>The inputs that scope a Lambda permission to one source, account or organisation.</summary>
    private static readonly string[] LambdaScopes = ["sourceArn", "sourceAccount", "principalOrgId"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ResourcePolicyNotPublic,
        Title = "Queue, topic, repository and function policies never allow everyone",
        Description = "SQS queue, SNS topic and ECR repository policies must not have an Allow statement for Principal \"*\" (or {\"AWS\": \"*\"}, or a NotPrincipal) unless a Condition really narrows the caller; Lambda permissions for principal \"*\" must name a sourceArn, sourceAccount or principalOrgId.",
        Message = "A resource policy lets anyone use the queue, topic, repository or function.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes =
        [
            "aws:sqs/queuePolicy:QueuePolicy",
            "aws:sqs/queue:Queue",
            "aws:sns/topicPolicy:TopicPolicy",
            "aws:sns/topic:Topic",
            "aws:ecr/repositoryPolicy:RepositoryPolicy",
            LambdaPermission,
        ],
        Help = "In `policy`, name the principals (account, role or service ARNs) in every Allow statement, or limit a `\"*\"` principal with a Condition such as `StringEquals` on `aws:SourceAccount` / `aws:PrincipalOrgID` or `ArnEquals` on `aws:SourceArn` (the SNS topic that feeds a queue). On a Lambda permission set `principal` to the service or account, and set `sourceArn` or `sourceAccount` (or `principalOrgId`).",
        AbsentMeans = "`policy` absent means the queue, topic or repository has no resource policy beyond the account owner's access: compliant. " +
                      "A Condition counts only when its operator and values narrow the caller: `Not…` operators, `…IfExists`, `ForAllValues:`, `aws:SourceIp` ranges that add up to the whole internet, wildcard-only or wildcard-account values and `aws:SecureTransport` leave the grant public. " +
                      "A Lambda permission for principal \"*\" without `sourceArn`, `sourceAccount` and `principalOrgId` lets any account invoke the function.",
        Tags = ["sqs", "sns", "ecr", "lambda", "public-access", "resource-policy"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        if (context.Resource.Type == LambdaPermission)
        {
            JudgePermission(context);
            return;
        }

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
            context.Report($"policy {label} allows{actions} to Principal \"*\" {statement.DescribeConditions(secret)}: any AWS account, or anyone at all, gets that access.");
        }
    }

    private static void JudgePermission(ResourceContext context)
    {
        if (context.Properties.GetString("principal") != "*")
        {
            return;
        }

        // One known scope settles it; an unknown one decides only when no other scope is set.
        string? unknown = null;
        foreach (var scope in LambdaScopes)
        {
            var value = context.Properties.Find(scope);
            if (value is { IsUnknown: true })
            {
                unknown ??= scope;
            }
            else if (value is not null && (value.Kind != ValueKind.String || value.StringValue!.Length > 0))
            {
                return;
            }
        }

        if (unknown is not null)
        {
            throw new UnknownValueException(unknown);
        }

        context.Report($"principal is \"*\" and none of sourceArn, sourceAccount, principalOrgId is set: any AWS account (or, for a function URL, anyone) may perform {context.Properties.Show("action")} on function {context.Properties.Show("function")}.");
    }
}
