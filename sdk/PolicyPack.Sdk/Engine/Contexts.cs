using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>What a policy records while it evaluates: violations and the values it could not know.</summary>
public abstract class EvaluationContext
{
    private readonly List<(string? Urn, string Message)> violations = [];
    private readonly List<string> unknowns = [];

    protected EvaluationContext(PolicyParameters parameters)
    {
        Parameters = parameters;
    }

    public PolicyParameters Parameters { get; }

    internal IReadOnlyList<(string? Urn, string Message)> Violations => violations;
    internal IReadOnlyList<string> Unknowns => unknowns;
    internal string? NotApplicableReason { get; private set; }

    protected void AddViolation(string? urn, string message) => violations.Add((urn, message));

    /// <summary>Declares the policy does not apply to this input, with the reason.</summary>
    public void NotApplicable(string reason) => NotApplicableReason ??= reason;

    /// <summary>Runs <paramref name="check"/> on each item so that an unknown in one item does not hide a violation in another.</summary>
    public void Each<T>(IEnumerable<T> items, Action<T> check)
    {
        foreach (var item in items)
        {
            Guard(() => check(item));
        }
    }

    /// <summary>Runs <paramref name="check"/>, recording an unknown value instead of stopping the whole policy.</summary>
    public void Guard(Action check)
    {
        try
        {
            check();
        }
        catch (UnknownValueException unknown)
        {
            unknowns.Add(unknown.PropertyPath);
        }
    }

    /// <summary>Records that <paramref name="path"/> is unknown during preview: with no violation, the resource is reported as not evaluated for that path.</summary>
    public void RecordUnknown(string path) => unknowns.Add(path);
}

/// <summary>The input of a resource policy: one resource and the policy's parameters.</summary>
public sealed class ResourceContext(PulumiResource resource, PolicyParameters parameters) : EvaluationContext(parameters)
{
    public PulumiResource Resource { get; } = resource;

    /// <summary>The resource's properties as one object, for path reads.</summary>
    public PropertyValue Properties { get; } = resource.Root;

    /// <summary>Records a violation by this resource.</summary>
    public void Report(string message) => AddViolation(null, message);

    /// <summary>The resource's complete property bag with <paramref name="changes"/> applied: what a remediation returns.</summary>
    /// <remarks>Every other property, secret-marked and `__`-prefixed ones included, is carried over untouched.</remarks>
    public IReadOnlyDictionary<string, PropertyValue> PropertiesWith(params IEnumerable<(string Name, PropertyValue Value)> changes)
    {
        var properties = new Dictionary<string, PropertyValue>(Resource.Properties, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            properties[name] = value;
        }

        return properties;
    }
}

/// <summary>The input of a stack policy: every resource, indexed, and the policy's parameters.</summary>
public sealed class StackContext(StackIndex stack, PolicyParameters parameters) : EvaluationContext(parameters)
{
    public StackIndex Stack { get; } = stack;

    /// <summary>Records a violation by <paramref name="resource"/>.</summary>
    public void Report(PulumiResource resource, string message) => AddViolation(resource.Urn, message);

    /// <summary>Records a violation by the stack as a whole: something the stack lacks, so no resource of it is at fault.</summary>
    public void ReportStack(string message) => AddViolation(null, message);
}
