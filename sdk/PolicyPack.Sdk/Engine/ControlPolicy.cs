namespace PolicyPack.Sdk.Engine;

/// <summary>A control: one policy whose resource types are judged by the rows of its table, or by code where judgement is needed.</summary>
/// <remarks>
/// A type with rows in <see cref="PolicyDescriptor.Requirements"/> is judged by those rows only; every other covered type goes to
/// <see cref="Judge"/>. When none of a type's rows applied to a resource (conditions unmet, nothing to check) the control reports
/// not applicable, never a silent pass.
/// </remarks>
public abstract class ControlPolicy : ResourcePolicy
{
    private Dictionary<string, Requirement[]>? rowsByType;

    public sealed override void Evaluate(ResourceContext context)
    {
        rowsByType ??= Descriptor.Requirements.GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        if (!rowsByType.TryGetValue(context.Resource.Type, out var rows))
        {
            Judge(context);
            return;
        }

        var applied = false;
        foreach (var row in rows)
        {
            applied |= row.Check(context);
        }

        if (!applied)
        {
            context.NotApplicable($"the requirement applies only {string.Join("; ", rows.Select(r => r.When is null ? $"where {r.Within} is present" : $"when {r.When.Describe()}"))}");
        }
    }

    /// <summary>Judges a covered type that has no rows; a control whose types all have rows never gets here.</summary>
    protected virtual void Judge(ResourceContext context) =>
        throw new InvalidOperationException($"{Descriptor.Id} covers {context.Resource.Type} with neither rows nor code");
}
