using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>Runs the pack's policies under a configuration and returns evaluations in a deterministic order.</summary>
public sealed class PolicyEngine
{
    private readonly IReadOnlyList<ResourcePolicy> resourcePolicies;
    private readonly IReadOnlyList<StackPolicy> stackPolicies;
    private readonly Dictionary<string, List<ResourcePolicy>> resourcePoliciesByType = new(StringComparer.Ordinal);

    public PolicyEngine(IEnumerable<Policy> policies, PackConfiguration configuration)
    {
        var all = policies.OrderBy(p => p.Descriptor.Id, StringComparer.Ordinal).ToArray();
        Policies = all;
        Configuration = configuration;
        resourcePolicies = all.OfType<ResourcePolicy>().ToArray();
        stackPolicies = all.OfType<StackPolicy>().ToArray();
        foreach (var policy in resourcePolicies)
        {
            foreach (var type in policy.Descriptor.ResourceTypes.Distinct(StringComparer.Ordinal))
            {
                if (!resourcePoliciesByType.TryGetValue(type, out var list))
                {
                    resourcePoliciesByType[type] = list = [];
                }

                list.Add(policy);
            }
        }
    }

    public IReadOnlyList<Policy> Policies { get; }
    public PackConfiguration Configuration { get; }

    /// <summary>Resource policies on one resource's inputs (Pulumi's Analyze).</summary>
    public IReadOnlyList<Evaluation> AnalyzeResource(PulumiResource resource)
    {
        var evaluations = new List<Evaluation>();
        Evaluate(resource, evaluations);
        return evaluations.Count == 0 ? [] : Sorted(evaluations);
    }

    /// <summary>Adds the resource policies' evaluations of <paramref name="resource"/> to <paramref name="evaluations"/>, unsorted: a scan sorts once at the end.</summary>
    private void Evaluate(PulumiResource resource, List<Evaluation> evaluations)
    {
        if (!resourcePoliciesByType.TryGetValue(TypeToken.Canonical(resource.Type), out var policies))
        {
            return;
        }

        // Policies branch on the type token, so they see the canonical one; reports keep the token the stack used.
        var subject = Canonical(resource);
        var reference = Reference(resource);
        foreach (var policy in policies)
        {
            var settings = Configuration.For(policy.Descriptor.Id);
            if (settings.Level == EnforcementLevel.Disabled)
            {
                continue;
            }

            var context = new ResourceContext(subject, settings.Parameters);
            var exception = Run(() => context.Guard(() => policy.Evaluate(context)));
            evaluations.AddRange(Conclude(policy.Descriptor, settings.Level, context, reference, exception));
        }
    }

    /// <summary>Stack policies over every resource of a stack (Pulumi's AnalyzeStack).</summary>
    public IReadOnlyList<Evaluation> AnalyzeStack(IEnumerable<PulumiResource> resources)
    {
        var index = new StackIndex(resources.Select(Canonical));
        var evaluations = new List<Evaluation>();

        // Every stack policy names the resources it covers: one reference per resource serves them all.
        var references = new Dictionary<PulumiResource, ResourceRef>(ReferenceEqualityComparer.Instance);
        foreach (var policy in stackPolicies)
        {
            var settings = Configuration.For(policy.Descriptor.Id);
            if (settings.Level == EnforcementLevel.Disabled)
            {
                continue;
            }

            var context = new StackContext(index, settings.Parameters);
            var exception = Run(() => context.Guard(() => policy.Evaluate(context)));

            // Pulumi treats remediate as mandatory for stack policies: there is nothing left to fix in place.
            var level = settings.Level == EnforcementLevel.Remediate ? EnforcementLevel.Mandatory : settings.Level;
            var covered = index.OfType(policy.Descriptor.ResourceTypes).ToArray();
            evaluations.AddRange(ConcludeStack(policy.Descriptor, level, context, covered, index, exception, references));
        }

        return Sorted(evaluations);
    }

    /// <summary>Resource policies on every resource's inputs and stack policies on their outputs, as a scan of a file does.</summary>
    /// <param name="inputs">Each resource with its inputs, for the resource policies.</param>
    /// <param name="outputs">Each resource with its outputs, for the stack policies.</param>
    /// <param name="evaluated">Told the number of resources evaluated so far after each one, for a progress display.</param>
    public AnalysisResult Analyze(IReadOnlyList<PulumiResource> inputs, IReadOnlyList<PulumiResource> outputs, Action<int>? evaluated = null)
    {
        var evaluations = new List<Evaluation>();
        var done = 0;
        foreach (var resource in inputs)
        {
            Evaluate(resource, evaluations);
            evaluated?.Invoke(++done);
        }

        evaluations.AddRange(AnalyzeStack(outputs));
        return new AnalysisResult(Sorted(evaluations)) { Unevaluated = Unevaluated(inputs) };
    }

