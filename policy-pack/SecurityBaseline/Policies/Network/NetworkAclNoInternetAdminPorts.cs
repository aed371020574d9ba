using System.Globalization;
using System.Net.Sockets;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Network;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: a network ACL never lets the whole internet reach an administration or database port.</summary>
/// <remarks>A NACL is judged as AWS evaluates it: entries in rule-number order, the first match decides, anything unmatched is denied.</remarks>
public sealed class NetworkAclNoInternetAdminPorts : ResourcePolicy
{
    private const string Acl = "aws:ec2/networkAcl:NetworkAcl";
    private const string AclRule = "aws:ec2/networkAclRule:NetworkAclRule";
    private static readonly string[] PortProtocols = ["tcp", "udp"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.NetworkAclNoInternetAdminPorts,
        Title = "Network ACLs keep admin and database ports from the internet",
        Description = "The inbound entries of a network ACL must not let every IPv4 or every IPv6 address reach an administration or database port (`adminPorts`), through one entry or several that add up; AWS protocol `-1` opens every port.",
        Message = "A network ACL lets the whole internet reach an admin or database port.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = [Acl, AclRule],
        ConfigSchema = $$"""
            {
              {{AdminPortsNotPublic.AdminPortsSchema}}
            }
            """,
        Help = "Give the admin port an inbound `deny` entry with a lower rule number (`ruleNo` / `ruleNumber`) than the open `allow`, or narrow the allow entry's `cidrBlock` / `ipv6CidrBlock` to the company's ranges, or its `fromPort`/`toPort` to the service ports (443, and 32768-65535 for return traffic: the usual 1024-65535 includes 1433, 3306, 3389 and 5432 unless lower-numbered deny entries close them); never allow protocol `-1` from `0.0.0.0/0` or `::/0`.",
        AbsentMeans = "Absent `ingress` means no inbound entry: everything is denied, compliant. `aws:ec2/networkAclRule`: absent `egress` means false (the provider's default: an inbound rule); egress and deny rules are not applicable; absent `fromPort`/`toPort` on a TCP/UDP rule are read as every port. " +
                      "A standalone rule is judged alone: deny rules declared in other `networkAclRule` resources are not joined. In a `networkAcl`, an entry unknown during preview makes the whole ACL unknown, because order decides.",
        Tags = ["network", "nacl", "ingress", "ssh", "rdp", "database"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var adminPorts = context.Parameters.GetInts(AdminPortsNotPublic.AdminPortsParameter).Distinct().Order().ToArray();
        if (context.Resource.Type == AclRule)
        {
            EvaluateRule(context, adminPorts);
            return;
        }

        var entries = ReadEntries(context);
        if (entries is null)
        {
            return;
        }

        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            var reached = new List<string>();
            var through = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var port in adminPorts)
            {
                foreach (var protocol in PortProtocols)
                {
                    var matching = entries.Where(e => e.Block.Family == family && e.Matches(protocol, port)).ToArray();
                    if (LetsEveryoneIn(matching))
                    {
                        reached.Add($"{port.ToString(CultureInfo.InvariantCulture)}/{protocol}");
                        through.UnionWith(matching.Where(e => e.IsAllow).Select(e => e.ToString()));
                    }
                }
            }

            if (reached.Count > 0)
            {
                context.Report($"{string.Join(", ", through)} let the whole {SourceAddress.FamilyName(family)} internet reach admin port{(reached.Count > 1 ? "s" : string.Empty)} {string.Join(", ", reached)}.");
            }
        }
    }

    /// <summary>True when every address's first matching entry allows it: every address is matched, and each deny is preceded by allows covering all of it.</summary>
    private static bool LetsEveryoneIn(IReadOnlyList<AclEntry> matching)
    {
        if (matching.Count == 0 || !new IpRangeUnion(matching.Select(e => e.Block)).CoversEverything(matching[0].Block.Family))
        {
            return false;
        }

        return matching.Where(e => !e.IsAllow).All(deny =>
            new IpRangeUnion(matching.Where(e => e.IsAllow && e.Number < deny.Number).Select(e => e.Block)).Covers(deny.Block));
    }

    /// <summary>The inbound entries, or null (with the unknown paths recorded) when any is unknown during preview.</summary>
    private static List<AclEntry>? ReadEntries(ResourceContext context)
    {
        var list = context.Properties.Known("ingress");
        if (list is null)
        {
            return [];
        }

        if (list.Kind != ValueKind.Array)
        {
            throw new PolicyDataException("ingress", $"expected a list, found {list.Kind}");
        }

        var entries = new List<AclEntry>();
        var complete = true;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"ingress[{i.ToString(CultureInfo.InvariantCulture)}]";
            try
            {
                if (list.Items[i].IsUnknown)
                {
                    throw new UnknownValueException(path);
                }

                if (!list.Items[i].IsNull)
                {
                    entries.Add(ReadEntry(path, list.Items[i], "action", "ruleNo"));
                }
            }
            catch (UnknownValueException e)
            {
                complete = false;
                context.RecordUnknown(e.PropertyPath.StartsWith(path, StringComparison.Ordinal) ? e.PropertyPath : $"{path}.{e.PropertyPath}");
            }
        }

        return complete ? entries : null;
    }

    private static void EvaluateRule(ResourceContext context, IReadOnlyList<int> adminPorts)
    {
        if (context.Properties.GetBool("egress") == true)
        {
            context.NotApplicable("egress is true: only inbound rules admit traffic");
            return;
        }

        var entry = ReadEntry(string.Empty, context.Properties, "ruleAction", "ruleNumber");
        if (!entry.IsAllow)
        {
            context.NotApplicable("ruleAction is deny: only allow rules admit traffic");
            return;
        }

        if (!entry.Block.IsEverything)
        {
            return;
        }

        var reached = adminPorts.SelectMany(port => PortProtocols.Where(p => entry.Matches(p, port)).Select(p => $"{port.ToString(CultureInfo.InvariantCulture)}/{p}")).ToArray();
        if (reached.Length > 0)
        {
            context.Report($"{entry} lets the whole {SourceAddress.FamilyName(entry.Block.Family)} internet reach admin port{(reached.Length > 1 ? "s" : string.Empty)} {string.Join(", ", reached)}.");
        }
    }

    private static AclEntry ReadEntry(string path, PropertyValue entry, string actionProperty, string numberProperty)
    {
        string At(string property) => path.Length == 0 ? property : $"{path}.{property}";
        T Read<T>(string property, Func<string, T> read)
        {
            try
            {
                return read(property);
            }
            catch (UnknownValueException)
            {
                throw new UnknownValueException(At(property));
            }
            catch (PolicyDataException e)
            {
                throw new PolicyDataException(At(property), e.Message);
            }
        }

        var action = Read(actionProperty, entry.GetString) ?? throw new PolicyDataException(At(actionProperty), "the provider requires the action");
        var number = Read(numberProperty, entry.GetNumber) ?? throw new PolicyDataException(At(numberProperty), "the provider requires the rule number");
        var protocol = (Read("protocol", entry.GetString) ?? throw new PolicyDataException(At("protocol"), "the provider requires the protocol")).Trim().ToLowerInvariant();
        var source = Read("cidrBlock", entry.GetString) is { Length: > 0 } v4 ? ("cidrBlock", v4)
            : Read("ipv6CidrBlock", entry.GetString) is { Length: > 0 } v6 ? ("ipv6CidrBlock", v6)
            : throw new PolicyDataException(At("cidrBlock"), "an entry needs `cidrBlock` or `ipv6CidrBlock`");
        if (!IpRange.TryParse(source.Item2, out var block))
        {
            throw new PolicyDataException(At(source.Item1), "expected a CIDR block");
        }

        var key = protocol switch
        {
            "-1" or "all" => "all",
            "6" or "tcp" => "tcp",
            "17" or "udp" => "udp",
            _ => protocol,
        };

        // Absent ports on a TCP/UDP rule are read as every port rather than guessed narrower.
        var from = Read("fromPort", entry.GetNumber) is { } f and >= 0 ? (int)f : 0;
        var to = Read("toPort", entry.GetNumber) is { } t and >= 0 ? (int)t : 65535;
        // The name quotes the rule's own values; each prints through its secret mark.
        var shown = entry.Find(source.Item1)?.Describe() ?? source.Item2;
        var shownNumber = Shown.Number(number, entry.Find(numberProperty)?.IsSecret == true);
        var shownAction = new Shown(action.ToLowerInvariant(), entry.Find(actionProperty)?.IsSecret == true);
        var name = $"{(path.Length == 0 ? "rule" : path)} (rule {shownNumber}, {shownAction} {source.Item1} = {shown})";
        return new AclEntry(name, string.Equals(action.Trim(), "allow", StringComparison.OrdinalIgnoreCase), number, key, new PortRange(from, to), block);
    }

    /// <summary>One inbound entry of a NACL; <see cref="Protocol"/> is `all`, `tcp`, `udp` or another protocol, which opens no admin port.</summary>
    private sealed record AclEntry(string Name, bool IsAllow, double Number, string Protocol, PortRange Ports, IpRange Block)
    {
        public bool Matches(string protocol, int port) => Protocol == "all" || (Protocol == protocol && Ports.Contains(port));

        public override string ToString() => Name;
    }
}
