using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AccessManagement;

namespace SecurityBaseline.Tests.Policies.AccessManagement;

public class LocalAuthDisabledTests
{
    private readonly LocalAuthDisabled policy = new();

    public static RowCases AzureCases { get; } = new RowCases()
        .Pass("azure:containerservice/registry:Registry", """{"name":"acmeregistry","resourceGroupName":"rg","sku":"Premium"}""")
        .Fail("azure:containerservice/registry:Registry", "adminEnabled is true", """{"name":"acmeregistry","resourceGroupName":"rg","sku":"Premium","adminEnabled":true}""")
        .Pass("azure:containerservice/kubernetesCluster:KubernetesCluster", """{"dnsPrefix":"app","localAccountDisabled":true,"azureActiveDirectoryRoleBasedAccessControl":{"azureRbacEnabled":true}}""")
        .Fail("azure:containerservice/kubernetesCluster:KubernetesCluster", "localAccountDisabled is absent", """{"dnsPrefix":"app"}""")
        .Pass("azure:mssql/server:Server", """{"version":"12.0","azureadAdministrator":{"loginUsername":"sql-admins","objectId":"00000000-0000-0000-0000-000000000001","azureadAuthenticationOnly":true}}""")
        .Fail("azure:mssql/server:Server", "azureadAdministrator.azureadAuthenticationOnly is absent", """{"version":"12.0","administratorLogin":"orders_owner"}""")
        .Pass("azure:storage/account:Account", """{"accountTier":"Standard","accountReplicationType":"ZRS","sharedAccessKeyEnabled":false}""")
        .Fail("azure:storage/account:Account", "sharedAccessKeyEnabled is absent", """{"accountTier":"Standard","accountReplicationType":"ZRS"}""")
        .Pass("azure:cosmosdb/account:Account", """{"offerType":"Standard","localAuthenticationEnabled":false}""")
        .Fail("azure:cosmosdb/account:Account", "localAuthenticationEnabled is true", """{"offerType":"Standard","localAuthenticationEnabled":true}""")
        .Pass("azure:servicebus/namespace:Namespace", """{"sku":"Premium","localAuthEnabled":false}""")
        .Fail("azure:servicebus/namespace:Namespace", "localAuthEnabled is absent", """{"sku":"Premium"}""")
        .Pass("azure:eventhub/eventHubNamespace:EventHubNamespace", """{"sku":"Standard","localAuthenticationEnabled":false}""")
        .Fail("azure:eventhub/eventHubNamespace:EventHubNamespace", "localAuthenticationEnabled is absent", """{"sku":"Standard"}""");

    public static RowCases AzureNativeCases { get; } = new RowCases()
        .Pass("azure-native:containerregistry:Registry", """{"resourceGroupName":"rg","sku":{"name":"Premium"},"adminUserEnabled":false}""")
        .Fail("azure-native:containerregistry:Registry", "adminUserEnabled is true", """{"resourceGroupName":"rg","sku":{"name":"Premium"},"adminUserEnabled":true}""")
        .Pass("azure-native:containerservice:ManagedCluster", """{"resourceGroupName":"rg","disableLocalAccounts":true,"aadProfile":{"managed":true}}""")
        .Fail("azure-native:containerservice:ManagedCluster", "disableLocalAccounts is absent", """{"resourceGroupName":"rg"}""")
        .Pass("azure-native:sql:Server", """{"resourceGroupName":"rg","administrators":{"administratorType":"ActiveDirectory","login":"sql-admins","sid":"00000000-0000-0000-0000-000000000001","azureADOnlyAuthentication":true}}""")
        .Fail("azure-native:sql:Server", "administrators.azureADOnlyAuthentication is false", """{"resourceGroupName":"rg","administrators":{"login":"sql-admins","azureADOnlyAuthentication":false}}""")
        .Pass("azure-native:storage:StorageAccount", """{"resourceGroupName":"rg","kind":"StorageV2","sku":{"name":"Standard_ZRS"},"allowSharedKeyAccess":false}""")
        .Fail("azure-native:storage:StorageAccount", "allowSharedKeyAccess is absent", """{"resourceGroupName":"rg","kind":"StorageV2","sku":{"name":"Standard_ZRS"}}""")
        .Pass("azure-native:cosmosdb:DatabaseAccount", """{"resourceGroupName":"rg","databaseAccountOfferType":"Standard","disableLocalAuth":true}""")
        .Fail("azure-native:cosmosdb:DatabaseAccount", "disableLocalAuth is absent", """{"resourceGroupName":"rg","databaseAccountOfferType":"Standard"}""")
        .Pass("azure-native:servicebus:Namespace", """{"resourceGroupName":"rg","disableLocalAuth":true}""")
        .Fail("azure-native:servicebus:Namespace", "disableLocalAuth is false", """{"resourceGroupName":"rg","disableLocalAuth":false}""")
        .Pass("azure-native:eventhub:Namespace", """{"resourceGroupName":"rg","disableLocalAuth":true}""")
        .Fail("azure-native:eventhub:Namespace", "disableLocalAuth is absent", """{"resourceGroupName":"rg"}""");

    [Theory]
    [MemberData(nameof(AzureCases))]
    [MemberData(nameof(AzureNativeCases))]
    public void Row_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);

    [Fact]
    public void AzureNativeStorage_WhenTokenIsApiVersioned_ShouldStillBeJudged()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:storage/v20230101:StorageAccount", """{"resourceGroupName":"rg","kind":"StorageV2"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }
}
