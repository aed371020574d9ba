using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyPack.Sdk.Network;

namespace Baseline.Settings;

/// <summary>The settings of the reference stacks, read from stack config and validated before any resource is declared.</summary>
public sealed partial record StackSettings
{
    /// <summary>The Pulumi project name; its config keys are written `baseline:key` in `Pulumi.&lt;stack&gt;.yaml`.</summary>
    public const string ProjectName = "baseline";

    public required string Environment { get; init; }

    /// <summary>Production turns on what costs money or slows teardown: deletion protection, one NAT gateway per zone, at least two zones.</summary>
    public bool IsProduction => Environment == "prod";
    public required string AwsRegion { get; init; }

    /// <summary>The ARN partition of the region (`aws`, `aws-cn`, `aws-us-gov`).</summary>
    public string AwsPartition => AwsRegion.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : AwsRegion.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
    public required string AzureLocation { get; init; }

    /// <summary>
    /// The company's own address ranges that the stack admits from outside (§1): `security-baseline:allowedCidrs` without the
    /// blocks inside <see cref="VpcCidr"/> (those are listed for the pack, which must accept traffic within the VPC, but a load
    /// balancer or a cloud firewall has no use for them, and Azure firewalls refuse private ranges).
    /// </summary>
    public required IReadOnlyList<IpRange> Allowlist { get; init; }
    public IReadOnlyList<string> AllowlistIPv4 => Allowlist.Where(r => !r.IsIPv6).Select(r => r.ToString()).ToArray();
    public IReadOnlyList<string> AllowlistIPv6 => Allowlist.Where(r => r.IsIPv6).Select(r => r.ToString()).ToArray();

    /// <summary>
    /// The IPv4 allowlist as the Azure Storage firewall (`networkRuleSet.ipRules`) accepts it: single addresses or CIDR
    /// /0–/30 only. A /32 becomes its one address and a /31 its two addresses, so the admitted set stays exactly the allowlist.
    /// </summary>
    public IReadOnlyList<string> StorageFirewallIPv4 => Allowlist.Where(r => !r.IsIPv6).SelectMany(StorageFirewallEntries).ToArray();

    /// <summary>
    /// The Azure storage account's name (3–24 characters, lowercase letters and digits, globally unique):
    /// `baseline:storageAccountName` when set (validated, never rewritten); null when the environment is short lowercase
    /// letters and digits, so Pulumi auto-names the account from `st{environment}baseline` as before (an existing stack keeps
    /// its account); otherwise derived from the environment by <see cref="DeriveStorageAccountName"/>.
    /// </summary>
    public required string? StorageAccountName { get; init; }

    /// <summary>The ACM certificate of the HTTPS listener, in the stack's region.</summary>
    public required string CertificateArn { get; init; }
    public required int ZoneCount { get; init; }
    public required IpRange VpcCidr { get; init; }
    public required IReadOnlyList<ZoneSubnets> Subnets { get; init; }
    public required IpRange AzureVnetCidr { get; init; }

    /// <summary>The Azure subnets by name (`web`, `app`), carved from the VNet range.</summary>
    public required IReadOnlyList<(string Name, IpRange Range)> AzureSubnets { get; init; }
    public required int LogRetentionDays { get; init; }
    public required bool NatGatewayPerZone { get; init; }

    /// <summary>The port the workloads behind the load balancer serve TLS on.</summary>
    public required int AppPort { get; init; }
    public required bool DeletionProtection { get; init; }

    /// <summary>
    /// Whether the stack holds the account- and subscription-wide security services: the unused-access analyzer, GuardDuty,
    /// the AWS Config recorder and the Defender for Cloud plans (`baseline:accountSecurityServices`, default true). Each
    /// exists once per account, region or subscription: turn it off for a second stack in the same account, or where the
    /// landing zone's security stack holds them; the pack then reports their advisories, which that stack's waivers cover.
    /// </summary>
    public required bool AccountSecurityServices { get; init; }

    /// <summary>Days without use after which IAM Access Analyzer lists a role, key or permission as unused (`baseline:unusedAccessAgeDays`, 1–90).</summary>
    public required int UnusedAccessAgeDays { get; init; }

    /// <summary>The Defender for Cloud plans set to Standard (`baseline:defenderPlans`, default <see cref="SecurityDefaults.DefenderPlans"/>).</summary>
    public required IReadOnlyList<string> DefenderPlans { get; init; }

