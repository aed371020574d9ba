using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class ServiceNotPublicTests
{
    private const string Sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-core";
    private const string Aks = "azure:containerservice/kubernetesCluster:KubernetesCluster";
    private const string NativeAks = "azure-native:containerservice:ManagedCluster";
    private const string ClassicGroup = "azure:containerservice/group:Group";
    private const string NativeGroup = "azure-native:containerinstance:ContainerGroup";
    private const string ClassicVnet = "azure:network/virtualNetwork:VirtualNetwork";
    private const string NativeVnet = "azure-native:network:VirtualNetwork";

    private const string AksPool = """{"name":"system","vmSize":"Standard_D2s_v5","nodeCount":2}""";
    private const string NativeAksPools = """[{"name":"system","mode":"System","vmSize":"Standard_D2s_v5","count":2}]""";
    private const string WebContainers = """[{"name":"web","image":"nginx:1.27","cpu":0.5,"memory":1.5,"ports":[{"port":80,"protocol":"TCP"}]}]""";
    private const string NativeWebContainers = """[{"name":"web","image":"nginx:1.27","resources":{"requests":{"cpu":0.5,"memoryInGB":1.5}},"ports":[{"port":80,"protocol":"TCP"}]}]""";

    /// <summary>A classic resource: its name, resource group and location, then the fields of <paramref name="fields"/> (a JSON object).</summary>
    private static string Classic(string name, string fields) =>
        $$"""{"name":"{{name}}","resourceGroupName":"rg-core","location":"japaneast"{{(fields == "{}" ? string.Empty : "," + fields[1..^1])}}}""";

    public static RowCases AzureCases { get; } = new RowCases()
        .Pass("azure:apimanagement/service:Service", Classic("apim-orders", $$"""{"publisherName":"Example","publisherEmail":"ops@example.com","skuName":"Premium_1","virtualNetworkConfiguration":{"subnetId":"{{Sub}}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apim"},"virtualNetworkType":"Internal"}"""))
        .Fail("azure:apimanagement/service:Service", "virtualNetworkType is absent", Classic("apim-orders", """{"publisherName":"Example","publisherEmail":"ops@example.com","skuName":"Developer_1"}"""))
        .Pass("azure-native:apimanagement:ApiManagementService", """{"serviceName":"apim-orders","resourceGroupName":"rg-core","publisherName":"Example","publisherEmail":"ops@example.com","sku":{"name":"Premium","capacity":1},"virtualNetworkType":"Internal","virtualNetworkConfiguration":{"subnetResourceId":"/subscriptions/0/resourceGroups/rg-core/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apim"}}""")
        .Fail("azure-native:apimanagement:ApiManagementService", "virtualNetworkType is \"External\"", """{"serviceName":"apim-orders","resourceGroupName":"rg-core","publisherName":"Example","publisherEmail":"ops@example.com","sku":{"name":"Premium","capacity":1},"virtualNetworkType":"External"}""")
        .Pass("azure:appconfiguration/configurationStore:ConfigurationStore", Classic("appcs-orders", """{"sku":"standard","publicNetworkAccess":"Disabled"}"""))
        .Fail("azure:appconfiguration/configurationStore:ConfigurationStore", "publicNetworkAccess is absent", Classic("appcs-orders", """{"sku":"standard"}"""))
        .Pass("azure-native:appconfiguration:ConfigurationStore", """{"configStoreName":"appcs-orders","resourceGroupName":"rg-core","sku":{"name":"Standard"},"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:appconfiguration:ConfigurationStore", "publicNetworkAccess is \"Enabled\"", """{"configStoreName":"appcs-orders","resourceGroupName":"rg-core","sku":{"name":"Standard"},"publicNetworkAccess":"Enabled"}""")
        .Pass("azure:appplatform/springCloudApiPortal:SpringCloudApiPortal", """{"name":"default","springCloudServiceId":"/subscriptions/0/resourceGroups/rg-core/providers/Microsoft.AppPlatform/spring/spring-orders","instanceCount":1}""")
        .Fail("azure:appplatform/springCloudApiPortal:SpringCloudApiPortal", "publicNetworkAccessEnabled is true", """{"name":"default","springCloudServiceId":"/subscriptions/0/resourceGroups/rg-core/providers/Microsoft.AppPlatform/spring/spring-orders","publicNetworkAccessEnabled":true}""")
        .Pass("azure-native:appplatform:ApiPortal", """{"apiPortalName":"default","serviceName":"spring-orders","resourceGroupName":"rg-core","properties":{"public":false,"httpsOnly":true}}""")
        .Fail("azure-native:appplatform:ApiPortal", "properties.public is true", """{"apiPortalName":"default","serviceName":"spring-orders","resourceGroupName":"rg-core","properties":{"public":true}}""")
        .Pass("azure:batch/account:Account", Classic("batchorders", """{"poolAllocationMode":"BatchService","publicNetworkAccessEnabled":false}"""))
        .Fail("azure:batch/account:Account", "publicNetworkAccessEnabled is absent", Classic("batchorders", """{"poolAllocationMode":"BatchService"}"""))
        .Pass("azure-native:batch:BatchAccount", """{"accountName":"batchorders","resourceGroupName":"rg-core","location":"japaneast","publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:batch:BatchAccount", "publicNetworkAccess is absent", """{"accountName":"batchorders","resourceGroupName":"rg-core","location":"japaneast"}""")
        .Pass("azure:cognitive/account:Account", Classic("cog-orders", """{"kind":"OpenAI","skuName":"S0","customSubdomainName":"cog-orders","publicNetworkAccessEnabled":false}"""))
        .Fail("azure:cognitive/account:Account", "publicNetworkAccessEnabled is true", Classic("cog-orders", """{"kind":"OpenAI","skuName":"S0","publicNetworkAccessEnabled":true}"""))
        .Pass("azure-native:cognitiveservices:Account", """{"accountName":"cog-orders","resourceGroupName":"rg-core","kind":"OpenAI","sku":{"name":"S0"},"properties":{"customSubDomainName":"cog-orders","publicNetworkAccess":"Disabled"}}""")
        .Fail("azure-native:cognitiveservices:Account", "properties.publicNetworkAccess is absent", """{"accountName":"cog-orders","resourceGroupName":"rg-core","kind":"OpenAI","sku":{"name":"S0"},"properties":{}}""")
        .Pass(ClassicGroup, Classic("aci-web", $$"""{"osType":"Linux","containers":{{WebContainers}},"subnetIds":"{{Sub}}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci","ipAddressType":"Private"}"""))
        .Fail(ClassicGroup, "ipAddressType is \"Public\"", Classic("aci-web", $$"""{"osType":"Linux","containers":{{WebContainers}},"dnsNameLabel":"aci-web","ipAddressType":"Public"}"""))
        .Fail(ClassicGroup, "ipAddressType is absent", Classic("aci-web", $$"""{"osType":"Linux","containers":{{WebContainers}}}"""))
        .Pass(NativeGroup, $$"""{"containerGroupName":"aci-web","resourceGroupName":"rg-core","osType":"Linux","containers":{{NativeWebContainers}},"ipAddress":{"type":"Private","ports":[{"port":80,"protocol":"TCP"}]},"subnetIds":[{"id":"{{Sub}}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci"}]}""")
        .Pass(NativeGroup, $$"""{"containerGroupName":"batch-job","resourceGroupName":"rg-core","osType":"Linux","containers":{{NativeWebContainers}}}""")
        .Fail(NativeGroup, "ipAddress.type is \"Public\"", $$$"""{"containerGroupName":"aci-web","resourceGroupName":"rg-core","osType":"Linux","containers":{{{NativeWebContainers}}},"ipAddress":{"type":"Public","ports":[{"port":80,"protocol":"TCP"}],"dnsNameLabel":"aci-web"}}""")
        .Pass(Aks, Classic("aks-orders", $$"""{"dnsPrefix":"aks-orders","defaultNodePool":{{AksPool}},"privateClusterEnabled":true}"""))
        .Pass(Aks, Classic("aks-orders", $$$"""{"dnsPrefix":"aks-orders","defaultNodePool":{{{AksPool}}},"apiServerAccessProfile":{"authorizedIpRanges":["203.0.113.0/24"]}}"""))
        .Fail(Aks, "privateClusterEnabled is absent", Classic("aks-orders", $$$"""{"dnsPrefix":"aks-orders","defaultNodePool":{{{AksPool}}},"apiServerAccessProfile":{"authorizedIpRanges":[]}}"""))
        .Fail(Aks, "authorizedIpRanges is [", Classic("aks-orders", $$$"""{"dnsPrefix":"aks-orders","defaultNodePool":{{{AksPool}}},"apiServerAccessProfile":{"authorizedIpRanges":["203.0.113.0/24","0.0.0.0/0"]}}"""))
        .Pass(NativeAks, $$$"""{"resourceName":"aks-orders","resourceGroupName":"rg-core","dnsPrefix":"aks-orders","agentPoolProfiles":{{{NativeAksPools}}},"apiServerAccessProfile":{"enablePrivateCluster":true}}""")
        .Pass(NativeAks, $$$"""{"resourceName":"aks-orders","resourceGroupName":"rg-core","dnsPrefix":"aks-orders","agentPoolProfiles":{{{NativeAksPools}}},"apiServerAccessProfile":{"authorizedIPRanges":["203.0.113.0/24"]}}""")
        .Fail(NativeAks, "apiServerAccessProfile.enablePrivateCluster is absent", $$"""{"resourceName":"aks-orders","resourceGroupName":"rg-core","dnsPrefix":"aks-orders","agentPoolProfiles":{{NativeAksPools}}}""")
        .Pass("azure:containerservice/registry:Registry", Classic("crorders", """{"sku":"Premium","publicNetworkAccessEnabled":false}"""))
        .Fail("azure:containerservice/registry:Registry", "publicNetworkAccessEnabled is absent", Classic("crorders", """{"sku":"Basic"}"""))
        .Pass("azure-native:containerregistry:Registry", """{"registryName":"crorders","resourceGroupName":"rg-core","sku":{"name":"Premium"},"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:containerregistry:Registry", "publicNetworkAccess is absent", """{"registryName":"crorders","resourceGroupName":"rg-core","sku":{"name":"Basic"}}""")
        .Pass("azure:cosmosdb/account:Account", Classic("cosmos-orders", """{"offerType":"Standard","consistencyPolicy":{"consistencyLevel":"Session"},"geoLocations":[{"location":"japaneast","failoverPriority":0}],"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:cosmosdb/account:Account", "publicNetworkAccessEnabled is absent", Classic("cosmos-orders", """{"offerType":"Standard","consistencyPolicy":{"consistencyLevel":"Session"},"geoLocations":[{"location":"japaneast","failoverPriority":0}]}"""))
        .Pass("azure-native:cosmosdb:DatabaseAccount", """{"accountName":"cosmos-orders","resourceGroupName":"rg-core","databaseAccountOfferType":"Standard","locations":[{"locationName":"japaneast","failoverPriority":0}],"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:cosmosdb:DatabaseAccount", "publicNetworkAccess is absent", """{"accountName":"cosmos-orders","resourceGroupName":"rg-core","databaseAccountOfferType":"Standard","locations":[{"locationName":"japaneast","failoverPriority":0}]}""")
        .Pass("azure-native:documentdb:DatabaseAccount", """{"accountName":"cosmos-orders","resourceGroupName":"rg-core","databaseAccountOfferType":"Standard","locations":[{"locationName":"japaneast","failoverPriority":0}],"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:documentdb:DatabaseAccount", "publicNetworkAccess is absent", """{"accountName":"cosmos-orders","resourceGroupName":"rg-core","databaseAccountOfferType":"Standard","locations":[{"locationName":"japaneast","failoverPriority":0}]}""")
        .Fail("azure-native:documentdb/v20240815:DatabaseAccount", "publicNetworkAccess is \"Enabled\"", """{"accountName":"cosmos-orders","resourceGroupName":"rg-core","databaseAccountOfferType":"Standard","locations":[{"locationName":"japaneast","failoverPriority":0}],"publicNetworkAccess":"Enabled"}""")
        .Pass("azure-native:cosmosdb/v20240815:DatabaseAccount", """{"accountName":"cosmos-orders","resourceGroupName":"rg-core","databaseAccountOfferType":"Standard","locations":[{"locationName":"japaneast","failoverPriority":0}],"publicNetworkAccess":"Disabled"}""")
        .Pass("azure:databricks/workspace:Workspace", Classic("dbw-orders", """{"sku":"premium","networkSecurityGroupRulesRequired":"NoAzureDatabricksRules","publicNetworkAccessEnabled":false}"""))
        .Fail("azure:databricks/workspace:Workspace", "publicNetworkAccessEnabled is absent", Classic("dbw-orders", """{"sku":"premium"}"""))
        .Pass("azure-native:databricks:Workspace", """{"workspaceName":"dbw-orders","resourceGroupName":"rg-core","managedResourceGroupId":"/subscriptions/0/resourceGroups/rg-dbw-managed","sku":{"name":"premium"},"publicNetworkAccess":"Disabled","requiredNsgRules":"NoAzureDatabricksRules"}""")
        .Fail("azure-native:databricks:Workspace", "publicNetworkAccess is \"Enabled\"", """{"workspaceName":"dbw-orders","resourceGroupName":"rg-core","managedResourceGroupId":"/subscriptions/0/resourceGroups/rg-dbw-managed","sku":{"name":"premium"},"publicNetworkAccess":"Enabled"}""")
        .Pass("azure:datafactory/factory:Factory", Classic("adf-orders", """{"managedVirtualNetworkEnabled":true,"publicNetworkEnabled":false}"""))
        .Fail("azure:datafactory/factory:Factory", "publicNetworkEnabled is absent", Classic("adf-orders", "{}"))
        .Pass("azure-native:datafactory:Factory", """{"factoryName":"adf-orders","resourceGroupName":"rg-core","location":"japaneast","publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:datafactory:Factory", "publicNetworkAccess is absent", """{"factoryName":"adf-orders","resourceGroupName":"rg-core","location":"japaneast"}""")
        .Pass("azure:eventgrid/domain:Domain", Classic("egd-orders", """{"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:eventgrid/domain:Domain", "publicNetworkAccessEnabled is true", Classic("egd-orders", """{"publicNetworkAccessEnabled":true}"""))
        .Pass("azure-native:eventgrid:Domain", """{"domainName":"egd-orders","resourceGroupName":"rg-core","publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:eventgrid:Domain", "publicNetworkAccess is absent", """{"domainName":"egd-orders","resourceGroupName":"rg-core","inputSchema":"CloudEventSchemaV1_0"}""")
        .Pass("azure:eventgrid/topic:Topic", Classic("egt-orders", """{"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:eventgrid/topic:Topic", "publicNetworkAccessEnabled is absent", Classic("egt-orders", "{}"))
        .Pass("azure-native:eventgrid:Topic", """{"topicName":"egt-orders","resourceGroupName":"rg-core","publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:eventgrid:Topic", "publicNetworkAccess is \"Enabled\"", """{"topicName":"egt-orders","resourceGroupName":"rg-core","publicNetworkAccess":"Enabled"}""")
        .Pass("azure:iot/ioTHub:IoTHub", Classic("iot-orders", """{"sku":{"name":"S1","capacity":1},"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:iot/ioTHub:IoTHub", "publicNetworkAccessEnabled is absent", Classic("iot-orders", """{"sku":{"name":"S1","capacity":1}}"""))
        .Pass("azure-native:iothub:IotHubResource", """{"resourceName":"iot-orders","resourceGroupName":"rg-core","sku":{"name":"S1","capacity":1},"properties":{"publicNetworkAccess":"Disabled"}}""")
        .Fail("azure-native:iothub:IotHubResource", "properties.publicNetworkAccess is absent", """{"resourceName":"iot-orders","resourceGroupName":"rg-core","sku":{"name":"S1","capacity":1}}""")
        .Pass("azure:machinelearning/workspace:Workspace", Classic("mlw-orders", $$"""{"applicationInsightsId":"{{Sub}}/providers/Microsoft.Insights/components/appi","keyVaultId":"{{Sub}}/providers/Microsoft.KeyVault/vaults/kv","storageAccountId":"{{Sub}}/providers/Microsoft.Storage/storageAccounts/st","identity":{"type":"SystemAssigned"},"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:machinelearning/workspace:Workspace", "publicNetworkAccessEnabled is absent", Classic("mlw-orders", $$$"""{"applicationInsightsId":"{{{Sub}}}/providers/Microsoft.Insights/components/appi","keyVaultId":"{{{Sub}}}/providers/Microsoft.KeyVault/vaults/kv","storageAccountId":"{{{Sub}}}/providers/Microsoft.Storage/storageAccounts/st","identity":{"type":"SystemAssigned"}}"""))
        .Pass("azure-native:machinelearningservices:Workspace", """{"workspaceName":"mlw-orders","resourceGroupName":"rg-core","identity":{"type":"SystemAssigned"},"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:machinelearningservices:Workspace", "publicNetworkAccess is \"Enabled\"", """{"workspaceName":"mlw-orders","resourceGroupName":"rg-core","identity":{"type":"SystemAssigned"},"publicNetworkAccess":"Enabled"}""")
        .Pass("azure:search/service:Service", Classic("srch-orders", """{"sku":"standard","publicNetworkAccessEnabled":false}"""))
        .Fail("azure:search/service:Service", "publicNetworkAccessEnabled is absent", Classic("srch-orders", """{"sku":"basic"}"""))
        .Pass("azure-native:search:Service", """{"searchServiceName":"srch-orders","resourceGroupName":"rg-core","sku":{"name":"standard"},"publicNetworkAccess":"disabled"}""")
        .Fail("azure-native:search:Service", "publicNetworkAccess is absent", """{"searchServiceName":"srch-orders","resourceGroupName":"rg-core","sku":{"name":"basic"}}""")
        .Pass("azure:servicebus/namespace:Namespace", Classic("sb-orders", """{"sku":"Premium","capacity":1,"premiumMessagingPartitions":1,"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:servicebus/namespace:Namespace", "publicNetworkAccessEnabled is absent", Classic("sb-orders", """{"sku":"Standard"}"""))
        .Pass("azure-native:servicebus:Namespace", """{"namespaceName":"sb-orders","resourceGroupName":"rg-core","sku":{"name":"Premium","tier":"Premium","capacity":1},"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:servicebus:Namespace", "publicNetworkAccess is \"SecuredByPerimeter\"", """{"namespaceName":"sb-orders","resourceGroupName":"rg-core","sku":{"name":"Premium","tier":"Premium","capacity":1},"publicNetworkAccess":"SecuredByPerimeter"}""")
        .Pass("azure:synapse/workspace:Workspace", Classic("syn-orders", """{"storageDataLakeGen2FilesystemId":"https://stsyn.dfs.core.windows.net/fs","identity":{"type":"SystemAssigned"},"publicNetworkAccessEnabled":false}"""))
        .Fail("azure:synapse/workspace:Workspace", "publicNetworkAccessEnabled is absent", Classic("syn-orders", """{"storageDataLakeGen2FilesystemId":"https://stsyn.dfs.core.windows.net/fs","identity":{"type":"SystemAssigned"}}"""))
        .Pass("azure-native:synapse:Workspace", """{"workspaceName":"syn-orders","resourceGroupName":"rg-core","identity":{"type":"SystemAssigned"},"defaultDataLakeStorage":{"accountUrl":"https://stsyn.dfs.core.windows.net","filesystem":"fs"},"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:synapse:Workspace", "publicNetworkAccess is absent", """{"workspaceName":"syn-orders","resourceGroupName":"rg-core","identity":{"type":"SystemAssigned"},"defaultDataLakeStorage":{"accountUrl":"https://stsyn.dfs.core.windows.net","filesystem":"fs"}}""")
        .Pass("azure:storage/sync:Sync", Classic("sss-orders", """{"incomingTrafficPolicy":"AllowVirtualNetworksOnly"}"""))
        .Fail("azure:storage/sync:Sync", "incomingTrafficPolicy is absent", Classic("sss-orders", "{}"))
        .Pass("azure-native:storagesync:StorageSyncService", """{"storageSyncServiceName":"sss-orders","resourceGroupName":"rg-core","incomingTrafficPolicy":"AllowVirtualNetworksOnly"}""")
        .Fail("azure-native:storagesync:StorageSyncService", "incomingTrafficPolicy is \"AllowAllTraffic\"", """{"storageSyncServiceName":"sss-orders","resourceGroupName":"rg-core","incomingTrafficPolicy":"AllowAllTraffic"}""")
        .Pass("azure:network/firewall:Firewall", Classic("afw-hub", """{"skuName":"AZFW_VNet","skuTier":"Standard"}"""))
        .Fail("azure:network/firewall:Firewall", "threatIntelMode is \"Off\"", Classic("afw-hub", """{"skuName":"AZFW_VNet","skuTier":"Standard","threatIntelMode":"Off"}"""))
        .Pass("azure-native:network:AzureFirewall", """{"azureFirewallName":"afw-hub","resourceGroupName":"rg-core","sku":{"name":"AZFW_VNet","tier":"Standard"},"threatIntelMode":"Deny"}""")
        .Fail("azure-native:network:AzureFirewall", "threatIntelMode is absent", """{"azureFirewallName":"afw-hub","resourceGroupName":"rg-core","sku":{"name":"AZFW_VNet","tier":"Standard"}}""")
        .Pass("azure:network/firewallPolicy:FirewallPolicy", Classic("afwp-hub", """{"sku":"Premium","threatIntelligenceMode":"Deny"}"""))
        .Fail("azure:network/firewallPolicy:FirewallPolicy", "threatIntelligenceMode is \"Off\"", Classic("afwp-hub", """{"sku":"Standard","threatIntelligenceMode":"Off"}"""))
        .Pass("azure-native:network:FirewallPolicy", """{"firewallPolicyName":"afwp-hub","resourceGroupName":"rg-core","sku":{"tier":"Premium"},"threatIntelMode":"Alert"}""")
        .Fail("azure-native:network:FirewallPolicy", "threatIntelMode is \"Off\"", """{"firewallPolicyName":"afwp-hub","resourceGroupName":"rg-core","sku":{"tier":"Standard"},"threatIntelMode":"Off"}""")
        .Pass("azure:frontdoor/firewallPolicy:FirewallPolicy", """{"name":"wafOrders","resourceGroupName":"rg-core","managedRules":[{"type":"DefaultRuleSet","version":"1.0"}]}""")
        .Fail("azure:frontdoor/firewallPolicy:FirewallPolicy", "mode is \"Detection\"", """{"name":"wafOrders","resourceGroupName":"rg-core","enabled":true,"mode":"Detection"}""")
        .Fail("azure:frontdoor/firewallPolicy:FirewallPolicy", "enabled is false", """{"name":"wafOrders","resourceGroupName":"rg-core","enabled":false,"mode":"Prevention"}""")
        .Pass("azure-native:frontdoor:Policy", """{"policyName":"wafOrders","resourceGroupName":"rg-core","sku":{"name":"Premium_AzureFrontDoor"},"policySettings":{"enabledState":"Enabled","mode":"Prevention"}}""")
        .Fail("azure-native:frontdoor:Policy", "policySettings.mode is absent", """{"policyName":"wafOrders","resourceGroupName":"rg-core","sku":{"name":"Premium_AzureFrontDoor"},"policySettings":{"enabledState":"Enabled"}}""")
        .Pass("azure:waf/policy:Policy", """{"name":"waf-agw","resourceGroupName":"rg-core","location":"japaneast","managedRules":{"managedRuleSets":[{"type":"OWASP","version":"3.2"}]},"policySettings":{"enabled":true,"mode":"Prevention"}}""")
        .Fail("azure:waf/policy:Policy", "policySettings.mode is \"Detection\"", """{"name":"waf-agw","resourceGroupName":"rg-core","location":"japaneast","managedRules":{"managedRuleSets":[{"type":"OWASP","version":"3.2"}]},"policySettings":{"mode":"Detection"}}""")
        .Pass("azure-native:network:WebApplicationFirewallPolicy", """{"policyName":"waf-agw","resourceGroupName":"rg-core","managedRules":{"managedRuleSets":[{"ruleSetType":"OWASP","ruleSetVersion":"3.2"}]},"policySettings":{"state":"Enabled","mode":"Prevention"}}""")
        .Fail("azure-native:network:WebApplicationFirewallPolicy", "policySettings.state is \"Disabled\"", """{"policyName":"waf-agw","resourceGroupName":"rg-core","managedRules":{"managedRuleSets":[{"ruleSetType":"OWASP","ruleSetVersion":"3.2"}]},"policySettings":{"state":"Disabled","mode":"Prevention"}}""")
        .Pass(ClassicVnet, Classic("vnet-core", $$"""{"addressSpaces":["10.0.0.0/16"],"subnets":[{"name":"app","addressPrefixes":["10.0.1.0/24"],"securityGroup":"{{Sub}}/providers/Microsoft.Network/networkSecurityGroups/nsg-app"},{"name":"GatewaySubnet","addressPrefixes":["10.0.255.0/27"]}]}"""))
        .Fail(ClassicVnet, "subnets[1].securityGroup is absent", Classic("vnet-core", $$"""{"addressSpaces":["10.0.0.0/16"],"subnets":[{"name":"app","addressPrefixes":["10.0.1.0/24"],"securityGroup":"{{Sub}}/providers/Microsoft.Network/networkSecurityGroups/nsg-app"},{"name":"data","addressPrefixes":["10.0.2.0/24"]}]}"""))
        .NotApplicable(ClassicVnet, "applies only when `name`", Classic("vnet-core", """{"addressSpaces":["10.0.0.0/16"]}"""))
        .Pass(NativeVnet, $$$"""{"virtualNetworkName":"vnet-core","resourceGroupName":"rg-core","addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"app","addressPrefix":"10.0.1.0/24","networkSecurityGroup":{"id":"{{{Sub}}}/providers/Microsoft.Network/networkSecurityGroups/nsg-app"}},{"name":"AzureFirewallSubnet","addressPrefix":"10.0.254.0/26"}]}""")
        .Fail(NativeVnet, "subnets[0].networkSecurityGroup is absent", """{"virtualNetworkName":"vnet-core","resourceGroupName":"rg-core","addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"app","addressPrefix":"10.0.1.0/24"}]}""");

    [Theory]
    [MemberData(nameof(AzureCases))]
    public void AzureRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