    /// <summary>The provider families whose unevaluated resources fail a scan under the closed world.</summary>
    public static IReadOnlyList<string> ClosedWorldFamilies { get; } = ["aws", "azure", "azure-native"];

    /// <summary>Per canonical type, the resources of <paramref name="resources"/> that no enabled resource or stack policy covers.</summary>
    /// <remarks>
    /// Which resources count: every resource of the aws, azure and azure-native families, and a resource of any other
    /// package when it carries a provider reference (a custom resource: stack state and the analyzer record one for every
    /// custom resource, while a component declared in the program has none). Pulumi's own resources (the `pulumi`
    /// package: the stack, providers, stack references) never count. A policy at level `disabled` evaluates nothing.
    /// Types of the closed-world families are at <see cref="PackConfiguration.UnevaluatedLevel"/>; others stay advisory,
    /// since the pack was never meant to judge them.
    /// </remarks>
    public IReadOnlyList<UnevaluatedType> Unevaluated(IEnumerable<PulumiResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var covered = Policies
            .Where(p => Configuration.For(p.Descriptor.Id).Level != EnforcementLevel.Disabled)
            .SelectMany(p => p.Descriptor.ResourceTypes)
            .ToHashSet(StringComparer.Ordinal);
        return resources
            .Where(IsSubjectToPolicy)
            .Select(r => TypeToken.Canonical(r.Type))
            .Where(type => !covered.Contains(type))
            .GroupBy(type => type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnevaluatedType(g.Key, g.Count(), ClosedWorldFamilies.Contains(Family(g.Key), StringComparer.Ordinal) ? Configuration.UnevaluatedLevel : EnforcementLevel.Advisory))
            .ToArray();
    }

    /// <summary>True for a resource some policy ought to judge: see <see cref="Unevaluated"/> for the rule.</summary>
    public static bool IsSubjectToPolicy(PulumiResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var family = Family(resource.Type);
        if (family.Length == 0 || family == "pulumi")
        {
            return false;
        }

        return ClosedWorldFamilies.Contains(family, StringComparer.Ordinal) || !string.IsNullOrEmpty(resource.Provider);
    }

    private static string Family(string type)
    {
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? string.Empty : type[..colon];
    }

    /// <summary>One entry per remediate-level policy that fixed the resource (its complete property bag) or failed (its problem); empty when none acted.</summary>
    public IReadOnlyList<(PolicyDescriptor Policy, IReadOnlyDictionary<string, PropertyValue>? Properties, string? Problem)> Remediate(PulumiResource resource)
    {
        var results = new List<(PolicyDescriptor, IReadOnlyDictionary<string, PropertyValue>?, string?)>();
        if (!resourcePoliciesByType.TryGetValue(TypeToken.Canonical(resource.Type), out var policies))
        {
            return results;
        }

        var current = Canonical(resource);
        foreach (var policy in policies)
        {
            var settings = Configuration.For(policy.Descriptor.Id);
            if (settings.Level != EnforcementLevel.Remediate)
            {
                continue;
            }

            IReadOnlyDictionary<string, PropertyValue>? fixedProperties = null;
            var context = new ResourceContext(current, settings.Parameters);
            var exception = Run(() => context.Guard(() => fixedProperties = policy.Remediate(context)));
            if (exception is not null)
            {
                results.Add((policy.Descriptor, null, FailureMessage(policy.Descriptor, exception)));
            }
            else if (fixedProperties is not null)
            {
                current = current with { Properties = fixedProperties };
                results.Add((policy.Descriptor, fixedProperties, null));
            }
        }

        return results;
    }

