using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Testing;

/// <summary>One-line assertions on verdicts; a failure says what the policy decided instead, never a property's value.</summary>
public static class VerdictAssertions
{
    /// <summary>Asserts the policy passed the resource.</summary>
    public static Evaluation ShouldPass(this Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Outcome == Outcome.Pass ? evaluation : throw Unexpected(evaluation, "pass");
    }

    /// <summary>Asserts the policy failed the resource, with a message containing <paramref name="messageContains"/> when given.</summary>
    public static Evaluation ShouldFail(this Evaluation evaluation, string? messageContains = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Outcome != Outcome.Fail)
        {
            throw Unexpected(evaluation, "fail");
        }

        if (messageContains is not null && !evaluation.Messages.Any(m => m.Contains(messageContains, StringComparison.Ordinal)))
        {
            throw new PolicyAssertionException(
                $"{evaluation.Policy.Id} failed {evaluation.Resource.Name}, but no message contains \"{messageContains}\": {string.Join(" | ", evaluation.Messages)}");
        }

        return evaluation;
    }

    /// <summary>Asserts the policy could not judge the resource (unknown values, not its case), with a reason containing <paramref name="reasonContains"/> when given.</summary>
    public static Evaluation ShouldBeNotApplicable(this Evaluation evaluation, string? reasonContains = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Outcome != Outcome.NotApplicable)
        {
            throw Unexpected(evaluation, "be not applicable");
        }

        if (reasonContains is not null && !(evaluation.Reason ?? string.Empty).Contains(reasonContains, StringComparison.Ordinal))
        {
            throw new PolicyAssertionException($"{evaluation.Policy.Id} did not apply to {evaluation.Resource.Name}, but its reason does not contain \"{reasonContains}\": {evaluation.Reason}");
        }

        return evaluation;
    }

    /// <summary>Asserts no finding of the result blocks a deployment (advisory ones are allowed).</summary>
    public static AnalysisResult ShouldNotBlock(this AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var blocking = result.Findings.Where(f => f.Blocks).ToArray();
        return blocking.Length == 0
            ? result
            : throw new PolicyAssertionException($"{blocking.Length} blocking finding(s):{Environment.NewLine}{Describe(blocking)}");
    }

    /// <summary>Asserts the result has no finding at all, advisory included.</summary>
    public static AnalysisResult ShouldHaveNoFinding(this AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Findings.Count == 0
            ? result
            : throw new PolicyAssertionException($"{result.Findings.Count} finding(s):{Environment.NewLine}{Describe(result.Findings)}");
    }

    /// <summary>Asserts <paramref name="policyId"/> found a violation on the resource named <paramref name="resourceName"/>; returns that finding.</summary>
    public static Finding ShouldHaveFinding(this AnalysisResult result, string policyId, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Findings.FirstOrDefault(f => f.Policy.Id == policyId && f.Resource.Name == resourceName)
            ?? throw new PolicyAssertionException(
                $"no finding of {policyId} on {resourceName}; the findings are:{Environment.NewLine}{(result.Findings.Count == 0 ? "(none)" : Describe(result.Findings))}");
    }

    /// <summary>Findings as readable lines: policy, level, resource, message.</summary>
    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join(Environment.NewLine, findings.Select(f => $"  {f.Policy.Id} ({f.Level.Name()}) {f.Resource.Type} {f.Resource.Name}: {f.Message}"));

    private static PolicyAssertionException Unexpected(Evaluation evaluation, string expected)
    {
        var actual = evaluation.Outcome switch
        {
            Outcome.Pass => "passed it",
            Outcome.Fail => $"failed it: {string.Join(" | ", evaluation.Messages)}",
            _ => $"did not apply: {evaluation.Reason}",
        };
        return new PolicyAssertionException($"{evaluation.Policy.Id} should {expected} {evaluation.Resource.Type} {evaluation.Resource.Name}, but {actual}");
    }
}
