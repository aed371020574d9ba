using System.Globalization;
using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Network;

/// <summary>§1: administration and database ports are reachable only from inside the IP allowlist.</summary>
public sealed class AdminPortsNotPublic : ResourcePolicy
{
    internal const string AdminPortsParameter = "adminPorts";

    /// <summary>The `adminPorts` schema property, shared with the network ACL policy so both read the same list.</summary>
    internal const string AdminPortsSchema = """
        "adminPorts": {
          "type": "array",
          "items": { "type": "integer", "minimum": 0, "maximum": 65535 },
          "description": "Ports that must never be reachable from outside the allowlist.",
          "default": [22, 3389, 1433, 1521, 3306, 5432, 5439, 6379, 9200, 11211, 27017]
        }
        """;

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.NetworkAdminPortsNotPublic,
        Title = "Admin and database ports are never public",
        Description = "No inbound rule may open an administration or database port (`adminPorts`: SSH, RDP, SQL Server, Oracle, MySQL, PostgreSQL, Redshift, Redis, Elasticsearch, Memcached, MongoDB) to a source outside the allowlist (`allowedCidrs`).",
        Message = "An inbound rule opens an admin or database port to addresses outside the IP allowlist.",
        Control = "§1",
        Severity = Severity.Critical,
        ResourceTypes = InboundRules.ResourceTypes,
        ConfigSchema = $$"""
            {
              {{AdminPortsSchema}},
              {{AllowlistParameter.Schema}}
            }
            """,
        Help = "Reach admin and database ports through a bastion, VPN, SSM Session Manager or Azure Bastion: remove the port from the rule (`fromPort`/`toPort`, `destinationPortRange`/`destinationPortRanges`), or narrow the source (`cidrBlocks`, `ipv6CidrBlocks`, `cidrIpv4`, `cidrIpv6`, `sourceAddressPrefix`, `sourceAddressPrefixes`) to a block inside `allowedCidrs`, or reference a security group. Never use AWS protocol `-1` or an Azure port range `*` with an outside source.",
        AbsentMeans = "AWS protocol `-1`/`all` opens every port whatever `fromPort`/`toPort` say; absent `fromPort`/`toPort` on a TCP/UDP rule, an absent Azure `protocol` and absent Azure `destinationPortRange` and `destinationPortRanges` are read as every port (the provider requires them). ICMP, ESP and AH open no ports. Security group and prefix list references are not addresses and pass; Azure service tags pass only when they are `VirtualNetwork`, `AzureLoadBalancer` or listed in `internalServiceTags`. An NSG Allow that higher-priority Deny rules of the same group cover on all its ports is unreachable and passes. Absent `adminPorts` and `allowedCidrs` mean the defaults of the schema.",
        Tags = ["network", "security-group", "nsg", "ingress", "ssh", "rdp", "database"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters) => AllowlistParameter.Validate(parameters);

    public override void Evaluate(ResourceContext context)
    {
        var allowlist = AllowlistParameter.Read(context.Parameters);
        var adminPorts = context.Parameters.GetInts(AdminPortsParameter).Distinct().Order().ToArray();
        InboundRules.ForEach(context, rule =>
        {
            var outside = rule.Sources.Where(s => !s.IsInside(allowlist)).ToArray();
            if (outside.Length == 0 && rule.UnknownSources.Count == 0)
            {
                return;
            }

            var ports = rule.RequireKnownPorts();
            var opened = adminPorts.Where(ports.Opens).ToArray();
            if (opened.Length == 0)
            {
                return;
            }

            if (outside.Length > 0)
            {
                var list = string.Join(", ", opened.Select(p => p.ToString(CultureInfo.InvariantCulture)));
                var plural = opened.Length > 1;
                context.Report($"{rule.Prefix}admin port{(plural ? "s" : string.Empty)} {list} {(plural ? "are" : "is")} open to {string.Join(", ", outside.Select(s => s.ToString()))}, outside the allowlist ({AllowlistParameter.Name}), by {ports}.");
            }

            rule.RequireKnownSources();
        });
    }
}
