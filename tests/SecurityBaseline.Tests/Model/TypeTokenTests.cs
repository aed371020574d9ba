using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Model;

public class TypeTokenTests
{
    [Theory]
    [InlineData("azure-native:storage/v20230101:StorageAccount", "azure-native:storage:StorageAccount")]
    [InlineData("azure-native:network/v20240301:NetworkSecurityGroup", "azure-native:network:NetworkSecurityGroup")]
    [InlineData("azure-native:keyvault/v20230201preview:Vault", "azure-native:keyvault:Vault")]
    [InlineData("azure-native:storage:StorageAccount", "azure-native:storage:StorageAccount")]
    [InlineData("aws:s3/bucketV2:BucketV2", "aws:s3/bucketV2:BucketV2")]
    [InlineData("azure:storage/account:Account", "azure:storage/account:Account")]
    public void Canonical_WhenGivenAToken_ShouldDropOnlyAnAzureNativeApiVersion(string type, string expected)
    {
        Assert.Equal(expected, TypeToken.Canonical(type));
    }

    [Fact]
    public void VersionedAzureNativeResource_WhenScanned_ShouldBeJudgedByTheResourcesPoliciesAndReportedUnderItsOwnToken()
    {
        const string type = "azure-native:storage/v20230101:StorageAccount";
        var account = Fixtures.Resource(type, """
            {"accountName":"stlegacy01","resourceGroupName":"rg-legacy","location":"japaneast","kind":"StorageV2","sku":{"name":"Standard_LRS"},
             "enableHttpsTrafficOnly":false,"minimumTlsVersion":"TLS1_2","allowBlobPublicAccess":false,"allowSharedKeyAccess":false,"networkRuleSet":{"defaultAction":"Deny"}}
            """);
        var engine = new PolicyEngine(PolicyCatalog.All, PackConfiguration.Default(PolicyCatalog.All));

        var failing = engine.AnalyzeResource(account).Where(e => e.Outcome == Outcome.Fail).ToArray();

        var evaluation = Assert.Single(failing);
        Assert.Equal(PolicyIds.AzureStorageSecureTransfer, evaluation.Policy.Id);
        Assert.Equal(type, evaluation.Resource.Type);
        Assert.Contains(PolicyCatalog.All, p => p.Covers(type));
    }
}
