using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Engine;

/// <summary>Small policies that exercise the engine's contract (not pack policies).</summary>
internal sealed class FlagPolicy(string id = "test-flag-required") : ResourcePolicy
{
    public override PolicyDescriptor Descriptor { get; } = new()
    {
        Id = id,
        Title = "Flag is on",
        Description = "The `flag` input must be true.",
        Message = "flag is off",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = ["aws:test/thing:Thing"],
        ConfigSchema = """{"minimum":{"type":"integer","description":"smallest size","default":1,"minimum":1},"names":{"type":"array","items":{"type":"string"},"description":"names","default":[]}}""",
        Help = "Set flag: true.",
        AbsentMeans = "absent = false",
    };

    public override void Evaluate(ResourceContext context)
    {
        if (context.Properties.GetBool("flag") != true)
        {
            context.Report($"flag is not true (minimum {context.Parameters.GetInt("minimum", 0)})");
        }
    }
}

internal sealed class ThrowingPolicy : ResourcePolicy
{
    public override PolicyDescriptor Descriptor { get; } = new()
    {
        Id = "test-throws",
        Title = "Throws",
        Description = "Always throws.",
        Message = "never",
        Control = "§1",
        Severity = Severity.Low,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = ["aws:test/thing:Thing"],
        Help = "None.",
        AbsentMeans = "n/a",
    };

    public override void Evaluate(ResourceContext context) =>
        throw new InvalidOperationException($"boom with {context.Properties.GetString("password")}");
}

internal sealed class ListPolicy : ResourcePolicy
{
    public override PolicyDescriptor Descriptor { get; } = new()
    {
        Id = "test-list",
        Title = "No item is open",
        Description = "No item of `items` is open.",
        Message = "open item",
        Control = "§1",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:test/thing:Thing"],
        Help = "Close it.",
        AbsentMeans = "absent = no items",
    };

    public override void Evaluate(ResourceContext context)
    {
        var items = context.Properties.GetList("items");
        context.Each(Enumerable.Range(0, items.Count), i =>
        {
            if (items[i].GetBool("open") == true)
            {
                context.Report($"items[{i}] is open");
            }
        });
    }
}

internal sealed class EveryThingHasPartnerPolicy : StackPolicy
{
    public override PolicyDescriptor Descriptor { get; } = new()
    {
        Id = "test-partner",
        Title = "Every thing has a partner",
        Description = "Every thing has a partner resource pointing at it.",
        Message = "no partner",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = ["aws:test/thing:Thing"],
        Help = "Add a partner.",
        AbsentMeans = "n/a",
    };

    public override void Evaluate(StackContext context)
    {
        var partnered = context.Stack.OfType("aws:test/partner:Partner")
            .SelectMany(p => context.Stack.Referenced(p, "thing"))
            .Select(t => t.Urn)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var thing in context.Stack.OfType("aws:test/thing:Thing").Where(t => !partnered.Contains(t.Urn)))
        {
            context.Report(thing, "has no partner");
        }
    }
}
