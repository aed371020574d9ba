namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>AWS managed policies the stack may attach by ARN, with what they grant (the statements that matter to escalation).</summary>
/// <remarks>
/// AWS owns their documents, so the stack never declares them; this small table (docs/iam-action-catalogue.md) states what they grant,
/// read from AWS's published policy documents. A managed policy not listed is not read: it grants nothing here.
/// </remarks>
public static class AwsManagedPolicies
{
    private static readonly Dictionary<string, PolicyStatement[]> Documents = new(StringComparer.Ordinal)
    {
        // Every action on every resource.
        ["AdministratorAccess"] = [Allow(0, "*")],

        // Every IAM action (and Organizations reads, which grant nothing here).
        ["IAMFullAccess"] = [Allow(0, "iam:*"), Allow(1, "organizations:Describe*", "organizations:List*")],

        // Everything but IAM, Organizations and Account; a few IAM role actions besides. No iam:PassRole, so no PassRole path.
        ["PowerUserAccess"] =
        [
            new PolicyStatement(0, null, "Allow", [], false, []) { NotActions = ["iam:*", "organizations:*", "account:*"], Resources = ["*"] },
            Allow(1, "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization", "account:ListRegions", "account:GetAccountInformation"),
        ],

        // Every Lambda action, and iam:PassRole on any role but only to Lambda (`StringEquals` `iam:PassedToService` `lambda.amazonaws.com`):
        // with lambda:* that is the Lambda path; it completes no other PassRole path.
        ["AWSLambda_FullAccess"] =
        [
            Allow(0, "lambda:*"),
            new PolicyStatement(1, "PassRoleToLambda", "Allow", [], true, ["iam:PassRole"])
            {
                Resources = ["*"],
                ConditionKeys = [RequestConditions.PassedToServiceKey],
                ConditionTests = [new ConditionTest("StringEquals", RequestConditions.PassedToServiceKey, false) { Values = ["lambda.amazonaws.com"] }],
            },
        ],
    };

    /// <summary>The names the table knows, for the docs.</summary>
    public static IEnumerable<string> Names => Documents.Keys;

    /// <summary>The statements of the AWS managed policy <paramref name="arn"/> (`arn:aws:iam::aws:policy/…`, any partition), or null when it is not one the table knows.</summary>
    public static IReadOnlyList<PolicyStatement>? Statements(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || parts[4] != "aws" || !parts[5].StartsWith("policy/", StringComparison.Ordinal))
        {
            return null;
        }

        return Documents.GetValueOrDefault(parts[5][(parts[5].LastIndexOf('/') + 1)..]);
    }

    /// <summary>The policy's name from its ARN, for messages.</summary>
    public static string Name(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    private static PolicyStatement Allow(int index, params string[] actions) =>
        new(index, null, "Allow", [], false, actions) { Resources = ["*"] };
}
