using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicEndpoints;

public sealed partial class ServiceNotPublic
{
    // The helpers here are properties, not fields: the control builds its row table while the type initialises, and field
    // initialisers of partial files run in no set order.

    // azure-native v1 named Cosmos DB's module `documentdb`; v3 keeps `azure-native:documentdb:DatabaseAccount` (and its
    // API-versioned forms, which canonicalise to it) as aliases, so state written by those programs is judged too.
    private static string[] CosmosNativeTokens => ["azure-native:cosmosdb:DatabaseAccount", "azure-native:documentdb:DatabaseAccount"];

    // Subnets Azure reserves for its own gateways and firewalls refuse a network security group.
    private static Condition SubnetTakesNsg => new("name", Must.NotBeOneOf("GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"));

    private static IEnumerable<Requirement> AzureRows =>
    [
        // API Management: `publicNetworkAccessEnabled`/`publicNetworkAccess` govern the management plane only and must be on
        // at creation, so what keeps the gateway off the internet is the internal virtual network mode.
        new()
        {
            Type = "azure:apimanagement/service:Service",
            Path = "virtualNetworkType",
            Expect = Must.BeOneOf("Internal"),
            Absent = AbsentReading.Fails("\"None\" (the provider's default): a public gateway"),
            Problem = "the API gateway and developer portal answer on a public endpoint.",
            Fix = "Set `virtualNetworkType: \"Internal\"` with a `virtualNetworkConfiguration` subnet.",
        },
        new()
        {
            Type = "azure-native:apimanagement:ApiManagementService",
            Path = "virtualNetworkType",
            Expect = Must.BeOneOf("Internal"),
            Absent = AbsentReading.Fails("\"None\" (the SDK's default): a public gateway"),
            Problem = "the API gateway and developer portal answer on a public endpoint.",
            Fix = "Set `virtualNetworkType: \"Internal\"` with a `virtualNetworkConfiguration` subnet.",
        },
        new()
        {
            Type = "azure:appconfiguration/configurationStore:ConfigurationStore",
            Path = "publicNetworkAccess",
            Expect = Must.BeOneOf("Disabled"),
            Absent = AbsentReading.Fails("\"Automatic\" (the provider's default): public until a private endpoint exists"),
            Problem = "the configuration store answers on a public endpoint.",
            Fix = "Set `publicNetworkAccess: \"Disabled\"` and reach the store through a private endpoint.",
        },
        PublicNetworkAccess("azure-native:appconfiguration:ConfigurationStore", "publicNetworkAccess", "the configuration store", "not stated by the SDK, read strictly as public"),
        new()
        {
            Type = "azure:appplatform/springCloudApiPortal:SpringCloudApiPortal",
            Path = "publicNetworkAccessEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (no public endpoint; the classic SDK states no default, the API's is false as azure-native's `properties.public` states)"),
            Problem = "the API portal is exposed on a public endpoint.",
            Fix = "Set `publicNetworkAccessEnabled: false` and reach the portal from the Spring Apps virtual network.",
        },
        new()
        {
            Type = "azure-native:appplatform:ApiPortal",
            Path = "properties.public",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the SDK's default): no public endpoint"),
            Problem = "the API portal is exposed on a public endpoint.",
            Fix = "Set `properties.public: false` and reach the portal from the Spring Apps virtual network.",
        },
        PublicAccessFlag("azure:batch/account:Account", "the Batch account"),
        PublicNetworkAccess("azure-native:batch:BatchAccount", "publicNetworkAccess", "the Batch account", "\"Enabled\" (the SDK's default)"),
        PublicAccessFlag("azure:cognitive/account:Account", "the Cognitive Services account"),
        PublicNetworkAccess("azure-native:cognitiveservices:Account", "properties.publicNetworkAccess", "the Cognitive Services account", "not stated by the SDK, read strictly as public"),

