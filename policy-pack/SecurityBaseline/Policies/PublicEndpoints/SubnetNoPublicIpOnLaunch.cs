using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: subnets do not hand out public addresses to what launches in them, except the subnets designated public.</summary>
public sealed class SubnetNoPublicIpOnLaunch : ResourcePolicy
{
    private const string PublicSubnetsParameter = "publicSubnets";
    private const string Ipv6Parameter = "ipv6AddressesArePublic";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.SubnetNoPublicIpOnLaunch,
        Title = "Subnets assign no public IPs on launch",
        Description = "VPC subnets must not give instances public IP addresses on launch unless the subnet is designated public in the configuration.",
        Message = "The subnet gives every instance launched in it a public IP address.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes = ["aws:ec2/subnet:Subnet"],
        ConfigSchema =
            """
            {
              "publicSubnets": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "default": [],
                "description": "Subnets allowed to assign public IPs (for load balancers or NAT gateways): Pulumi resource names or `tags.Name` values; a trailing `*` matches any suffix (e.g. `public-*`)."
              },
              "ipv6AddressesArePublic": {
                "type": "boolean",
                "default": true,
                "description": "Treat `assignIpv6AddressOnCreation: true` as a public address (AWS IPv6 addresses are globally unique and public by default). Set false only when every IPv6 route to the internet goes through an egress-only internet gateway."
              }
            }
            """,
        Help = "Set `mapPublicIpOnLaunch: false` (and `assignIpv6AddressOnCreation: false`) on workload subnets; keep public subnets for load balancers and NAT gateways only " +
               "and list them in the policy's `publicSubnets` parameter (resource name or `tags.Name`, trailing `*` allowed).",
        AbsentMeans = "`mapPublicIpOnLaunch` and `assignIpv6AddressOnCreation` absent mean false (the AWS and provider default), which is compliant.",
        Tags = ["network", "public-ip", "subnet"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters)
    {
        var patterns = parameters.GetStrings(PublicSubnetsParameter);
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != patterns[i].Length - 1)
            {
                yield return $"{PublicSubnetsParameter}[{i}] may use `*` only as its last character";
            }
            else if (patterns[i] == "*")
            {
                yield return $"{PublicSubnetsParameter}[{i}] matches every subnet; name the public subnets instead";
            }
        }
    }

    public override void Evaluate(ResourceContext context)
    {
        var problems = new List<string>();
        context.Guard(() =>
        {
            if (context.Properties.GetBool("mapPublicIpOnLaunch") == true)
            {
                problems.Add("mapPublicIpOnLaunch is true: every instance launched in the subnet gets a public IPv4 address.");
            }
        });
        context.Guard(() =>
        {
            if (context.Parameters.GetBool(Ipv6Parameter, fallback: true) && context.Properties.GetBool("assignIpv6AddressOnCreation") == true)
            {
                problems.Add("assignIpv6AddressOnCreation is true: every network interface in the subnet gets a globally routable IPv6 address.");
            }
        });

        if (problems.Count == 0 || IsDesignatedPublic(context))
        {
            return;
        }

        foreach (var problem in problems)
        {
            context.Report($"{problem} The subnet is not listed in {PublicSubnetsParameter}.");
        }
    }

    private static bool IsDesignatedPublic(ResourceContext context)
    {
        var patterns = context.Parameters.GetStrings(PublicSubnetsParameter);
        if (patterns.Count == 0)
        {
            return false;
        }

        // The resource name is always known, so it is tried first: a match there needs no look at tags that may be unknown.
        if (patterns.Any(p => Matches(p, context.Resource.Name)))
        {
            return true;
        }

        var tagName = context.Properties.GetString("tags.Name");
        return tagName is not null && patterns.Any(p => Matches(p, tagName));
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);
}
