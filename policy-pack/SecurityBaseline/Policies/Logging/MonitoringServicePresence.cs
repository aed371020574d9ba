using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>A §9 stack policy that a cloud's security-monitoring service is switched on by some resource of the stack.</summary>
/// <remarks>
/// Such services are one per account or subscription and often live in a separate security stack, so these policies are
/// advisory by default; a stack with no resource of the cloud, or an input without the root stack resource, is not judged.
/// </remarks>
public abstract class MonitoringServicePresence : StackPolicy
{
    /// <summary>The type-token prefixes of the cloud (`aws:`; `azure:` and `azure-native:`).</summary>
    protected abstract IReadOnlyList<string> CloudPrefixes { get; }

    /// <summary>The finding on a stack that lacks the service, ending with a fix.</summary>
    protected abstract string Missing { get; }

    /// <summary>Whether <paramref name="resource"/>, one of the covered types, is about this service at all (a classic diagnostic setting may target any resource).</summary>
    protected virtual bool IsCandidate(PulumiResource resource) => true;

    /// <summary>True when the resource switches the service on, false when it exists but is off (the reason in <paramref name="problem"/>); throws on unknowns.</summary>
    protected abstract bool IsOn(PulumiResource resource, out string problem);

    public sealed override void Evaluate(StackContext context)
    {
        // A fragment (a single resource's preview, a partial file) cannot show that the stack lacks the service.
        if (!context.Stack.IsWholeStack || !context.Stack.Resources.Any(r => CloudPrefixes.Any(p => r.Type.StartsWith(p, StringComparison.Ordinal))))
        {
            return;
        }

        var off = new List<(PulumiResource Resource, string Problem)>();
        var undecided = false;
        foreach (var resource in context.Stack.OfType(Descriptor.ResourceTypes).Where(IsCandidate))
        {
            bool? on = null;
            var problem = string.Empty;
            context.Guard(() => on = IsOn(resource, out problem));
            switch (on)
            {
                case true:
                    return;
                case false:
                    off.Add((resource, problem));
                    break;
                default:
                    undecided = true;
                    break;
            }
        }

        if (undecided)
        {
            return;
        }

        if (off.Count == 0)
        {
            context.ReportStack(Missing);
        }

        foreach (var (resource, problem) in off)
        {
            context.Report(resource, problem);
        }
    }
}
