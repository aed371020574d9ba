using System.Globalization;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Network;

namespace SecurityBaseline.Policies.Network;

/// <summary>A range of ports, both ends included.</summary>
public readonly record struct PortRange(int From, int To)
{
    public static PortRange Every { get; } = new(0, 65535);

    public bool Contains(int port) => From <= port && port <= To;

    public override string ToString() =>
        From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From.ToString(CultureInfo.InvariantCulture)}-{To.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>How a rule names where traffic comes from.</summary>
public enum SourceKind
{
    /// <summary>An AWS CIDR field: anything that is not a CIDR block is not an address the allowlist can vouch for.</summary>
    Cidr,

    /// <summary>An Azure address prefix: a CIDR, an address, `*` or a service tag.</summary>
    AzurePrefix,

    /// <summary>A security group, prefix list or application security group: not an address.</summary>
    Reference,
}

/// <summary>One source of an inbound rule; <see cref="Property"/> is relative to the rule (`cidrBlocks[0]`).</summary>
public sealed record RuleSource(string Property, string Value, SourceKind Kind, bool IsSecret = false)
{
    /// <summary>The value as messages may print it: never a secret.</summary>
    public string Shown => IsSecret ? "[secret]" : Value;

    public bool IsReference => Kind == SourceKind.Reference;

    /// <summary>True when the source admits any address of a family (`0.0.0.0/0`, `::/0`, `*`, `Internet`, `Any`).</summary>
    public bool IsInternet => !IsReference && SourceAddress.IsInternet(Value);

    /// <summary>True when the source lies inside the allowlist; references are not addresses and count as inside, Azure service tags only when they stand for the company's own networks.</summary>
    public bool IsInside(AddressAllowlist allowlist) => Kind switch
    {
        SourceKind.Reference => true,
        SourceKind.AzurePrefix => SourceAddress.IsAllowed(Value, allowlist),
        _ => IpRange.TryParse(Value, out var range) && !range.IsEverything && new IpRangeUnion(allowlist.Ranges).Covers(range),
    };

    /// <summary>The address block of the source, when it is one (not a reference, tag or word).</summary>
    public IpRange? Block => !IsReference && IpRange.TryParse(Value, out var range) ? range : null;

    public override string ToString() => $"{Property} = {Shown}";
}

/// <summary>The protocol of an inbound rule and the ports it opens; no ranges means the protocol has no ports (ICMP, ESP).</summary>
/// <param name="Protocol">The protocol as written, with its secret mark: decisions read its value, messages print it redacted.</param>
/// <param name="Ranges">The ports opened.</param>
/// <param name="AllProtocols">True for AWS `-1`/`all`.</param>
/// <param name="SecretPorts">True when a port bound or range was secret: messages then print the ports as "[secret]".</param>
public sealed record RulePorts(Shown Protocol, IReadOnlyList<PortRange> Ranges, bool AllProtocols = false, bool SecretPorts = false)
{
    public bool Opens(int port) => Ranges.Any(range => range.Contains(port));

    public override string ToString()
    {
        if (AllProtocols)
        {
            return $"protocol {Protocol} (all protocols and ports)";
        }

        if (Ranges.Count == 0)
        {
            return $"protocol {Protocol} (no ports)";
        }

        if (SecretPorts)
        {
            return $"protocol {Protocol}, ports {Shown.SecretText}";
        }

        if (Ranges.Count == 1 && Ranges[0] == PortRange.Every)
        {
            return $"protocol {Protocol}, all ports";
        }

        var single = Ranges.Count == 1 && Ranges[0].From == Ranges[0].To;
        return $"protocol {Protocol}, port{(single ? string.Empty : "s")} {string.Join(", ", Ranges)}";
    }
}

/// <summary>One inbound allow rule, normalised across AWS security groups and Azure network security groups.</summary>
/// <param name="Path">Where the rule sits in the resource (`ingress[2]`, `securityRules[0]`); empty for a resource that is one rule.</param>
/// <param name="Name">The rule's own name, when the provider has one (Azure).</param>
/// <param name="Sources">The known sources.</param>
/// <param name="Ports">The protocol and ports, or null while they are unknown during preview.</param>
/// <param name="UnknownSources">Full paths of sources unknown during preview.</param>
/// <param name="UnknownPorts">Full path of the protocol or port value unknown during preview, if any.</param>
public sealed record InboundRule(string Path, string? Name, IReadOnlyList<RuleSource> Sources, RulePorts? Ports, IReadOnlyList<string> UnknownSources, string? UnknownPorts)
{
    /// <summary>How messages start when they talk about this rule: `ingress[1]: ` or `securityRules[0] ("ssh"): `.</summary>
    public string Prefix => (Path, Name) switch
    {
        ({ Length: 0 }, null) => string.Empty,
        ({ Length: 0 }, _) => $"rule \"{Name}\": ",
        (_, null) => $"{Path}: ",
        _ => $"{Path} (\"{Name}\"): ",
    };

    /// <summary>The ports as messages print them.</summary>
    public string PortsText => Ports?.ToString() ?? "ports unknown during preview";

    /// <summary>Stops the check of this rule, recording its unknown sources, when some are unknown.</summary>
    public void RequireKnownSources()
    {
        if (UnknownSources.Count > 0)
        {
            throw new UnknownValueException(string.Join(", ", UnknownSources));
        }
    }

    /// <summary>The known ports, or stops the check of this rule, recording the unknown protocol or port.</summary>
    public RulePorts RequireKnownPorts() => Ports ?? throw new UnknownValueException(UnknownPorts ?? Path);
}

/// <summary>Reads the inbound allow rules of AWS security groups and rules and of Azure network security groups and rules.</summary>
public static class InboundRules
{
    public const string AwsSecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string AwsDefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string AwsSecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string AwsIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string AzureNativeSecurityGroup = "azure-native:network:NetworkSecurityGroup";
    public const string AzureNativeSecurityRule = "azure-native:network:SecurityRule";
    public const string AzureSecurityGroup = "azure:network/networkSecurityGroup:NetworkSecurityGroup";
    public const string AzureSecurityRule = "azure:network/networkSecurityRule:NetworkSecurityRule";

    /// <summary>Every resource type that carries inbound rules.</summary>
    public static IReadOnlyList<string> ResourceTypes { get; } =
    [
        AwsSecurityGroup,
        AwsDefaultSecurityGroup,
        AwsSecurityGroupRule,
        AwsIngressRule,
        AzureNativeSecurityGroup,
        AzureNativeSecurityRule,
        AzureSecurityGroup,
        AzureSecurityRule,
    ];

    /// <summary>Runs <paramref name="check"/> on every inbound allow rule of the resource, each guarded so that an unknown in one rule does not hide another.</summary>
    /// <remarks>A resource that is itself an egress, outbound or deny rule is declared not applicable.</remarks>
    public static void ForEach(ResourceContext context, Action<InboundRule> check)
    {
        var properties = context.Properties;
        switch (context.Resource.Type)
        {
            case AwsSecurityGroup or AwsDefaultSecurityGroup:
                AwsGroupRules(context, "ingress", check);
                break;
            case AwsSecurityGroupRule:
                var type = properties.GetShownString("type");
                if (!string.Equals(type?.Value, "ingress", StringComparison.OrdinalIgnoreCase))
                {
                    context.NotApplicable(type is null ? "type is absent: not an ingress rule" : $"type is \"{type}\": only ingress rules admit inbound traffic");
                    return;
                }

                context.Guard(() => check(ReadAwsSecurityGroupRule(properties)));
                break;
            case AwsIngressRule:
                context.Guard(() => check(ReadAwsIngressRule(properties)));
                break;
            case AzureNativeSecurityGroup or AzureSecurityGroup:
                var rules = new List<AzureRule>();
                context.Each(Items(properties, "securityRules"), item => rules.Add(ReadAzureRule(item.Path, Require(item))));
                var denies = rules.Where(r => r is { IsInbound: true, IsAllow: false, Priority: not null, Rule.Ports: not null }).ToArray();
                context.Each(rules.Where(r => r is { IsInbound: true, IsAllow: true }), rule => check(WithoutShadowedSources(rule, denies)));
                break;
            case AzureNativeSecurityRule or AzureSecurityRule:
                var direction = properties.GetShownString("direction");
                var access = properties.GetShownString("access");
                if (!IsInboundAllow(direction?.Value, access?.Value))
                {
                    context.NotApplicable($"direction \"{direction?.Text ?? "(absent)"}\", access \"{access?.Text ?? "(absent)"}\": only inbound allow rules admit traffic");
                    return;
                }

                context.Guard(() => check(ReadAzureRule(string.Empty, properties).Rule));
                break;
            default:
                throw new PolicyDataException("(type)", $"{context.Resource.Type} carries no inbound rules");
        }
    }

    /// <summary>Runs <paramref name="check"/> on every rule of an AWS security group's `ingress` or `egress` list (egress sources are destinations).</summary>
    public static void AwsGroupRules(ResourceContext context, string list, Action<InboundRule> check) =>
        context.Each(Items(context.Properties, list), item => check(ReadAwsGroupRule(item.Path, Require(item))));

    private readonly record struct Item(string Path, PropertyValue Value);

    /// <summary>The items of a list with their own indexes (null items skipped, so paths stay true to the input).</summary>
    private static Item[] Items(PropertyValue properties, string path)
    {
        var list = properties.Known(path);
        if (list is null)
        {
            return [];
        }

        if (list.Kind != ValueKind.Array)
        {
            return [new Item(path, list)];
        }

        return list.Items.Select((value, index) => new Item($"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", value)).Where(item => !item.Value.IsNull).ToArray();
    }

    private static PropertyValue Require(Item item)
    {
        if (item.Value.IsUnknown)
        {
            throw new UnknownValueException(item.Path);
        }

        if (item.Value.Kind != ValueKind.Object)
        {
            throw new PolicyDataException(item.Path, $"expected a rule object, found {item.Value.Kind}");
        }

        return item.Value;
    }

    private static InboundRule ReadAwsGroupRule(string path, PropertyValue rule)
    {
        var reader = new RuleReader(path, rule);
        reader.Sources("cidrBlocks", SourceKind.Cidr);
        reader.Sources("ipv6CidrBlocks", SourceKind.Cidr);
        reader.Sources("prefixListIds", SourceKind.Reference);
        reader.Sources("securityGroups", SourceKind.Reference);
        reader.Self("self");
        return reader.Finish(null, () => AwsPorts(reader, "protocol"));
    }

    private static InboundRule ReadAwsSecurityGroupRule(PropertyValue rule)
    {
        var reader = new RuleReader(string.Empty, rule);
        reader.Sources("cidrBlocks", SourceKind.Cidr);
        reader.Sources("ipv6CidrBlocks", SourceKind.Cidr);
        reader.Sources("prefixListIds", SourceKind.Reference);
        reader.Sources("sourceSecurityGroupId", SourceKind.Reference);
        reader.Self("self");
        return reader.Finish(null, () => AwsPorts(reader, "protocol"));
    }

    private static InboundRule ReadAwsIngressRule(PropertyValue rule)
    {
        var reader = new RuleReader(string.Empty, rule);
        reader.Sources("cidrIpv4", SourceKind.Cidr);
        reader.Sources("cidrIpv6", SourceKind.Cidr);
        reader.Sources("prefixListId", SourceKind.Reference);
        reader.Sources("referencedSecurityGroupId", SourceKind.Reference);
        return reader.Finish(null, () => AwsPorts(reader, "ipProtocol"));
    }

    /// <summary>An Azure rule with its direction, access and priority (lower numbers are evaluated first).</summary>
    private sealed record AzureRule(bool IsInbound, bool IsAllow, double? Priority, InboundRule Rule);

    /// <summary>Reads an Azure rule, allow or deny; reads ARM's `properties.` nesting too.</summary>
    private static AzureRule ReadAzureRule(string path, PropertyValue rule)
    {
        // The SDK input types are flat; an ARM-shaped rule nests the same names under `properties`.
        var nested = rule["direction"] is null && rule["properties"] is { Kind: ValueKind.Object };
        var at = nested ? "properties." : string.Empty;
        var direction = rule.ReadString(Full(path, at + "direction"), at + "direction");
        var access = rule.ReadString(Full(path, at + "access"), at + "access");
        double? priority;
        try
        {
            priority = rule.GetNumber(at + "priority");
        }
        catch (Exception e) when (e is UnknownValueException or PolicyDataException)
        {
            // Without a known priority the rule's place in the order is unknown: it shadows nothing and is shadowed by nothing.
            priority = null;
        }

        var reader = new RuleReader(path, rule);
        reader.Sources(at + "sourceAddressPrefix", SourceKind.AzurePrefix);
        reader.Sources(at + "sourceAddressPrefixes", SourceKind.AzurePrefix);
        reader.ApplicationSecurityGroups(at + "sourceApplicationSecurityGroups");
        reader.Sources(at + "sourceApplicationSecurityGroupIds", SourceKind.Reference);
        var name = path.Length == 0 ? null : reader.Name("name");
        var read = reader.Finish(name, () => AzurePorts(reader, at));
        return new AzureRule(
            string.Equals(direction, "Inbound", StringComparison.OrdinalIgnoreCase),
            string.Equals(access, "Allow", StringComparison.OrdinalIgnoreCase),
            priority,
            read);
    }

    /// <summary>The allow rule without the sources that higher-priority deny rules of the same group already turn away on all of its ports.</summary>
    /// <remarks>A source is dropped only when the denies cover it completely; a partly covered source is judged as written, which can only over-report.</remarks>
    private static InboundRule WithoutShadowedSources(AzureRule allow, IReadOnlyList<AzureRule> denies)
    {
        if (allow.Priority is not { } priority || allow.Rule.Ports is not { } ports)
        {
            return allow.Rule;
        }

        var above = denies.Where(d => d.Priority < priority && CoversPorts(d.Rule.Ports!, ports)).Select(d => d.Rule).ToArray();
        if (above.Length == 0)
        {
            return allow.Rule;
        }

        var deniedSources = above.SelectMany(d => d.Sources).Where(s => !s.IsReference).ToArray();
        var deniesEverything = deniedSources.Any(s => s.Value.Trim() is "*" || string.Equals(s.Value.Trim(), "Any", StringComparison.OrdinalIgnoreCase));
        var denied = new IpRangeUnion(deniedSources.Select(s => s.Block).OfType<IpRange>());
        var bothFamilies = denied.FamiliesCovered().Count() == 2;

        bool Shadowed(RuleSource source)
        {
            if (source.IsReference)
            {
                return deniesEverything;
            }

            if (deniesEverything || bothFamilies)
            {
                return true;
            }

            if (source.Block is { } block)
            {
                return denied.Covers(block);
            }

            // A tag or word (`Internet`, `AzureCloud`) is shadowed by a deny naming the same tag.
            return deniedSources.Any(d => string.Equals(d.Value.Trim(), source.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        return allow.Rule with { Sources = allow.Rule.Sources.Where(s => !Shadowed(s)).ToArray() };
    }

    /// <summary>True when the deny applies to every protocol and port the allow opens.</summary>
    private static bool CoversPorts(RulePorts deny, RulePorts allow)
    {
        if (deny.Protocol.Value.Trim() != "*" && !string.Equals(deny.Protocol.Value.Trim(), allow.Protocol.Value.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return deny.Ranges.Count == 0 && allow.Ranges.Count == 0 ||
               allow.Ranges.All(range => deny.Ranges.Any(d => d.From <= range.From && range.To <= d.To));
    }

    private static string PortsPhrase(PortRange range) =>
        range == PortRange.Every ? "all ports" : range.From == range.To ? $"port {range}" : $"ports {range}";

    /// <summary>The protocol a rule's ports belong to, or null when the rule covers every protocol.</summary>
    private static string? ProtocolKey(RulePorts ports)
    {
        var protocol = ports.Protocol.Value.Trim().ToLowerInvariant();
        if (ports.AllProtocols || protocol is "*" or "-1" or "all")
        {
            return null;
        }

        return protocol switch
        {
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            "132" => "sctp",
            _ => protocol,
        };
    }

    /// <summary>Address sources of several rules that together admit every address of a family on one protocol and port range, though no one of them does.</summary>
    public sealed record CombinedReach(string Family, string PortsText, IReadOnlyList<string> Sources, IReadOnlyList<InboundRule> Rules);

    /// <summary>Judges the rules of one group as a whole: for every protocol and port, the union of the blocks that reach it.</summary>
    /// <remarks>Sources that each admit the whole internet are reported on their own and left out here; rules with unknown ports are left out.</remarks>
    public static IReadOnlyList<CombinedReach> AddingUpToTheInternet(IReadOnlyList<InboundRule> rules)
    {
        var known = rules.Where(r => r.Ports is not null).ToArray();

        // What reaches one port is a subset of what all the rules admit: when even that union covers no whole family (the
        // usual case, private ranges), no port can add up to the internet, and the per-port sweep below is skipped.
        if (!new IpRangeUnion(known.SelectMany(r => r.Sources).Where(s => s.Block is { IsEverything: false }).Select(s => s.Block!.Value)).FamiliesCovered().Any())
        {
            return [];
        }

        var keys = known.Select(r => ProtocolKey(r.Ports!)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            keys.Add("*");
        }

        var found = new List<CombinedReach>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var applicable = known.Where(r => ProtocolKey(r.Ports!) is var k && (k is null || k == key)).ToArray();
            var hasPorts = applicable.Any(r => r.Ports!.Ranges.Count > 0);

            // A protocol without ports (ICMP) is reached as a whole; read it as every port so the sweep below needs no special case.
            IReadOnlyList<PortRange> RangesOf(InboundRule r) => r.Ports!.Ranges.Count == 0 ? [PortRange.Every] : r.Ports.Ranges;
            var bounds = applicable.SelectMany(RangesOf).SelectMany(r => new[] { r.From, r.To + 1 }).Where(b => b <= 65535).Append(65536).Distinct().Order().ToArray();
            for (var i = 0; i < bounds.Length - 1; i++)
            {
                var segment = new PortRange(bounds[i], bounds[i + 1] - 1);
                var reaching = applicable.Where(r => RangesOf(r).Any(range => range.Contains(segment.From))).ToArray();
                var blocks = reaching.SelectMany(r => r.Sources.Where(s => s.Block is { IsEverything: false }).Select(s => (Rule: r, Source: s, Block: s.Block!.Value))).ToArray();
                var union = new IpRangeUnion(blocks.Select(b => b.Block));
                foreach (var family in union.FamiliesCovered())
                {
                    var names = blocks.Where(b => b.Block.Family == family).Select(b => $"{b.Rule.Path}{(b.Rule.Path.Length == 0 ? string.Empty : ".")}{b.Source}").ToArray();
                    if (!seen.Add($"{family}|{string.Join('|', names)}"))
                    {
                        continue;
                    }

                    // The key and the segment's bounds come from the rules' values: a secret among them prints as "[secret]".
                    var shownKey = new Shown(key, applicable.Any(r => r.Ports!.Protocol.IsSecret && ProtocolKey(r.Ports) == key));
                    var portsPhrase = applicable.Any(r => r.Ports!.SecretPorts) ? $"ports {Shown.SecretText}" : PortsPhrase(segment);
                    var portsText = !hasPorts ? $"protocol {shownKey}" : $"{(key == "*" ? "every protocol" : $"protocol {shownKey}")}, {portsPhrase}";
                    var contributing = blocks.Where(b => b.Block.Family == family).Select(b => b.Rule).Distinct().ToArray();
                    found.Add(new CombinedReach(SourceAddress.FamilyName(family), portsText, names, contributing));
                }
            }
        }

        return found;
    }

    private static bool IsInboundAllow(string? direction, string? access) =>
        string.Equals(direction, "Inbound", StringComparison.OrdinalIgnoreCase) && string.Equals(access, "Allow", StringComparison.OrdinalIgnoreCase);

    private static RulePorts AwsPorts(RuleReader reader, string protocolProperty)
    {
        // Protocol is required by the provider; read an absent one as every protocol rather than guess a narrower one.
        var protocol = reader.ShownString(protocolProperty) ?? Shown.Plain("-1");
        switch (protocol.Value.Trim().ToLowerInvariant())
        {
            case "-1" or "all":
                return new RulePorts(protocol, [PortRange.Every], AllProtocols: true);
            case "tcp" or "6" or "udp" or "17" or "sctp" or "132":
                var from = reader.Port("fromPort");
                var to = reader.Port("toPort");

                // -1 (or an absent bound on the standalone rule) means the whole range.
                var first = from is null or < 0 ? 0 : from.Value;
                var last = to is null or < 0 ? 65535 : to.Value;
                if (first > last)
                {
                    throw new PolicyDataException(reader.FullPath("fromPort"), "fromPort is greater than toPort");
                }

                return new RulePorts(protocol, [new PortRange(first, last)], SecretPorts: reader.IsSecret("fromPort") || reader.IsSecret("toPort"));
            default:
                // ICMP, ICMPv6 and other protocol numbers (ESP, GRE) carry no ports.
                return new RulePorts(protocol, []);
        }
    }

    private static RulePorts AzurePorts(RuleReader reader, string at)
    {
        // Protocol is required by the provider; read an absent one as `*` rather than guess a narrower one.
        var protocol = reader.ShownString(at + "protocol") ?? Shown.Plain("*");
        if (protocol.Value.Trim() != "*" && !IsPortProtocol(protocol.Value))
        {
            return new RulePorts(protocol, []);
        }

        var texts = new List<(string Property, string Text)>();
        if (reader.String(at + "destinationPortRange") is { } single)
        {
            texts.Add((at + "destinationPortRange", single));
        }

        var list = reader.Strings(at + "destinationPortRanges");
        texts.AddRange(list.Select((text, i) => ($"{at}destinationPortRanges[{i.ToString(CultureInfo.InvariantCulture)}]", text)));

        // One of the two is required by Azure; read neither as every port rather than as none.
        var ranges = texts.Count == 0 ? [PortRange.Every] : texts.Select(t => ParseAzurePortRange(reader.FullPath(t.Property), t.Text)).ToArray();
        return new RulePorts(protocol, ranges, SecretPorts: reader.IsSecret(at + "destinationPortRange") || reader.IsSecret(at + "destinationPortRanges"));
    }

    private static bool IsPortProtocol(string protocol) =>
        protocol.Trim().Equals("Tcp", StringComparison.OrdinalIgnoreCase) || protocol.Trim().Equals("Udp", StringComparison.OrdinalIgnoreCase);

    private static PortRange ParseAzurePortRange(string path, string text)
    {
        var trimmed = text.Trim();
        if (trimmed == "*")
        {
            return PortRange.Every;
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        var fromText = dash < 0 ? trimmed : trimmed[..dash];
        var toText = dash < 0 ? trimmed : trimmed[(dash + 1)..];
        if (int.TryParse(fromText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var from) &&
            int.TryParse(toText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var to) &&
            from <= to && to <= 65535)
        {
            return new PortRange(from, to);
        }

        throw new PolicyDataException(path, "expected a port, a port range such as 1000-2000, or *");
    }

    private static string Full(string rulePath, string property) => rulePath.Length == 0 ? property : $"{rulePath}.{property}";

    private static string? ReadString(this PropertyValue rule, string fullPath, string property)
    {
        try
        {
            return rule.GetString(property);
        }
        catch (UnknownValueException)
        {
            throw new UnknownValueException(fullPath);
        }
        catch (PolicyDataException e)
        {
            throw new PolicyDataException(fullPath, e.Message);
        }
    }

    /// <summary>Collects one rule's sources and ports, noting unknown values by their full path instead of stopping at the first.</summary>
    private sealed class RuleReader(string path, PropertyValue rule)
    {
        private readonly List<RuleSource> sources = [];
        private readonly List<string> unknownSources = [];

        public string FullPath(string property) => Full(path, property);

        public void Sources(string property, SourceKind kind)
        {
            PropertyValue? value;
            try
            {
                value = rule.Known(property);
            }
            catch (UnknownValueException)
            {
                unknownSources.Add(FullPath(property));
                return;
            }

            if (value is null)
            {
                return;
            }

            if (value.Kind != ValueKind.Array)
            {
                Add(property, value, kind);
                return;
            }

            for (var i = 0; i < value.Items.Count; i++)
            {
                if (!value.Items[i].IsNull)
                {
                    Add($"{property}[{i.ToString(CultureInfo.InvariantCulture)}]", value.Items[i], kind);
                }
            }
        }

        public void Self(string property)
        {
            try
            {
                if (rule.GetBool(property) == true)
                {
                    sources.Add(new RuleSource(property, "the group itself", SourceKind.Reference));
                }
            }
            catch (UnknownValueException)
            {
                // `self` only ever adds the group itself, which no address check looks at.
            }
        }

        public void ApplicationSecurityGroups(string property)
        {
            PropertyValue? value;
            try
            {
                value = rule.Known(property);
            }
            catch (UnknownValueException)
            {
                // Application security groups are references whatever their ids turn out to be.
                return;
            }

            var items = value is null ? [] : value.Kind == ValueKind.Array ? value.Items : [value];
            for (var i = 0; i < items.Count; i++)
            {
                var id = items[i]["id"] is { Kind: ValueKind.String } known ? known.StringValue! : "an application security group";
                sources.Add(new RuleSource($"{property}[{i.ToString(CultureInfo.InvariantCulture)}]", id, SourceKind.Reference, items[i].IsSecret));
            }
        }

        public string? Name(string property)
        {
            var value = rule.Find(property);
            return value is { Kind: ValueKind.String, IsSecret: false } ? value.StringValue : null;
        }

        public string? String(string property) => rule.ReadString(FullPath(property), property);

        /// <summary>The string at <paramref name="property"/> with its secret mark, for values messages print.</summary>
        public Shown? ShownString(string property) => String(property) is { } text ? new Shown(text, IsSecret(property)) : null;

        /// <summary>True when the value at <paramref name="property"/>, or anything in it, is secret.</summary>
        public bool IsSecret(string property) => rule.Find(property) is { } value && (value.IsSecret || value.Items.Any(i => i.IsSecret));

        public IReadOnlyList<string> Strings(string property)
        {
            try
            {
                return rule.GetStrings(property);
            }
            catch (UnknownValueException e)
            {
                throw new UnknownValueException(FullPath(e.PropertyPath));
            }
            catch (PolicyDataException e)
            {
                throw new PolicyDataException(FullPath(e.PropertyPath), "expected a list of port ranges");
            }
        }

        public int? Port(string property)
        {
            double? number;
            try
            {
                number = rule.GetNumber(property);
            }
            catch (UnknownValueException)
            {
                throw new UnknownValueException(FullPath(property));
            }
            catch (PolicyDataException)
            {
                throw new PolicyDataException(FullPath(property), "expected a port number");
            }

            if (number is null)
            {
                return null;
            }

            if (number != Math.Floor(number.Value) || number < -1 || number > 65535)
            {
                throw new PolicyDataException(FullPath(property), "expected a port number between -1 and 65535");
            }

            return (int)number.Value;
        }

        /// <summary>The rule; its ports are null (and their path noted) when the protocol or a port is unknown.</summary>
        public InboundRule Finish(string? name, Func<RulePorts> ports)
        {
            RulePorts? known = null;
            string? unknownPorts = null;
            try
            {
                known = ports();
            }
            catch (UnknownValueException e)
            {
                unknownPorts = e.PropertyPath;
            }

            return new InboundRule(path, name, sources.ToArray(), known, unknownSources.ToArray(), unknownPorts);
        }

        private void Add(string property, PropertyValue value, SourceKind kind)
        {
            switch (value.Kind)
            {
                case ValueKind.Unknown:
                    unknownSources.Add(FullPath(property));
                    break;
                case ValueKind.String or ValueKind.ResourceReference:
                    sources.Add(new RuleSource(property, value.StringValue!, kind, value.IsSecret));
                    break;
                default:
                    throw new PolicyDataException(FullPath(property), $"expected a string, found {value.Kind}");
            }
        }
    }
}

/// <summary>The `allowedCidrs` and `internalServiceTags` parameters that the allowlist and admin-port policies share, with the same defaults.</summary>
public static class AllowlistParameter
{
    public const string Name = "allowedCidrs";

    public const string ServiceTagsName = "internalServiceTags";

    /// <summary>The schema properties, to embed in a policy's ConfigSchema object.</summary>
    public const string Schema = """
        "allowedCidrs": {
          "type": "array",
          "items": { "type": "string" },
          "description": "IPv4 and IPv6 CIDR blocks an inbound rule may admit traffic from (the company's own ranges); /0, or entries that together add up to the whole internet, are refused.",
          "default": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]
        },
        "internalServiceTags": {
          "type": "array",
          "items": { "type": "string" },
          "description": "Azure service tags, besides VirtualNetwork and AzureLoadBalancer, that stand for the company's own networks and count as inside the allowlist; every other tag is public. `*`, `Internet`, `Any`, `AzureCloud` and `AzureCloud.<region>` are refused.",
          "default": []
        }
        """;

    /// <summary>Parsed allowlists by the (immutable) parameters they came from: four policies read them on every resource, and
    /// parsing the CIDR blocks each time was a visible share of a scan's CPU.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PolicyParameters, AddressAllowlist> Parsed = [];

    /// <summary>The configured blocks and tags; entries that do not parse were already refused by <see cref="Validate"/>.</summary>
    public static AddressAllowlist Read(PolicyParameters parameters) =>
        Parsed.GetValue(parameters, static p => new(SourceAddress.ParseAllowlist(p.GetStrings(Name), Name).Ranges, p.GetStrings(ServiceTagsName)));

    /// <summary>One problem per entry that is not a CIDR block or that admits the whole internet, naming its index, and per tag that is everyone's.</summary>
    public static IEnumerable<string> Validate(PolicyParameters parameters) =>
        SourceAddress.ParseAllowlist(parameters.GetStrings(Name), Name).Problems
            .Concat(SourceAddress.ValidateServiceTags(parameters.GetStrings(ServiceTagsName), ServiceTagsName));
}
