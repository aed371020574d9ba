namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>What a statement's Condition says about one request of an escalation path, as far as the pack can tell.</summary>
public enum ConditionOutcome
{
    /// <summary>Every test surely holds for the request (or there is no Condition).</summary>
    Holds,

    /// <summary>A test surely fails: the statement does not apply to the request.</summary>
    Fails,

    /// <summary>The pack cannot tell: a key it does not model (the caller's MFA, source IP, tags, time) or an operator it does not evaluate.</summary>
    Undecided,

    /// <summary>A value the Condition compares is unknown during preview.</summary>
    Unknown,
}

/// <summary>
/// Evaluates the one condition key that decides an escalation path by itself: `iam:PassedToService` on iam:PassRole, which names
/// the service the role may be passed to. Every other key narrows who calls, from where or when; an insider who holds the grant can
/// meet those (sign in with MFA, call from the office network), so they never remove a path and never make a Deny certain.
/// </summary>
/// <remarks>
/// IAM's rules (AWS IAM User Guide, "IAM JSON policy elements: Condition operators"): a key absent from the request makes a test false,
/// except negated operators (`StringNotEquals`, `StringNotLike`), which are true, `…IfExists`, which is true, and `Null`, which tests
/// presence. iam:PassedToService is present only in iam:PassRole requests ("IAM and AWS STS condition context keys").
/// </remarks>
internal static class RequestConditions
{
    public const string PassedToServiceKey = "iam:PassedToService";

    /// <summary>The outcome for <paramref name="action"/> when the path passes a role to one of <paramref name="services"/> (empty: no PassRole in the path).</summary>
    public static (ConditionOutcome Outcome, string? Test) Evaluate(PolicyStatement statement, string action, IReadOnlyList<string> services)
    {
        if (!statement.HasCondition)
        {
            return (ConditionOutcome.Holds, null);
        }

        if (statement.ConditionTests.Count == 0)
        {
            return (ConditionOutcome.Undecided, null);
        }

        var outcomes = statement.ConditionTests.Select(test => (Outcome: Evaluate(test, action, services), Test: $"Condition.{test.Operator}.{test.Key}")).ToArray();
        foreach (var wanted in new[] { ConditionOutcome.Fails, ConditionOutcome.Unknown, ConditionOutcome.Undecided })
        {
            if (outcomes.FirstOrDefault(o => o.Outcome == wanted) is { Test: not null } found)
            {
                return found;
            }
        }

        return (ConditionOutcome.Holds, null);
    }

    private static ConditionOutcome Evaluate(ConditionTest test, string action, IReadOnlyList<string> services)
    {
        if (!string.Equals(test.Key, PassedToServiceKey, StringComparison.OrdinalIgnoreCase))
        {
            return ConditionOutcome.Undecided;
        }

        if (test.Values is not { } values)
        {
            return ConditionOutcome.Unknown;
        }

        var passRole = string.Equals(action, "iam:PassRole", StringComparison.OrdinalIgnoreCase);
        if (passRole && services.Count == 0)
        {
            return ConditionOutcome.Undecided;
        }

        // The request carries one of the candidate values (the service principal differs by partition); a Deny must hold for each.
        var results = (passRole ? services.Select(s => (string?)s) : [null]).Select(value => Matches(test.Operator, values, value)).ToArray();
        return results.All(r => r == true) ? ConditionOutcome.Holds
            : results.All(r => r == false) ? ConditionOutcome.Fails
            : ConditionOutcome.Undecided;
    }

    /// <summary>One operator against the request's value (null when the key is absent); null when the pack does not evaluate the operator or a value holds a policy variable.</summary>
    internal static bool? Matches(string condition, IReadOnlyList<string> values, string? value)
    {
        var op = condition;
        var forAll = false;
        if (op.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            op = op["ForAnyValue:".Length..];
        }
        else if (op.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            // ForAllValues is true for an absent key; on a present single-valued key it is the plain test.
            op = op["ForAllValues:".Length..];
            forAll = true;
        }

        if (op == "Null")
        {
            return values is [var flag] && bool.TryParse(flag, out var absent) ? (value is null) == absent : null;
        }

        var ifExists = op.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
        {
            op = op[..^"IfExists".Length];
        }

        var negated = op.Contains("Not", StringComparison.Ordinal);
        if (value is null)
        {
            return ifExists || forAll || negated;
        }

        if (values.Any(v => v.Contains("${", StringComparison.Ordinal)))
        {
            return null;
        }

        bool? matched = op switch
        {
            "StringEquals" or "StringNotEquals" => values.Any(v => string.Equals(v, value, StringComparison.Ordinal)),
            "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)),
            "StringLike" or "StringNotLike" => values.Any(v => Wildcard.Matches(v, value, StringComparison.Ordinal)),
            _ => null,
        };
        return matched is { } m ? m != negated : null;
    }
}
