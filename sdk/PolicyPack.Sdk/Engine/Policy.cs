using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>A policy of the pack: its descriptor and its decision.</summary>
public abstract class Policy
{
    public abstract PolicyDescriptor Descriptor { get; }

    /// <summary>Checks parameters beyond what the JSON schema can say (CIDR syntax, say); returns problems naming the property.</summary>
    public virtual IEnumerable<string> ValidateParameters(PolicyParameters parameters) => [];

    /// <summary>True when the policy judges resources of <paramref name="type"/> (API-versioned azure-native tokens included).</summary>
    public bool Covers(string type) => Descriptor.ResourceTypes.Contains(TypeToken.Canonical(type), StringComparer.Ordinal);
}

/// <summary>A policy that decides on one resource at a time (Pulumi's Analyze).</summary>
public abstract class ResourcePolicy : Policy
{
    public abstract void Evaluate(ResourceContext context);

    /// <summary>The resource's properties with the violation fixed, or null when this policy cannot fix it.</summary>
    /// <remarks>Runs only at level `remediate`; must return the complete property bag.</remarks>
    public virtual IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context) => null;
}

/// <summary>A policy that decides over every resource of a stack (Pulumi's AnalyzeStack).</summary>
public abstract class StackPolicy : Policy
{
    public abstract void Evaluate(StackContext context);
}