    /// <summary>
    /// Retention of the Log Analytics workspace that receives the Azure diagnostic logs: the stack's retention, capped at what
    /// the workspace keeps interactively (a longer <see cref="LogRetentionDays"/> still applies in full to CloudWatch).
    /// </summary>
    public int AzureLogRetentionDays => Math.Min(LogRetentionDays, SecurityDefaults.LogAnalyticsMaximumRetentionDays);

    /// <summary>The name of the AWS Config recorder and its delivery channel (one of each per account and region).</summary>
    public string ConfigRecorderName => $"{NamePrefix}-recorder";

    /// <summary>Prefix of logical names, so two stacks of the project in one account stay apart.</summary>
    public string NamePrefix => $"{ProjectName}-{Environment}";

    /// <summary>The CloudTrail trail's name; fixed so the key and bucket policies can name the trail before it exists.</summary>
    public string TrailName => $"{NamePrefix}-trail";

    public IReadOnlyDictionary<string, string> Tags => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["environment"] = Environment,
        ["managed-by"] = "pulumi",
        ["project"] = ProjectName,
    };

    /// <summary>Reads and validates every setting; throws <see cref="StackSettingsException"/> listing all problems at once.</summary>
    public static StackSettings Load(IConfigLookup config, string stackName)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<string>();
        var environment = config.Read("environment") is { Length: > 0 } env ? env : stackName;
        var isProduction = environment == "prod";

        var region = Required(config, "aws:region", problems);
        if (region is not null && !AwsRegionPattern().IsMatch(region))
        {
            problems.Add($"aws:region \"{region}\" is not an AWS region name such as ap-northeast-1");
        }

        var location = Required(config, "azure-native:location", problems);

        var allowlist = ReadAllowlist(config, problems);

        var certificate = Required(config, "certificateArn", problems);
        if (certificate is not null)
        {
            var match = CertificateArnPattern().Match(certificate);
            if (!match.Success)
            {
                problems.Add($"certificateArn \"{certificate}\" is not an ACM certificate ARN (arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>)");
            }
            else if (region is not null && match.Groups["region"].Value != region)
            {
                problems.Add($"certificateArn is in region {match.Groups["region"].Value} but the load balancer is in {region}; ACM certificates are regional");
            }
        }

        var zoneCount = ReadInt(config, "zoneCount", isProduction ? 3 : 2, problems);
        if (zoneCount < 1 || zoneCount > 6)
        {
            problems.Add($"zoneCount {zoneCount} is outside 1..6");
        }
        else if (isProduction && zoneCount < 2)
        {
            problems.Add($"zoneCount {zoneCount}: production needs at least two availability zones");
        }

        var vpc = ReadRange(config, "vpcCidr", "10.40.0.0/16", problems);
        var vnet = ReadRange(config, "azureVnetCidr", "10.50.0.0/16", problems);
        IReadOnlyList<ZoneSubnets> subnets = [];
        IReadOnlyList<(string, IpRange)> azureSubnets = [];
        if (vpc is { } vpcRange && zoneCount is >= 1 and <= 6)
        {
            subnets = PlanSubnets(config, vpcRange, zoneCount, problems);
        }

        if (vnet is { } vnetRange)
        {
            azureSubnets = PlanAzureSubnets(vnetRange, problems);
        }

        var retention = ReadInt(config, "logRetentionDays", SecurityDefaults.MinimumLogRetentionDays, problems);
        if (!SecurityDefaults.CloudWatchRetentionDays.Contains(retention))
        {
            problems.Add($"logRetentionDays {retention} is not a value CloudWatch Logs accepts ({string.Join(", ", SecurityDefaults.CloudWatchRetentionDays)})");
        }
        else if (retention < SecurityDefaults.MinimumLogRetentionDays)
        {
            problems.Add($"logRetentionDays {retention} is shorter than the {SecurityDefaults.MinimumLogRetentionDays} days of evidence the security policy keeps (§9)");
        }

        var appPort = ReadInt(config, "appPort", 8443, problems);
        if (appPort is < 1 or > 65535)
        {
            problems.Add($"appPort {appPort} is not a TCP port");
        }

        var deletionProtection = ReadBool(config, "deletionProtection", isProduction, problems);
        if (isProduction && !deletionProtection)
        {
            problems.Add("deletionProtection cannot be turned off in prod");
        }

        var natPerZone = ReadBool(config, "natGatewayPerZone", isProduction, problems);

        var storageAccountName = ReadStorageAccountName(config, environment, problems);

        var accountServices = ReadBool(config, "accountSecurityServices", true, problems);
        var unusedAccessAge = ReadInt(config, "unusedAccessAgeDays", SecurityDefaults.MaximumUnusedAccessAgeDays, problems);
        if (unusedAccessAge < 1 || unusedAccessAge > SecurityDefaults.MaximumUnusedAccessAgeDays)
        {
            problems.Add($"unusedAccessAgeDays {unusedAccessAge} is outside 1..{SecurityDefaults.MaximumUnusedAccessAgeDays}: the quarterly access review (§2) needs access unused for a quarter listed by then");
        }

        var defenderPlans = ReadDefenderPlans(config, problems);

        if (problems.Count > 0)
        {
            throw new StackSettingsException(problems);
        }

        return new StackSettings
        {
            Environment = environment,
            AwsRegion = region!,
            AzureLocation = location!,
            Allowlist = allowlist.Where(r => !vpc!.Value.Contains(r)).ToArray(),
            CertificateArn = certificate!,
            ZoneCount = zoneCount,
            VpcCidr = vpc!.Value,
            Subnets = subnets,
            AzureVnetCidr = vnet!.Value,
            AzureSubnets = azureSubnets,
            LogRetentionDays = retention,
            NatGatewayPerZone = natPerZone,
            AppPort = appPort,
            DeletionProtection = deletionProtection,
            StorageAccountName = storageAccountName,
            AccountSecurityServices = accountServices,
            UnusedAccessAgeDays = unusedAccessAge,
            DefenderPlans = defenderPlans,
        };
    }

    /// <summary>The stack config key that names the storage account explicitly, for when the derived name is taken elsewhere in Azure.</summary>
    public const string StorageAccountNameKey = "storageAccountName";

    /// <summary>The longest part of the environment kept in a derived storage account name: `st` + 14 + an 8-character suffix = 24.</summary>
    private const int StorageNameEnvironmentLength = 14;

    /// <summary>
    /// A valid storage account name for <paramref name="environment"/>, the same on every run: `st`, the environment's
    /// lowercase letters and digits (other characters dropped, cut to 14), then 8 hex digits of SHA-256 over the project
    /// and the environment as written, so environments that differ only in dropped characters (`dev-1`, `dev1`) or past
    /// the cut get different names.
    /// </summary>
    public static string DeriveStorageAccountName(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var kept = new string(environment.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')).ToArray());
        if (kept.Length > StorageNameEnvironmentLength)
        {
            kept = kept[..StorageNameEnvironmentLength];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ProjectName}/{environment}"));
        return $"st{kept}{Convert.ToHexStringLower(hash)[..8]}";
    }

    /// <summary>Environments for which `st{environment}baseline` plus Pulumi's 8-character suffix is a valid storage account name.</summary>
    private static string? ReadStorageAccountName(IConfigLookup config, string environment, List<string> problems)
    {
        var explicitName = config.Read(StorageAccountNameKey);
        if (explicitName is null)
        {
            // Auto-naming appends 8 characters to the logical name: it stays valid only for a short plain environment.
            return AutoNamedEnvironmentPattern().IsMatch(environment) ? null : DeriveStorageAccountName(environment);
        }

        // An explicit name is the operator's choice: refuse it rather than rewrite it into a name they did not write.
        if (!StorageAccountNamePattern().IsMatch(explicitName))
        {
            problems.Add($"{StorageAccountNameKey} \"{explicitName}\" is not an Azure storage account name: 3–24 characters, lowercase letters and digits only");
        }

        return explicitName;
    }

    /// <summary>The firewall entries admitting exactly <paramref name="range"/>: Azure Storage refuses /31 and /32 CIDR rules.</summary>
    private static IEnumerable<string> StorageFirewallEntries(IpRange range)
    {
        if (range.PrefixLength < 31)
        {
            return [range.ToString()];
        }

        var addresses = new List<string>();
        for (var address = range.First; address <= range.Last; address++)
        {
            var text = new IpRange(range.Family, address, address, 32).ToString();
            addresses.Add(text[..text.IndexOf('/', StringComparison.Ordinal)]);
        }

        return addresses;
    }

    /// <summary>A list setting, written in YAML as a list (it then arrives as JSON text) or as one comma-separated string.</summary>
    internal static IReadOnlyList<string>? ReadList(IConfigLookup config, string key, List<string> problems)
    {
        var text = config.Read(key);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (!trimmed.StartsWith('['))
        {
            return trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var items = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{key}[{items.Count}] must be a string, found {item.ValueKind}");
                    return null;
                }

                items.Add(item.GetString()!);
            }

            return items;
        }
        catch (JsonException)
        {
            problems.Add($"{key} is neither a YAML list nor a comma-separated string");
            return null;
        }
    }

    /// <summary>`baseline:defenderPlans`: known plan names, each once, at least one (Defender's Standard tier is what raises alerts).</summary>
    private static IReadOnlyList<string> ReadDefenderPlans(IConfigLookup config, List<string> problems)
    {
        var plans = ReadList(config, "defenderPlans", problems);
        if (plans is null)
        {
            return SecurityDefaults.DefenderPlans;
        }

        if (plans.Count == 0)
        {
            problems.Add("defenderPlans is empty: no Defender for Cloud plan would raise alerts (turn accountSecurityServices off instead if the subscription's security stack holds them)");
        }

        for (var i = 0; i < plans.Count; i++)
        {
            if (!SecurityDefaults.KnownDefenderPlans.Contains(plans[i], StringComparer.Ordinal))
            {
                problems.Add($"defenderPlans[{i}] \"{plans[i]}\" is not a Defender for Cloud plan ({string.Join(", ", SecurityDefaults.KnownDefenderPlans)})");
            }
            else if (plans.Take(i).Contains(plans[i], StringComparer.Ordinal))
            {
                problems.Add($"defenderPlans[{i}] \"{plans[i]}\" is listed twice");
            }
        }

        return plans;
    }

    /// <summary>The stack config key of the company allowlist; the security-baseline pack reads the same key, so there is one list.</summary>
    public const string AllowlistKey = "security-baseline:allowedCidrs";

    private static List<IpRange> ReadAllowlist(IConfigLookup config, List<string> problems)
    {
        if (config.Read("allowlist") is not null)
        {
            problems.Add($"baseline:allowlist is no longer read: write the ranges once under {AllowlistKey}, which the policy pack reads too");
        }

        var entries = ReadList(config, AllowlistKey, problems);
        if (entries is null)
        {
            if (config.Read(AllowlistKey) is null)
            {
                problems.Add($"{AllowlistKey} is required: the CIDR blocks allowed to reach the stack (for example 203.0.113.0/24)");
            }

            return [];
        }

        if (entries.Count == 0)
        {
            problems.Add($"{AllowlistKey} is empty: nothing could reach the load balancer");
            return [];
        }

        var (ranges, entryProblems) = SourceAddress.ParseAllowlist(entries, AllowlistKey);
        problems.AddRange(entryProblems);
        var i = 0;
        foreach (var entry in entries)
        {
            if (IpRange.TryParse(entry, out var range) && HasHostBits(entry, range))
            {
                problems.Add($"{AllowlistKey}[{i}] \"{entry}\" has host bits set; write the network address {range}");
            }

            i++;
        }

        problems.AddRange(CidrPlanner.Overlaps(ranges.Select((r, n) => ($"{AllowlistKey}[{n}]", r)).ToArray()));
        return ranges.ToList();
    }

    private static IReadOnlyList<ZoneSubnets> PlanSubnets(IConfigLookup config, IpRange vpc, int zones, List<string> problems)
    {
        var publicList = ReadList(config, "publicSubnetCidrs", problems);
        var privateList = ReadList(config, "privateSubnetCidrs", problems);
        IReadOnlyList<ZoneSubnets> plan;
        if (publicList is null && privateList is null)
        {
            try
            {
                plan = CidrPlanner.PlanZones(vpc, zones);
            }
            catch (ArgumentException e)
            {
                problems.Add($"vpcCidr: {e.Message.Split(" (Parameter", 2)[0]}");
                return [];
            }
        }
        else
        {
            var publics = ParseRanges("publicSubnetCidrs", publicList ?? [], problems);
            var privates = ParseRanges("privateSubnetCidrs", privateList ?? [], problems);
            if (publics.Count != zones || privates.Count != zones)
            {
                problems.Add($"publicSubnetCidrs and privateSubnetCidrs must list one block per zone ({zones}); found {publics.Count} and {privates.Count}");
                return [];
            }

            plan = Enumerable.Range(0, zones).Select(z => new ZoneSubnets(z, publics[z], privates[z])).ToArray();
        }

        var labelled = plan.SelectMany(z => new[] { ($"public subnet {z.Zone}", z.Public), ($"private subnet {z.Zone}", z.Private) }).ToArray();
        foreach (var (label, range) in labelled)
        {
            if (!vpc.Contains(range))
            {
                problems.Add($"{label} {range} lies outside vpcCidr {vpc}");
            }
        }

        problems.AddRange(CidrPlanner.Overlaps(labelled));
        return plan;
    }

    private static List<(string, IpRange)> PlanAzureSubnets(IpRange vnet, List<string> problems)
    {
        try
        {
            var blocks = CidrPlanner.Split(vnet, 2);
            return [("web", blocks[0]), ("app", blocks[1])];
        }
        catch (ArgumentException e)
        {
            problems.Add($"azureVnetCidr: {e.Message.Split(" (Parameter", 2)[0]}");
            return [];
        }
    }

    private static List<IpRange> ParseRanges(string key, IReadOnlyList<string> entries, List<string> problems)
    {
        var ranges = new List<IpRange>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (IpRange.TryParse(entries[i], out var range) && !range.IsIPv6)
            {
                ranges.Add(range);
            }
            else
            {
                problems.Add($"{key}[{i}] \"{entries[i]}\" is not an IPv4 CIDR block");
            }
        }

        return ranges;
    }

    private static IpRange? ReadRange(IConfigLookup config, string key, string fallback, List<string> problems)
    {
        var text = config.Read(key) ?? fallback;
        if (!IpRange.TryParse(text, out var range) || !text.Contains('/', StringComparison.Ordinal))
        {
            problems.Add($"{key} \"{text}\" is not a CIDR block");
            return null;
        }

        if (range.IsIPv6)
        {
            problems.Add($"{key} {text} must be an IPv4 block");
            return null;
        }

        if (HasHostBits(text, range))
        {
            problems.Add($"{key} \"{text}\" has host bits set; write the network address {range}");
            return null;
        }

        if (range.PrefixLength < CidrPlanner.LargestVpcPrefix || range.PrefixLength > CidrPlanner.SmallestSubnetPrefix)
        {
            problems.Add($"{key} {text} must be between /{CidrPlanner.LargestVpcPrefix} and /{CidrPlanner.SmallestSubnetPrefix}");
            return null;
        }

        if (!PrivateRanges.Any(p => p.Contains(range)))
        {
            problems.Add($"{key} {text} is not a private (RFC 1918) range");
            return null;
        }

        return range;
    }

    /// <summary>True when the address part of <paramref name="text"/> is not the first address of its block (10.1.2.3/16).</summary>
    private static bool HasHostBits(string text, IpRange range)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && IpRange.TryParse(text[..slash], out var address) && address.First != range.First;
    }

    private static readonly IpRange[] PrivateRanges = [IpRange.Parse("10.0.0.0/8"), IpRange.Parse("172.16.0.0/12"), IpRange.Parse("192.168.0.0/16")];

    private static string? Required(IConfigLookup config, string key, List<string> problems)
    {
        var value = config.Read(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} is required");
            return null;
        }

        return value.Trim();
    }

    private static int ReadInt(IConfigLookup config, string key, int fallback, List<string> problems)
    {
        var text = config.Read(key);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add($"{key} \"{text}\" is not a whole number");
            return fallback;
        }

        return value;
    }

    private static bool ReadBool(IConfigLookup config, string key, bool fallback, List<string> problems)
    {
        var text = config.Read(key);
        if (text is null)
        {
            return fallback;
        }

        if (!bool.TryParse(text.Trim(), out var value))
        {
            problems.Add($"{key} \"{text}\" is neither true nor false");
            return fallback;
        }

        return value;
    }

    [GeneratedRegex(@"^[a-z0-9]{3,24}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StorageAccountNamePattern();

    /// <summary>Environments for which `st{environment}baseline` plus Pulumi's 8-character suffix is a valid storage account name.</summary>
    [GeneratedRegex(@"^[a-z0-9]{1,6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AutoNamedEnvironmentPattern();

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegionPattern();

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:acm:(?<region>[a-z]{2}(-gov)?-[a-z]+-\d):\d{12}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex CertificateArnPattern();
}