        // A container group's IP is public unless it is placed in a subnet; `None` gives it no IP at all.
        new()
        {
            Type = "azure:containerservice/group:Group",
            Path = "ipAddressType",
            Expect = Must.NotBeOneOf("Public"),
            Absent = AbsentReading.Fails("\"Public\" (the provider's default)"),
            Problem = "the containers' ports are served on a public IP address.",
            Fix = "Set `ipAddressType: \"Private\"` with `subnetIds`, or `\"None\"`, and publish through a gateway.",
        },
        new()
        {
            Type = "azure-native:containerinstance:ContainerGroup",
            Path = "ipAddress.type",
            Expect = Must.BeOneOf("Private"),
            Absent = AbsentReading.Passes("no IP address (a group without `ipAddress` gets none)"),
            Problem = "the containers' ports are served on a public IP address.",
            Fix = "Set `ipAddress.type: \"Private\"` with `subnetIds`, and publish through a gateway.",
        },

        // The Kubernetes API server is private, or public only to authorized ranges: exactly one of the two rows applies.
        new()
        {
            Type = "azure:containerservice/kubernetesCluster:KubernetesCluster",
            Path = "privateClusterEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default): a public API server"),
            Problem = "the Kubernetes API server is reachable from the whole internet.",
            Fix = "Set `privateClusterEnabled: true`, or list the allowed networks in `apiServerAccessProfile.authorizedIpRanges`.",
            When = new Condition("apiServerAccessProfile.authorizedIpRanges", NoItems, WhenAbsent: true),
        },
        new()
        {
            Type = "azure:containerservice/kubernetesCluster:KubernetesCluster",
            Path = "apiServerAccessProfile.authorizedIpRanges",
            Expect = Must.NotContain(OpenRanges),
            Absent = AbsentReading.Fails("no authorized range: the API server is open to all"),
            Problem = "the authorized ranges open the Kubernetes API server to the whole internet.",
            Fix = "List only the company's networks in `apiServerAccessProfile.authorizedIpRanges`, or set `privateClusterEnabled: true`.",
            When = new Condition("apiServerAccessProfile.authorizedIpRanges", Must.BeSet()),
        },
        new()
        {
            Type = "azure-native:containerservice:ManagedCluster",
            Path = "apiServerAccessProfile.enablePrivateCluster",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the API's default): a public API server"),
            Problem = "the Kubernetes API server is reachable from the whole internet.",
            Fix = "Set `apiServerAccessProfile.enablePrivateCluster: true`, or list the allowed networks in `apiServerAccessProfile.authorizedIPRanges`.",
            When = new Condition("apiServerAccessProfile.authorizedIPRanges", NoItems, WhenAbsent: true),
        },
        new()
        {
            Type = "azure-native:containerservice:ManagedCluster",
            Path = "apiServerAccessProfile.authorizedIPRanges",
            Expect = Must.NotContain(OpenRanges),
            Absent = AbsentReading.Fails("no authorized range: the API server is open to all"),
            Problem = "the authorized ranges open the Kubernetes API server to the whole internet.",
            Fix = "List only the company's networks in `apiServerAccessProfile.authorizedIPRanges`, or set `apiServerAccessProfile.enablePrivateCluster: true`.",
            When = new Condition("apiServerAccessProfile.authorizedIPRanges", Must.BeSet()),
        },
        PublicAccessFlag("azure:containerservice/registry:Registry", "the container registry"),
        PublicNetworkAccess("azure-native:containerregistry:Registry", "publicNetworkAccess", "the container registry", "\"Enabled\" (the SDK's default)"),
        PublicAccessFlag("azure:cosmosdb/account:Account", "the Cosmos DB account", "true (the provider's default; the SDK states none, read strictly)"),
        .. CosmosNativeTokens.Select(token => PublicNetworkAccess(token, "publicNetworkAccess", "the Cosmos DB account", "not stated by the SDK, read strictly as public")),
        PublicAccessFlag("azure:databricks/workspace:Workspace", "the Databricks workspace"),
        PublicNetworkAccess("azure-native:databricks:Workspace", "publicNetworkAccess", "the Databricks workspace", "not stated by the SDK, read strictly as public"),
        new()
        {
            Type = "azure:datafactory/factory:Factory",
            Path = "publicNetworkEnabled",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default)"),
            Problem = "the data factory answers on a public endpoint.",
            Fix = "Set `publicNetworkEnabled: false` and reach the factory through a private endpoint.",
        },
        PublicNetworkAccess("azure-native:datafactory:Factory", "publicNetworkAccess", "the data factory", "not stated by the SDK, read strictly as public"),
        PublicAccessFlag("azure:eventgrid/domain:Domain", "the Event Grid domain"),
        PublicNetworkAccess("azure-native:eventgrid:Domain", "publicNetworkAccess", "the Event Grid domain", "\"Enabled\" (the SDK's default)"),
        PublicAccessFlag("azure:eventgrid/topic:Topic", "the Event Grid topic"),
        PublicNetworkAccess("azure-native:eventgrid:Topic", "publicNetworkAccess", "the Event Grid topic", "\"Enabled\" (the SDK's default)"),
        PublicAccessFlag("azure:iot/ioTHub:IoTHub", "the IoT hub", "true (the service's default; the SDK states none, read strictly)"),
        PublicNetworkAccess("azure-native:iothub:IotHubResource", "properties.publicNetworkAccess", "the IoT hub", "not stated by the SDK, read strictly as public"),
        PublicAccessFlag("azure:machinelearning/workspace:Workspace", "the Machine Learning workspace"),
        PublicNetworkAccess("azure-native:machinelearningservices:Workspace", "publicNetworkAccess", "the Machine Learning workspace", "not stated by the SDK, read strictly as public"),
        PublicAccessFlag("azure:search/service:Service", "the search service"),
        PublicNetworkAccess("azure-native:search:Service", "publicNetworkAccess", "the search service", "\"Enabled\" (the SDK's default)"),
        PublicAccessFlag("azure:servicebus/namespace:Namespace", "the Service Bus namespace"),
        PublicNetworkAccess("azure-native:servicebus:Namespace", "publicNetworkAccess", "the Service Bus namespace", "\"Enabled\" (the SDK's default)"),
        PublicAccessFlag("azure:synapse/workspace:Workspace", "the Synapse workspace"),
        PublicNetworkAccess("azure-native:synapse:Workspace", "publicNetworkAccess", "the Synapse workspace", "\"Enabled\" (the SDK's default)"),
        VirtualNetworksOnly("azure:storage/sync:Sync", "\"AllowAllTraffic\" (the provider's default)"),
        VirtualNetworksOnly("azure-native:storagesync:StorageSyncService", "not stated by the SDK, read strictly as \"AllowAllTraffic\""),

        // Threat intelligence is the firewall's filter against known-malicious addresses; "Off" lets them through.
        ThreatIntelligence("azure:network/firewall:Firewall", "threatIntelMode", "\"Alert\" (the provider's default)", passes: true),
        ThreatIntelligence("azure-native:network:AzureFirewall", "threatIntelMode", "not stated by the SDK, read strictly as \"Off\"", passes: false),
        ThreatIntelligence("azure:network/firewallPolicy:FirewallPolicy", "threatIntelligenceMode", "\"Alert\" (the provider's default)", passes: true),
        ThreatIntelligence("azure-native:network:FirewallPolicy", "threatIntelMode", "not stated by the SDK, read strictly as \"Off\"", passes: false),

        // A web application firewall that is off, or only detects, lets every attack through to the public application.
        WafOn("azure:frontdoor/firewallPolicy:FirewallPolicy", "enabled", Must.Be(true), "true (the provider's default)", passes: true, "`enabled: true`"),
        WafPrevents("azure:frontdoor/firewallPolicy:FirewallPolicy", "mode", "\"Prevention\" (the provider's default)", passes: true),
        WafOn("azure-native:frontdoor:Policy", "policySettings.enabledState", Must.BeOneOf("Enabled"), "\"Enabled\" (the SDK's default)", passes: true, "`policySettings.enabledState: \"Enabled\"`"),
        WafPrevents("azure-native:frontdoor:Policy", "policySettings.mode", "not stated by the SDK, read strictly as detection only", passes: false),
        WafOn("azure:waf/policy:Policy", "policySettings.enabled", Must.Be(true), "true (the provider's default)", passes: true, "`policySettings.enabled: true`"),
        WafPrevents("azure:waf/policy:Policy", "policySettings.mode", "\"Prevention\" (the provider's default)", passes: true),
        WafOn("azure-native:network:WebApplicationFirewallPolicy", "policySettings.state", Must.BeOneOf("Enabled"), "not stated by the SDK, read strictly as off", passes: false, "`policySettings.state: \"Enabled\"`"),
        WafPrevents("azure-native:network:WebApplicationFirewallPolicy", "policySettings.mode", "not stated by the SDK, read strictly as detection only", passes: false),

        // A subnet without a network security group filters nothing: whatever gets a public IP in it is open to the internet.
        new()
        {
            Type = "azure:network/virtualNetwork:VirtualNetwork",
            Within = "subnets[]",
            Path = "securityGroup",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no network security group: the subnet's traffic is not filtered"),
            Problem = "the subnet has no network controls against unauthorised addresses.",
            Fix = "Set `securityGroup` on the subnet to a network security group's id.",
            When = SubnetTakesNsg,
        },
        new()
        {
            Type = "azure-native:network:VirtualNetwork",
            Within = "subnets[]",
            Path = "networkSecurityGroup",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no network security group: the subnet's traffic is not filtered"),
            Problem = "the subnet has no network controls against unauthorised addresses.",
            Fix = "Set `networkSecurityGroup: { id }` on the subnet to a network security group.",
            When = SubnetTakesNsg,
        },
    ];

    private static string[] OpenRanges => ["0.0.0.0/0", "::/0"];

    /// <summary>A list with no item (or absent): the authorized ranges that leave only the private-cluster choice.</summary>
    private static Expectation NoItems => Must.BeEmpty();

    /// <summary>A classic `publicNetworkAccessEnabled` flag, true by default.</summary>
    private static Requirement PublicAccessFlag(string type, string service, string absentMeans = "true (the provider's default)") => new()
    {
        Type = type,
        Path = "publicNetworkAccessEnabled",
        Expect = Must.Be(false),
        Absent = AbsentReading.Fails(absentMeans),
        Problem = $"{service} answers on a public endpoint.",
        Fix = $"Set `publicNetworkAccessEnabled: false` and reach {service} through a private endpoint.",
    };

    /// <summary>An azure-native `publicNetworkAccess` enum, which must say "Disabled".</summary>
    private static Requirement PublicNetworkAccess(string type, string path, string service, string absentMeans) => new()
    {
        Type = type,
        Path = path,
        Expect = Must.BeOneOf("Disabled"),
        Absent = AbsentReading.Fails(absentMeans),
        Problem = $"{service} answers on a public endpoint.",
        Fix = $"Set `{path}: \"Disabled\"` and reach {service} through a private endpoint.",
    };

    private static Requirement VirtualNetworksOnly(string type, string absentMeans) => new()
    {
        Type = type,
        Path = "incomingTrafficPolicy",
        Expect = Must.BeOneOf("AllowVirtualNetworksOnly"),
        Absent = AbsentReading.Fails(absentMeans),
        Problem = "the storage sync service accepts traffic from the public internet.",
        Fix = "Set `incomingTrafficPolicy: \"AllowVirtualNetworksOnly\"` and reach the service through a private endpoint.",
    };

    private static Requirement ThreatIntelligence(string type, string path, string absentMeans, bool passes) => new()
    {
        Type = type,
        Path = path,
        Expect = Must.BeOneOf("Alert", "Deny"),
        Absent = new AbsentReading(passes, absentMeans),
        Problem = "the firewall does not filter traffic from known-malicious addresses.",
        Fix = $"Set `{path}: \"Deny\"` (or `\"Alert\"`).",
    };

    private static Requirement WafOn(string type, string path, Expectation expect, string absentMeans, bool passes, string fix) => new()
    {
        Type = type,
        Path = path,
        Expect = expect,
        Absent = new AbsentReading(passes, absentMeans),
        Problem = "the web application firewall is switched off.",
        Fix = $"Set {fix}.",
    };

    private static Requirement WafPrevents(string type, string path, string absentMeans, bool passes) => new()
    {
        Type = type,
        Path = path,
        Expect = Must.BeOneOf("Prevention"),
        Absent = new AbsentReading(passes, absentMeans),
        Problem = "the web application firewall only logs attacks and lets them through.",
        Fix = $"Set `{path}: \"Prevention\"`.",
    };
}
