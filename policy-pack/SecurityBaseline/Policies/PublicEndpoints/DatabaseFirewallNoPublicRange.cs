using System.Net.Sockets;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Network;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: a database server's firewall rule admits neither the whole internet nor all of Azure, and stays inside `allowedCidrs` when it is set.</summary>
public sealed class DatabaseFirewallNoPublicRange : ResourcePolicy
{
    private const string StartPath = "startIpAddress";
    private const string EndPath = "endIpAddress";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DatabaseFirewallNoPublicRange,
        Title = "Database firewall rules admit only the company's ranges",
        Description = "A SQL, MySQL or PostgreSQL server firewall rule (`startIpAddress`..`endIpAddress`) must not admit the whole internet (0.0.0.0–255.255.255.255), must not be the \"allow Azure services\" rule (0.0.0.0–0.0.0.0), and must lie inside `allowedCidrs` when that is set.",
        Message = "A database firewall rule admits addresses the company does not own.",
        Control = "§1",
        Severity = Severity.Critical,
        ResourceTypes =
        [
            "azure:mssql/firewallRule:FirewallRule",
            "azure:mysql/flexibleServerFirewallRule:FlexibleServerFirewallRule",
            "azure:postgresql/flexibleServerFirewallRule:FlexibleServerFirewallRule",
            "azure-native:sql:FirewallRule",
            "azure-native:dbformysql:FirewallRule",
            "azure-native:dbforpostgresql:FirewallRule",
        ],
        ConfigSchema = $$"""
            {
              {{FirewallIpRules.ParameterSchema}}
            }
            """,
        Help = "Set `startIpAddress` and `endIpAddress` to the company's own public range (inside `allowedCidrs`), or remove the rule and reach the server through a private endpoint or VNet integration. " +
               "Do not use `0.0.0.0`..`0.0.0.0` (\"allow Azure services\"): it admits every Azure customer's addresses, not only the company's.",
        AbsentMeans = "Both addresses are required by the cloud; an absent `startIpAddress` or `endIpAddress` cannot be judged and fails (strict). Absent `allowedCidrs` (empty) means only the whole internet and the all-of-Azure rule are rejected. " +
                      "Each rule is judged alone: several rules of one server that together cover the internet are not added up.",
        Tags = ["network", "database", "firewall", "sql", "mysql", "postgresql"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters) => FirewallIpRules.Validate(parameters);

    public override void Evaluate(ResourceContext context)
    {
        var start = Address(context, StartPath);
        var end = Address(context, EndPath);
        if (start is null || end is null)
        {
            return;
        }

        if (start.Value.First > end.Value.First)
        {
            throw new PolicyDataException(StartPath, "startIpAddress is greater than endIpAddress");
        }

        var shown = $"{StartPath} {context.Properties.Known(StartPath)!.Describe()} to {EndPath} {context.Properties.Known(EndPath)!.Describe()}";
        if (start.Value.First == 0 && end.Value.First == 0)
        {
            context.Report($"{shown} is the \"allow Azure services\" rule: it admits every Azure customer's addresses, not only the company's.");
            return;
        }

        if (start.Value.First == 0 && end.Value.First == IpRangeUnion.MaxAddress(AddressFamily.InterNetwork))
        {
            context.Report($"{shown} admits the whole internet.");
            return;
        }

        var allowlist = FirewallIpRules.Allowlist(context.Parameters, out var isSet);
        if (isSet && !allowlist.Covers(AddressFamily.InterNetwork, start.Value.First, end.Value.First))
        {
            context.Report($"{shown} is wider than the allowlist: some of its addresses are outside the allowed ranges ({FirewallIpRules.ParameterName}).");
        }
    }

    /// <summary>The single address at <paramref name="path"/>; reports an absent one and returns null.</summary>
    private static IpRange? Address(ResourceContext context, string path)
    {
        var text = context.Properties.GetString(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Report($"{path} is absent: the rule cannot be judged, and the cloud requires it.");
            return null;
        }

        if (!IpRange.TryParse(text, out var address) || address.IsIPv6 || address.PrefixLength != 32)
        {
            throw new PolicyDataException(path, "expected an IPv4 address");
        }

        return address;
    }
}
