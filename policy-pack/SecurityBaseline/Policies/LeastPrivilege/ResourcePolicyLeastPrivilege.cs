using System.Text.RegularExpressions;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8: queue, topic and repository policies grant other accounts named actions, never every action.</summary>
/// <remarks>Who may call (Principal "*" without a narrowing condition) is `resource-policy-not-public`'s concern; this one judges what is granted.</remarks>
public sealed partial class ResourcePolicyLeastPrivilege : ResourcePolicy
{
    private const string QueuePolicy = "aws:sqs/queuePolicy:QueuePolicy";
    private const string TopicPolicy = "aws:sns/topicPolicy:TopicPolicy";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ResourcePolicyLeastPrivilege,
        Title = "Queue, topic and repository policies grant other accounts named actions",
        Description = "An Allow statement of an SQS queue, SNS topic or ECR repository policy must not grant every action (`*`, `service:*` or `NotAction`) to Principal \"*\" or to a principal of another AWS account, even behind a Condition.",
        Message = "A resource policy lets another account (or everyone) do everything with the queue, topic or repository, including change its policy or delete it.",
        Control = "§8",
        Severity = Severity.High,
        ResourceTypes =
        [
            QueuePolicy,
            "aws:sqs/queue:Queue",
            TopicPolicy,
            "aws:sns/topic:Topic",
            "aws:ecr/repositoryPolicy:RepositoryPolicy",
        ],
        Help = "Grant the actions the other party calls: `sqs:SendMessage` for a producer, `sns:Publish` or `sns:Subscribe`, `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` for a puller. Never hand another account `sqs:SetQueueAttributes`, `sns:AddPermission`, `ecr:SetRepositoryPolicy` or delete rights through `*`.",
        AbsentMeans = "`policy` absent means only the owning account's IAM policies grant access: compliant. Deny statements are not judged. " +
                      "The owning account is read from the statements' Resource ARNs, else from `queueUrl` (queue policy) or `arn` (topic policy); when none names it, every account principal counts as another account. " +
                      "Service principals are not judged. Principal \"*\" counts even with a narrowing Condition (an organisation is many accounts); `resource-policy-not-public` judges such a grant without one.",
        Tags = ["sqs", "sns", "ecr", "least-privilege", "resource-policy"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var statements = AccessPolicyDocument.Statements(context.Properties, "policy");
        var secret = context.Resource["policy"]?.IsSecret == true;
        var owner = new Lazy<string?>(() => OwnerAccount(context, statements));
        context.Each(statements.Where(s => s.Allows && GrantsEverything(s)), statement =>
        {
            var strangers = statement.IsForEveryone
                ? ["Principal \"*\""]
                : statement.AwsPrincipals.Where(p => AccountOf(p) is not { } account || account != owner.Value).Select(p => $"principal {p}").ToArray();
            if (strangers.Length == 0)
            {
                return;
            }

            var actions = statement.HasNotAction ? "every action but those NotAction lists" : IamGrants.Quote(statement.Actions.Where(IsWildcard), secret);
            var whom = secret ? "another account or everyone" : string.Join(", ", strangers);
            context.Report($"policy {IamGrants.Label(statement, secret)} allows {actions} to {whom}: they may also change the policy, read or purge everything, or delete the resource.");
        });
    }

    private static bool IsWildcard(string action) => IamGrants.IsEveryAction(action) || IamGrants.WholeService(action) is not null;

    private static bool GrantsEverything(PolicyStatement statement) => statement.HasNotAction || statement.Actions.Any(IsWildcard);

    /// <summary>The 12-digit account of an account id or ARN principal; null when the principal names no account.</summary>
    private static string? AccountOf(string principal)
    {
        if (AccountId().IsMatch(principal))
        {
            return principal;
        }

        var arn = principal.Split(':', 6);
        return arn.Length == 6 && arn[0] == "arn" && AccountId().IsMatch(arn[4]) ? arn[4] : null;
    }

    /// <summary>The account that owns the resource, from the documents' Resource ARNs or the resource's own URL or ARN.</summary>
    private static string? OwnerAccount(ResourceContext context, IReadOnlyList<PolicyStatement> statements)
    {
        if (statements.SelectMany(s => s.Resources).Select(AccountOf).FirstOrDefault(a => a is not null) is { } fromResource)
        {
            return fromResource;
        }

        return context.Resource.Type switch
        {
            // https://sqs.<region>.amazonaws.com/<account>/<queue>
            QueuePolicy => context.Properties.GetString("queueUrl")?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, _, var account, _] && AccountId().IsMatch(account) ? account : null,
            TopicPolicy => context.Properties.GetString("arn") is { } arn ? AccountOf(arn) : null,
            _ => null,
        };
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
