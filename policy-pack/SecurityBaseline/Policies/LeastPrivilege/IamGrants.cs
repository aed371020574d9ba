using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>What an AWS policy statement grants: wildcard actions and resources, and the few actions that open data or identities.</summary>
/// <remarks>Deliberately small lists, not an action catalogue: facts from the AWS Service Authorization Reference.</remarks>
internal static class IamGrants
{
    /// <summary>Actions that read secrets and data, or hand out identities, when allowed on every resource.</summary>
    /// <remarks>
    /// Each supports resource-level permissions, so `Resource: "*"` is a choice, never a necessity: kms:Decrypt (every key's data),
    /// secretsmanager:GetSecretValue and ssm:GetParameter(s/ByPath) (every secret), iam:PassRole (any role to any service: privilege
    /// escalation), sts:AssumeRole (every role that trusts the account), s3:GetObject (every object of every bucket the account reads).
    /// Patterns in a statement (`kms:*`, `s3:Get*`, `iam:Pass*`) are matched against these names.
    /// </remarks>
    public static readonly string[] SensitiveActions =
    [
        "iam:PassRole",
        "sts:AssumeRole",
        "kms:Decrypt",
        "secretsmanager:GetSecretValue",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:GetParametersByPath",
        "s3:GetObject",
    ];

    /// <summary>Services whose actions take no resource ARN at all, so `service:*` on `"*"` is the only way to grant them.</summary>
    /// <remarks>AWS Support and the Price List API list no resource types in the Service Authorization Reference.</remarks>
    private static readonly HashSet<string> UnscopedServices = new(["support", "pricing"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Condition-key suffixes that narrow the resources a statement reaches (attribute-based access control).</summary>
    private static readonly string[] ResourceScopingKeys = [":ResourceTag/", "kms:ViaService", "aws:ResourceAccount", "aws:ResourceOrgID"];

    /// <summary>True for `*` and `*:*`: every action of every service.</summary>
    public static bool IsEveryAction(string action) => action.Trim() is "*" or "*:*";

    /// <summary>The service of a `service:*` pattern (every action of one service), or null.</summary>
    public static string? WholeService(string action)
    {
        var parts = action.Trim().Split(':', 2);
        return parts.Length == 2 && parts[1] == "*" && parts[0] != "*" && !UnscopedServices.Contains(parts[0]) ? parts[0] : null;
    }

    /// <summary>True for a resource entry that reaches every resource: `*` or an ARN whose service and resource are wildcards.</summary>
    public static bool IsEveryResource(string resource)
    {
        if (IsWildcardOnly(resource))
        {
            return true;
        }

        var arn = resource.Split(':', 6);
        return arn.Length == 6 && arn[0] == "arn" && IsWildcardOnly(arn[2]) && IsWildcardOnly(arn[5]);
    }

    /// <summary>The sensitive actions that an action pattern of the statement grants.</summary>
    public static IEnumerable<string> SensitiveGrantedBy(string pattern) => SensitiveActions.Where(action => Matches(pattern, action));

    /// <summary>True when a Condition test with a positive operator narrows the resources by tag, account or calling service.</summary>
    public static bool ScopesResources(ConditionTest test)
    {
        var op = test.Operator.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase) ? test.Operator["ForAnyValue:".Length..] : test.Operator;
        var positive = op is "StringEquals" or "StringEqualsIgnoreCase" or "StringLike" or "ArnEquals" or "ArnLike";
        return positive
               && ResourceScopingKeys.Any(key => test.Key.Contains(key, StringComparison.OrdinalIgnoreCase))
               && test.Values is { Count: > 0 } values
               && values.All(value => value.Length > 0 && !IsWildcardOnly(value) && !value.Contains("${", StringComparison.Ordinal));
    }

    /// <summary>IAM's wildcard match: `*` any run of characters, `?` one character, case-insensitive (action names are).</summary>
    public static bool Matches(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    public static bool IsWildcardOnly(string value) => value.Trim().All(c => c is '*' or '?');

    /// <summary>The statement's label for messages; a secret document's Sid is content, so only its position is named.</summary>
    public static string Label(PolicyStatement statement, bool secret) => secret ? $"statement {statement.Index}" : statement.Label;

    /// <summary>Actions for a message, or nothing when the document is secret.</summary>
    public static string Quote(IEnumerable<string> actions, bool secret) => secret ? "[secret] actions" : string.Join(", ", actions.Select(a => $"\"{a}\""));
}
