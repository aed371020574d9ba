using System.Globalization;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Network;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: a managed prefix list declared in the stack and named by an inbound rule is judged by its entries, as if they were written in the rule.</summary>
/// <remarks>A stack policy, because the entries live in other resources (the list and its `managedPrefixListEntry` resources).</remarks>
public sealed class PrefixListIngress : StackPolicy
{
    private const string PrefixList = "aws:ec2/managedPrefixList:ManagedPrefixList";
    private const string PrefixListEntry = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.NetworkPrefixListIngress,
        Title = "Prefix lists named by inbound rules stay inside the IP allowlist",
        Description = "When an inbound security group rule names a managed prefix list declared in the same stack (`prefixListIds`, `prefixListId`), the list's entries (`entries[].cidr` and `aws:ec2/managedPrefixListEntry` resources) must not admit the whole internet, alone or together, and must lie inside the allowlist (`allowedCidrs`).",
        Message = "An inbound rule admits addresses outside the IP allowlist through a prefix list.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = [InboundRules.AwsSecurityGroup, InboundRules.AwsSecurityGroupRule, InboundRules.AwsIngressRule],
        ConfigSchema = $$"""{ {{AllowlistParameter.Schema}} }""",
        Help = "Remove the open entries from the prefix list (`entries[].cidr`, or the `aws:ec2/managedPrefixListEntry` resource's `cidr`) or keep them inside `allowedCidrs`; never list `0.0.0.0/0`, `::/0`, or blocks that add up to them.",
        AbsentMeans = "A prefix list that is not declared in the stack (AWS-managed lists such as the S3 and DynamoDB gateway lists, or lists of other stacks) cannot be read and passes, as the resource policies let every prefix list reference pass. " +
                      "The reference is resolved by the list's id (or name, ARN, URN), else by the rule's property dependency when it points at exactly one list. Egress rules are not checked.",
        Tags = ["network", "security-group", "prefix-list", "ingress", "allowlist"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters) => AllowlistParameter.Validate(parameters);

    public override void Evaluate(StackContext context)
    {
        var lists = context.Stack.OfType(PrefixList).ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var entries = lists.ToDictionary(list => list.Urn, list => ListedEntries(context, list), StringComparer.Ordinal);
        foreach (var entry in context.Stack.OfType(PrefixListEntry))
        {
            foreach (var list in context.Stack.Referenced(entry, "prefixListId").Where(r => r.Type == PrefixList))
            {
                if (entry["cidr"] is { Kind: ValueKind.String, StringValue: { } cidr } value)
                {
                    entries[list.Urn].Add(new Entry($"{NameOf(entry)}.cidr", cidr, value.Describe()));
                }
            }
        }

        var allowlist = AllowlistParameter.Read(context.Parameters);
        foreach (var resource in context.Stack.OfType(Rule.ResourceTypes))
        {
            var rules = new List<InboundRule>();
            try
            {
                InboundRules.ForEach(new ResourceContext(resource, context.Parameters), rules.Add);
            }
            catch (PolicyDataException)
            {
                // A malformed rule is reported by the resource policies; it must not stop the judgement of the others.
            }

            foreach (var rule in rules)
            {
                var references = rule.Sources.Where(s => s.Property.StartsWith("prefixListId", StringComparison.Ordinal)).ToArray();
                foreach (var source in references)
                {
                    if (Resolve(context.Stack, resource, rule, source, references.Length) is { } list)
                    {
                        Judge(context, resource, rule, source, list, entries[list.Urn], allowlist);
                    }
                }
            }
        }
    }

    private static void Judge(StackContext context, PulumiResource resource, InboundRule rule, RuleSource source, PulumiResource list, List<Entry> entries, AddressAllowlist allowlist)
    {
        var named = $"{rule.Prefix}{source} (prefix list {NameOf(list)})";
        var blocks = new List<(Entry Entry, IpRange Block)>();
        foreach (var entry in entries)
        {
            if (!IpRange.TryParse(entry.Cidr, out var block))
            {
                context.Report(resource, $"{named}: {entry.Path} = {entry.Shown} is not a CIDR block the allowlist can vouch for, on {rule.PortsText}.");
            }
            else if (block.IsEverything)
            {
                context.Report(resource, $"{named}: {entry.Path} = {entry.Shown} admits the whole internet, on {rule.PortsText}.");
            }
            else
            {
                blocks.Add((entry, block));
                if (!new IpRangeUnion(allowlist.Ranges).Covers(block))
                {
                    context.Report(resource, $"{named}: {entry.Path} = {entry.Shown} is outside the allowlist ({AllowlistParameter.Name}), on {rule.PortsText}.");
                }
            }
        }

        foreach (var family in new IpRangeUnion(blocks.Select(b => b.Block)).FamiliesCovered())
        {
            context.Report(resource, $"{named}: its entries together admit the whole {SourceAddress.FamilyName(family)} internet, on {rule.PortsText}.");
        }
    }

    /// <summary>The prefix list a reference names, or null when it is not declared in this stack (or the name is ambiguous).</summary>
    private static PulumiResource? Resolve(StackIndex stack, PulumiResource resource, InboundRule rule, RuleSource source, int referencesInRule)
    {
        var byValue = stack.Designated(source.Value).Where(r => r.Type == PrefixList).ToArray();
        if (byValue.Length == 1)
        {
            return byValue[0];
        }

        // Before the id is known (or when the id is renamed), the engine's property dependencies still say which list the value came from.
        var property = rule.Path.Length > 0 ? rule.Path[..rule.Path.IndexOf('[', StringComparison.Ordinal)] : source.Property.Split('[')[0];
        if (referencesInRule == 1 && resource.PropertyDependencies.TryGetValue(property, out var urns))
        {
            var lists = urns.Select(stack.ByUrn).Where(r => r?.Type == PrefixList).ToArray();
            return lists.Length == 1 ? lists[0] : null;
        }

        return null;
    }

    private static List<Entry> ListedEntries(StackContext context, PulumiResource list)
    {
        var found = new List<Entry>();
        context.Guard(() =>
        {
            var items = list.Root.GetList("entries");
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"entries[{i.ToString(CultureInfo.InvariantCulture)}].cidr";
                if (list.Root.Known(path) is { Kind: ValueKind.String, StringValue: { } cidr } value)
                {
                    found.Add(new Entry($"{NameOf(list)}.{path}", cidr, value.Describe()));
                }
            }
        });
        return found;
    }

    private static string NameOf(PulumiResource resource) =>
        string.IsNullOrEmpty(resource.Name) ? PulumiResource.NameFromUrn(resource.Urn) : resource.Name;

    private sealed record Entry(string Path, string Cidr, string Shown);
}
