using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>§8: identity policies grant named actions on named resources, never administrator-like wildcards.</summary>
public sealed class IamPolicyLeastPrivilege : ResourcePolicy
{
    private const string Role = "aws:iam/role:Role";
    private const string PermissionSetInlinePolicy = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.IamPolicyLeastPrivilege,
        Title = "IAM policies grant named actions on named resources",
        Description = "An Allow statement of an IAM identity policy must not grant Action \"*\", a whole service (`service:*`) on Resource \"*\", everything but a few actions (`NotAction`) on every resource, every resource but a few (`NotResource`), or an action that opens secrets, data or identities (kms:Decrypt, secretsmanager:GetSecretValue, ssm:GetParameter*, s3:GetObject, iam:PassRole, sts:AssumeRole) on Resource \"*\".",
        Message = "An IAM policy grants more than the job needs: wildcard actions, every resource, or secrets and roles of the whole account.",
        Control = "§8",
        Severity = Severity.High,
        ResourceTypes =
        [
            "aws:iam/policy:Policy",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/userPolicy:UserPolicy",
            "aws:iam/groupPolicy:GroupPolicy",
            Role,
            PermissionSetInlinePolicy,
        ],
        Help = "List the actions the workload calls (`s3:GetObject`, `sqs:SendMessage`) instead of `*` or `service:*`, and the ARNs it calls them on instead of `\"*\"` (`arn:aws:s3:::acme-uploads/*`, the key's or secret's ARN, the role passed to the service). " +
               "Replace `NotAction`/`NotResource` Allow statements with explicit lists. Where a resource cannot be named in advance, scope `\"*\"` with a Condition on `aws:ResourceTag/…`, `kms:ViaService` or `aws:ResourceAccount`. " +
               "Administrator access belongs to an SSO permission set with AWS's managed `AdministratorAccess`, granted to few people, not to workload roles.",
        AbsentMeans = "`policy` (`inlinePolicy`, `inlinePolicies[].policy`) absent or empty grants nothing: compliant. Deny statements are not judged. " +
                      "An unknown Resource entry (an ARN computed during preview) is never read as \"*\": that statement is not applicable with the entry's path until the value is known, unless another entry already is \"*\". " +
                      "`service:*` on \"*\" is accepted for AWS Support (`support:*`) and the Price List API (`pricing:*`), whose actions take no resource ARN. " +
                      "A Condition on `aws:ResourceTag/…`, `<service>:ResourceTag/…`, `kms:ViaService`, `aws:ResourceAccount` or `aws:ResourceOrgID` with StringEquals/StringLike/ArnEquals/ArnLike and concrete values scopes a `service:*` or sensitive action on \"*\"; it does not excuse Action \"*\", `NotAction` or `NotResource`.",
        Tags = ["iam", "least-privilege", "identity-policy"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        context.Each(DocumentPaths(context), path => Judge(context, path));
    }

    private static IEnumerable<string> DocumentPaths(ResourceContext context) => context.Resource.Type switch
    {
        Role => context.Properties.ItemPaths("inlinePolicies").Select(item => $"{item}.policy"),
        PermissionSetInlinePolicy => ["inlinePolicy"],
        _ => ["policy"],
    };

    private static void Judge(ResourceContext context, string path)
    {
        var secret = IsSecret(context.Properties, path);
        context.Each(AccessPolicyDocument.Statements(context.Properties, path).Where(s => s.Allows), statement =>
        {
            var problems = Problems(statement, secret);
            if (problems.Count > 0)
            {
                context.Report($"{path} {IamGrants.Label(statement, secret)} allows {string.Join("; ", problems)}: whoever holds the policy can do far more than the job needs.");
            }
        });
    }

    /// <summary>What the Allow statement grants beyond least privilege; throws when that depends on an unknown Resource entry.</summary>
    private static List<string> Problems(PolicyStatement statement, bool secret)
    {
        var problems = new List<string>();
        if (statement.Actions.Any(IamGrants.IsEveryAction))
        {
            problems.Add("Action \"*\" (every action of every service)");
        }

        if (statement.HasNotResource)
        {
            problems.Add("its actions on every resource except those NotResource lists");
        }

        var everyResource = statement.Resources.Any(IamGrants.IsEveryResource);
        if (statement.UnknownResource is { } unknown && !everyResource)
        {
            // The rest depends on what the computed entry turns out to be: judged when it is known.
            return problems.Count > 0 ? problems : throw new UnknownValueException(unknown);
        }

        if (statement.HasNotAction && (everyResource || statement.Resources.Count == 0))
        {
            problems.Add($"every action except {IamGrants.Quote(statement.NotActions, secret)} (NotAction) on every resource");
        }

        if (everyResource && !statement.ConditionTests.Any(IamGrants.ScopesResources))
        {
            var services = statement.Actions.Where(a => IamGrants.WholeService(a) is not null).ToArray();
            if (services.Length > 0)
            {
                problems.Add($"every action of a service ({IamGrants.Quote(services, secret)}) on Resource \"*\"");
            }

            var sensitive = statement.Actions.Where(a => !IamGrants.IsEveryAction(a)).SelectMany(IamGrants.SensitiveGrantedBy).Distinct(StringComparer.Ordinal).ToArray();
            if (sensitive.Length > 0)
            {
                problems.Add($"{(secret ? "an action that opens secrets, data or roles" : string.Join(", ", sensitive))} on Resource \"*\" (every key, secret, object or role of the account)");
            }
        }

        return problems;
    }

    /// <summary>True when the document, or the list that holds it, is a secret: then its Sids and actions are content not to print.</summary>
    private static bool IsSecret(PropertyValue properties, string path)
    {
        var top = path.Split('.', '[')[0];
        return properties.Find(top)?.IsSecret == true || properties.Find(path)?.IsSecret == true;
    }
}