    private static Exception? Run(Action action)
    {
        try
        {
            action();
            return null;
        }
#pragma warning disable CA1031 // A policy that throws must fail closed, whatever it threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    private static IEnumerable<Evaluation> Conclude(PolicyDescriptor policy, EnforcementLevel level, ResourceContext context, ResourceRef resource, Exception? exception)
    {
        if (exception is not null)
        {
            yield return new Evaluation(policy, EnforcementLevel.Mandatory, resource, Outcome.Fail, [FailureMessage(policy, exception)]);
            yield break;
        }

        if (context.Violations.Count > 0)
        {
            yield return new Evaluation(policy, level, resource, Outcome.Fail, context.Violations.Select(v => v.Message).ToArray(), UnknownReason(context));
            yield break;
        }

        var reason = context.NotApplicableReason ?? UnknownReason(context);
        yield return new Evaluation(policy, level, resource, reason is null ? Outcome.Pass : Outcome.NotApplicable, [], reason);
    }

    private static IEnumerable<Evaluation> ConcludeStack(PolicyDescriptor policy, EnforcementLevel level, StackContext context, IReadOnlyList<PulumiResource> covered, StackIndex index, Exception? exception, Dictionary<PulumiResource, ResourceRef> references)
    {
        ResourceRef Shared(PulumiResource resource)
        {
            if (!references.TryGetValue(resource, out var reference))
            {
                references[resource] = reference = Reference(resource);
            }

            return reference;
        }

        if (exception is not null)
        {
            yield return new Evaluation(policy, EnforcementLevel.Mandatory, ResourceRef.Stack, Outcome.Fail, [FailureMessage(policy, exception)]);
            yield break;
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in context.Violations.GroupBy(v => v.Urn ?? string.Empty))
        {
            var resource = index.ByUrn(group.Key);
            failed.Add(group.Key);
            yield return new Evaluation(policy, level, resource is null ? ResourceRef.Stack : Shared(resource), Outcome.Fail, group.Select(v => v.Message).ToArray());
        }

        var reason = context.NotApplicableReason ?? UnknownReason(context);
        foreach (var resource in covered.Where(r => !failed.Contains(r.Urn)))
        {
            yield return new Evaluation(policy, level, Shared(resource), reason is null ? Outcome.Pass : Outcome.NotApplicable, [], reason);
        }
    }

    private static string? UnknownReason(EvaluationContext context) =>
        context.Unknowns.Count == 0
            ? null
            : $"{string.Join(", ", context.Unknowns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))} unknown during preview; checked again when the value is known";

    private static string FailureMessage(PolicyDescriptor policy, Exception exception)
    {
        // Only the exception's type and our own property path: a message from elsewhere could carry a secret value.
        var where = exception switch
        {
            PolicyDataException data => $" at {data.PropertyPath}",
            PropertyFormatException format => $" at {format.PropertyPath}",
            _ => string.Empty,
        };
        return $"policy {policy.Id} failed to evaluate ({exception.GetType().Name}{where}); blocked until it can (fail closed)";
    }

    internal static PulumiResource Canonical(PulumiResource resource)
    {
        var type = TypeToken.Canonical(resource.Type);
        return type == resource.Type ? resource : resource with { Type = type };
    }

    /// <summary>The resource as findings name it (type as written; see <see cref="Canonical"/> for the canonical token).</summary>
    internal static ResourceRef Reference(PulumiResource resource) =>
        new(resource.Urn, resource.Type, string.IsNullOrEmpty(resource.Name) ? PulumiResource.NameFromUrn(resource.Urn) : resource.Name, resource.SourcePosition)
        {
            Origin = resource.Origin,
        };

    /// <summary>By URN, policy id and outcome; evaluations equal in all three keep their order (a stable sort).</summary>
    /// <remarks>URNs and policy ids are ranked once (each distinct one sorted ordinally), then one array sort compares the
    /// ranks and the position: LINQ's OrderBy/ThenBy chain gave the same order but compared the long, common-prefixed URNs
    /// some twenty times per evaluation of a 50,000-resource scan.</remarks>
    private static Evaluation[] Sorted(IEnumerable<Evaluation> evaluations)
    {
        var items = evaluations.ToArray();
        var urns = Ranks(items, static e => e.Resource.Urn);
        var policies = Ranks(items, static e => e.Policy.Id);

        // Evaluations of one resource share its reference: look the (long) URN up once per reference, not per evaluation.
        var byReference = new Dictionary<ResourceRef, int>(ReferenceEqualityComparer.Instance);
        var keyed = new (int Urn, int Policy, int Outcome, int Position)[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var resource = items[i].Resource;
            if (!byReference.TryGetValue(resource, out var urn))
            {
                byReference[resource] = urn = urns[resource.Urn];
            }

            keyed[i] = (urn, policies[items[i].Policy.Id], (int)items[i].Outcome, i);
        }

        Array.Sort(keyed, static (a, b) =>
        {
            var order = a.Urn.CompareTo(b.Urn);
            if (order == 0)
            {
                order = a.Policy.CompareTo(b.Policy);
            }

            if (order == 0)
            {
                order = a.Outcome.CompareTo(b.Outcome);
            }

            return order != 0 ? order : a.Position.CompareTo(b.Position);
        });
        var sorted = new Evaluation[items.Length];
        for (var i = 0; i < keyed.Length; i++)
        {
            sorted[i] = items[keyed[i].Position];
        }

        return sorted;
    }

    /// <summary>Each distinct key of <paramref name="items"/> with its place in ordinal order.</summary>
    private static Dictionary<string, int> Ranks(Evaluation[] items, Func<Evaluation, string> key)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        Evaluation? previous = null;
        foreach (var item in items)
        {
            // Consecutive evaluations mostly name the same resource and often the same policy: skip the repeat lookups.
            if (previous is null || !ReferenceEquals(key(previous), key(item)))
            {
                ranks.TryAdd(key(item), 0);
            }

            previous = item;
        }

        var distinct = ranks.Keys.ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            ranks[distinct[i]] = i;
        }

        return ranks;
    }
}
