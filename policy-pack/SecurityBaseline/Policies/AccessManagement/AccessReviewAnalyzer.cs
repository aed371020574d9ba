using System.Globalization;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AccessManagement;

/// <summary>§2: access lists are reviewed at least quarterly; IAM Access Analyzer's unused-access findings are the review's input.</summary>
public sealed class AccessReviewAnalyzer : StackPolicy
{
    private const string AnalyzerType = "aws:accessanalyzer/analyzer:Analyzer";
    private const int QuarterDays = 90;

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AccessReviewAnalyzer,
        Title = "An unused-access analyzer feeds the quarterly access review",
        Description = "An AWS stack must hold an IAM Access Analyzer of type ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS whose unusedAccessAge is at most 90 days, so that access unused for a quarter is listed for review.",
        Message = "No unused-access analyzer reports access left unused for a quarter.",
        Control = "§2",
        Severity = Severity.Medium,

        // The analyzer is usually one per account or organisation, kept in a security stack: a workload stack without one is a hint, not a block.
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = [AnalyzerType],
        Help = "Add an `aws.accessanalyzer.Analyzer` with `type: \"ACCOUNT_UNUSED_ACCESS\"` (or `\"ORGANIZATION_UNUSED_ACCESS\"`) and `configuration: { unusedAccess: { unusedAccessAge: 90 } }`, in this stack or the account's security stack, and review its findings every quarter.",
        AbsentMeans = "`type` absent means \"ACCOUNT\" (external access only, the provider's default), which says nothing about unused access; `unusedAccessAge` absent is not allowed by the API for unused-access analyzers and is read as a violation. "
            + "A stack without any aws resource, or an input without the root stack resource (a fragment), is not judged.",
        Tags = ["iam", "access-review", "access-management"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        // A fragment (a single resource's preview, a partial file) cannot show that the stack lacks the service.
        if (!context.Stack.IsWholeStack || !context.Stack.Resources.Any(r => r.Type.StartsWith("aws:", StringComparison.Ordinal)))
        {
            return;
        }

        var analyzers = context.Stack.OfType(AnalyzerType).ToArray();
        var problems = new List<(PulumiResource Analyzer, string Problem)>();
        var undecided = false;
        foreach (var analyzer in analyzers)
        {
            string? problem = null;
            var decided = false;
            context.Guard(() =>
            {
                problem = Judge(analyzer.Root);
                decided = true;
            });
            if (!decided)
            {
                undecided = true;
            }
            else if (problem is null)
            {
                return;
            }
            else
            {
                problems.Add((analyzer, problem));
            }
        }

        if (undecided)
        {
            return;
        }

        if (problems.Count == 0)
        {
            context.ReportStack("The stack creates aws resources but no aws:accessanalyzer/analyzer:Analyzer of type ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS: unused access is not listed for the quarterly review. Fix: add one with unusedAccessAge 90 (or keep it in the account's security stack and waive this).");
            return;
        }

        foreach (var (analyzer, problem) in problems)
        {
            context.Report(analyzer, $"{problem} Fix: set type \"ACCOUNT_UNUSED_ACCESS\" and configuration.unusedAccess.unusedAccessAge to at most {QuarterDays}.");
        }
    }

    /// <summary>Null when the analyzer lists access unused for at most a quarter, else the problem; throws on unknown values.</summary>
    private static string? Judge(PropertyValue root)
    {
        var type = root.GetString("type") ?? "ACCOUNT";
        if (!type.EndsWith("_UNUSED_ACCESS", StringComparison.OrdinalIgnoreCase))
        {
            // Show, not the raw text: a value the engine marks secret must never reach a message.
            var shown = root.GetString("type") is null ? "absent (\"ACCOUNT\", the provider's default)" : root.Show("type");
            return $"The analyzer's type is {shown}, which reports external access, not unused access.";
        }

        var age = root.GetNumber("configuration.unusedAccess.unusedAccessAge");
        return age switch
        {
            null => "configuration.unusedAccess.unusedAccessAge is absent, so no unused-access period is set.",
            > QuarterDays => $"configuration.unusedAccess.unusedAccessAge is {root.Show("configuration.unusedAccess.unusedAccessAge")}: access unused for a quarter is not yet reported.",
            _ => null,
        };
    }
}
