using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class ServiceMinimumTlsVersionTests
{
    private const string AzureApim = "\"name\":\"apim-prod\",\"resourceGroupName\":\"rg-api\",\"publisherName\":\"Example\",\"publisherEmail\":\"api@example.com\",\"skuName\":\"Developer_1\"";
    private const string AzureSqlServer = "\"name\":\"sql-prod\",\"resourceGroupName\":\"rg-data\",\"version\":\"12.0\",\"azureadAdministrator\":{\"loginUsername\":\"dba\",\"objectId\":\"00000000-0000-0000-0000-000000000002\",\"azureadAuthenticationOnly\":true}";
    private const string AzureCdnDomain = "\"name\":\"www\",\"cdnEndpointId\":\"/subscriptions/0000/resourceGroups/rg-edge/providers/Microsoft.Cdn/profiles/cdn-prod/endpoints/static\",\"hostName\":\"www.example.com\"";
    private const string AzureAfdDomain = "\"customDomainName\":\"www\",\"profileName\":\"afd-prod\",\"resourceGroupName\":\"rg-edge\",\"hostName\":\"www.example.com\"";

    public static RowCases AzureCases { get; } = new RowCases()
        .Pass("azure:apimanagement/service:Service", AzureJson(AzureApim, """ "security":{"frontendTls10Enabled":false,"backendTls11Enabled":false} """))
        .Pass("azure:apimanagement/service:Service", AzureJson(AzureApim))
        .Fail("azure:apimanagement/service:Service", "security.frontendTls11Enabled is true", AzureJson(AzureApim, """ "security":{"frontendTls11Enabled":true} """))
        .Fail("azure:apimanagement/service:Service", "security.enableBackendSsl30 is true", AzureJson(AzureApim, """ "security":{"enableBackendSsl30":true} """))
        .Pass("azure:eventhub/eventHubNamespace:EventHubNamespace", """{"name":"ehns-prod","resourceGroupName":"rg-data","sku":"Standard"}""")
        .Fail("azure:eventhub/eventHubNamespace:EventHubNamespace", "minimumTlsVersion is \"1.0\"", """{"name":"ehns-prod","resourceGroupName":"rg-data","sku":"Standard","minimumTlsVersion":"1.0"}""")
        .Pass("azure:eventhub/namespace:Namespace", """{"name":"sbns-prod","resourceGroupName":"rg-data","sku":"Standard","minimumTlsVersion":"1.2"}""")
        .Fail("azure:eventhub/namespace:Namespace", "minimumTlsVersion is \"1.1\"", """{"name":"sbns-prod","resourceGroupName":"rg-data","sku":"Standard","minimumTlsVersion":"1.1"}""")
        .Pass("azure:servicebus/namespace:Namespace", """{"name":"sbns-prod","resourceGroupName":"rg-data","sku":"Premium","capacity":1}""")
        .Fail("azure:servicebus/namespace:Namespace", "minimumTlsVersion is \"1.0\"", """{"name":"sbns-prod","resourceGroupName":"rg-data","sku":"Premium","capacity":1,"minimumTlsVersion":"1.0"}""")
        .Pass("azure-native:eventhub:Namespace", """{"namespaceName":"ehns-prod","resourceGroupName":"rg-data","sku":{"name":"Standard","tier":"Standard"},"minimumTlsVersion":"1.2"}""")
        .Fail("azure-native:eventhub:Namespace", "minimumTlsVersion is absent", """{"namespaceName":"ehns-prod","resourceGroupName":"rg-data","sku":{"name":"Standard","tier":"Standard"}}""")
        .Pass("azure-native:servicebus/v20240101:Namespace", """{"namespaceName":"sbns-prod","resourceGroupName":"rg-data","sku":{"name":"Premium","tier":"Premium","capacity":1},"minimumTlsVersion":"1.3"}""")
        .Pass("azure-native:servicebus:Namespace", """{"namespaceName":"sbns-prod","resourceGroupName":"rg-data","sku":{"name":"Standard","tier":"Standard"},"minimumTlsVersion":"1.2"}""")
        .Fail("azure-native:servicebus:Namespace", "minimumTlsVersion is \"1.1\"", """{"namespaceName":"sbns-prod","resourceGroupName":"rg-data","sku":{"name":"Premium","tier":"Premium","capacity":1},"minimumTlsVersion":"1.1"}""")
        .Pass("azure:mssql/server:Server", AzureJson(AzureSqlServer, """ "minimumTlsVersion":"1.2" """))
        .Fail("azure:mssql/server:Server", "minimumTlsVersion is \"Disabled\"", AzureJson(AzureSqlServer, """ "minimumTlsVersion":"Disabled" """))
        .Pass("azure-native:sql:Server", """{"serverName":"sql-prod","resourceGroupName":"rg-data","version":"12.0","minimalTlsVersion":"1.2"}""")
        .Fail("azure-native:sql:Server", "minimalTlsVersion is \"None\"", """{"serverName":"sql-prod","resourceGroupName":"rg-data","version":"12.0","minimalTlsVersion":"None"}""")
        .Pass("azure:mssql/managedInstance:ManagedInstance", """{"name":"sqlmi-prod","resourceGroupName":"rg-data","licenseType":"BasePrice","skuName":"GP_Gen5","storageSizeInGb":32,"vcores":4,"subnetId":"/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sqlmi"}""")
        .Fail("azure:mssql/managedInstance:ManagedInstance", "minimumTlsVersion is \"1.0\"", """{"name":"sqlmi-prod","resourceGroupName":"rg-data","licenseType":"BasePrice","skuName":"GP_Gen5","storageSizeInGb":32,"vcores":4,"subnetId":"/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sqlmi","minimumTlsVersion":"1.0"}""")
        .Pass("azure-native:sql:ManagedInstance", """{"managedInstanceName":"sqlmi-prod","resourceGroupName":"rg-data","sku":{"name":"GP_Gen5"},"vCores":4,"minimalTlsVersion":"1.2"}""")
        .Fail("azure-native:sql:ManagedInstance", "minimalTlsVersion is absent", """{"managedInstanceName":"sqlmi-prod","resourceGroupName":"rg-data","sku":{"name":"GP_Gen5"},"vCores":4}""")
        .Pass("azure:cosmosdb/account:Account", """{"name":"cosmos-prod","resourceGroupName":"rg-data","offerType":"Standard","consistencyPolicy":{"consistencyLevel":"Session"},"geoLocations":[{"location":"westeurope","failoverPriority":0}]}""")
        .Fail("azure:cosmosdb/account:Account", "minimalTlsVersion is \"Tls11\"", """{"name":"cosmos-prod","resourceGroupName":"rg-data","offerType":"Standard","consistencyPolicy":{"consistencyLevel":"Session"},"geoLocations":[{"location":"westeurope","failoverPriority":0}],"minimalTlsVersion":"Tls11"}""")
        .Pass("azure-native:cosmosdb:DatabaseAccount", """{"accountName":"cosmos-prod","resourceGroupName":"rg-data","databaseAccountOfferType":"Standard","locations":[{"locationName":"westeurope","failoverPriority":0}],"minimalTlsVersion":"Tls12"}""")
        .Fail("azure-native:cosmosdb:DatabaseAccount", "minimalTlsVersion is \"Tls\"", """{"accountName":"cosmos-prod","resourceGroupName":"rg-data","databaseAccountOfferType":"Standard","locations":[{"locationName":"westeurope","failoverPriority":0}],"minimalTlsVersion":"Tls"}""")
        .Pass("azure:cdn/endpointCustomDomain:EndpointCustomDomain", AzureJson(AzureCdnDomain, """ "cdnManagedHttps":{"certificateType":"Dedicated","protocolType":"ServerNameIndication","tlsVersion":"TLS12"} """))
        .Fail("azure:cdn/endpointCustomDomain:EndpointCustomDomain", "userManagedHttps.tlsVersion is \"TLS10\"", AzureJson(AzureCdnDomain, """ "userManagedHttps":{"keyVaultSecretId":"https://kv-edge.vault.azure.net/secrets/www","tlsVersion":"TLS10"} """))
        .Fail("azure:cdn/endpointCustomDomain:EndpointCustomDomain", "cdnManagedHttps.tlsVersion is \"None\"", AzureJson(AzureCdnDomain, """ "cdnManagedHttps":{"certificateType":"Shared","protocolType":"ServerNameIndication","tlsVersion":"None"} """))
        .NotApplicable("azure:cdn/endpointCustomDomain:EndpointCustomDomain", "cdnManagedHttps", AzureJson(AzureCdnDomain))
        .Pass("azure-native:cdn:AFDCustomDomain", AzureJson(AzureAfdDomain, """ "tlsSettings":{"certificateType":"ManagedCertificate","minimumTlsVersion":"TLS12"} """))
        .Pass("azure-native:cdn:AFDCustomDomain", AzureJson(AzureAfdDomain, """ "tlsSettings":{"certificateType":"ManagedCertificate","cipherSuiteSetType":"TLS12_2023"} """))
        .Fail("azure-native:cdn:AFDCustomDomain", "tlsSettings.minimumTlsVersion is absent", AzureJson(AzureAfdDomain))
        .Fail("azure-native:cdn:AFDCustomDomain", "tlsSettings.cipherSuiteSetType is \"TLS10_2019\"", AzureJson(AzureAfdDomain, """ "tlsSettings":{"certificateType":"ManagedCertificate","cipherSuiteSetType":"TLS10_2019"} """))
        .Fail("azure-native:cdn:AFDCustomDomain", "tlsSettings.minimumTlsVersion is \"TLS10\"", AzureJson(AzureAfdDomain, """ "tlsSettings":{"certificateType":"CustomerCertificate","cipherSuiteSetType":"Customized","minimumTlsVersion":"TLS10"} """));

    /// <summary>A resource's inputs: the fields every case of a type shares, then the case's own.</summary>
    private static string AzureJson(string common, string own = "") => own.Length == 0 ? $"{{{common}}}" : $"{{{common},{own.Trim()}}}";

    [Theory]
    [MemberData(nameof(AzureCases))]
    public void AzureRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
