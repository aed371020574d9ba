using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class DatabaseNotPublicTests
{
    private const string RdsInstance = "aws:rds/instance:Instance";
    private const string NativeSqlServer = "azure-native:sql:Server";
    private const string ClassicSqlServer = "azure:mssql/server:Server";
    private const string NativePostgres = "azure-native:dbforpostgresql:Server";
    private const string NativeMySql = "azure-native:dbformysql:Server";
    private const string ClassicPostgres = "azure:postgresql/flexibleServer:FlexibleServer";
    private const string ClassicMySql = "azure:mysql/flexibleServer:FlexibleServer";
    private const string DelegatedSubnet = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-data/providers/Microsoft.Network/virtualNetworks/vnet-data/subnets/snet-db";
    private readonly DatabaseNotPublic policy = new();

    [Fact]
    public void AwsRdsInstance_WhenPubliclyAccessible_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","instanceClass":"db.t4g.medium","allocatedStorage":20,"publiclyAccessible":true,"dbSubnetGroupName":"data"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Equal(Severity.Critical, result.Policy.Severity);
        Assert.Contains("publiclyAccessible is true", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsRdsInstance_WhenPrivate_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","instanceClass":"db.t4g.medium","publiclyAccessible":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsRdsInstance_WhenFlagAbsent_ShouldPassBecauseTheDefaultIsFalse()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"mysql","instanceClass":"db.t4g.medium"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsRdsClusterInstance_WhenPubliclyAccessible_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:rds/clusterInstance:ClusterInstance", """{"clusterIdentifier":"aurora-main","engine":"aurora-postgresql","instanceClass":"db.r6g.large","publiclyAccessible":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsRedshiftCluster_WhenPubliclyAccessible_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:redshift/cluster:Cluster", """{"clusterIdentifier":"warehouse","nodeType":"ra3.xlplus","publiclyAccessible":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsRdsInstance_WhenFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","publiclyAccessible":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("publiclyAccessible", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Disabled")]
    [InlineData("SecuredByPerimeter")]
    public void AzureNativeSqlServer_WhenPublicAccessClosed_ShouldPass(string access)
    {
        var result = Fixtures.Evaluate(policy, NativeSqlServer, $$$"""{"resourceGroupName":"rg-data","minimalTlsVersion":"1.2","publicNetworkAccess":"{{{access}}}"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeSqlServer_WhenEnabled_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeSqlServer, """{"resourceGroupName":"rg-data","publicNetworkAccess":"Enabled"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("publicNetworkAccess is \"Enabled\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSqlServer_WhenAbsent_ShouldFailBecauseTheApiDefaultIsEnabled()
    {
        var result = Fixtures.Evaluate(policy, NativeSqlServer, """{"resourceGroupName":"rg-data","administratorLogin":"sqladmin"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("publicNetworkAccess is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSqlServer_WhenUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeSqlServer, """{"resourceGroupName":"rg-data","publicNetworkAccess":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("publicNetworkAccess", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureSqlServer_WhenPublicAccessDisabled_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicSqlServer, """{"resourceGroupName":"rg-data","version":"12.0","minimumTlsVersion":"1.2","publicNetworkAccessEnabled":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureSqlServer_WhenFlagAbsent_ShouldFailBecauseTheDefaultIsTrue()
    {
        var result = Fixtures.Evaluate(policy, ClassicSqlServer, """{"resourceGroupName":"rg-data","version":"12.0"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("publicNetworkAccessEnabled is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureSqlServer_WhenFlagTrue_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicSqlServer, """{"resourceGroupName":"rg-data","version":"12.0","publicNetworkAccessEnabled":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Theory]
    [InlineData(NativePostgres)]
    [InlineData(NativeMySql)]
    public void AzureNativeFlexibleServer_WhenNetworkAccessDisabled_ShouldPass(string type)
    {
        var result = Fixtures.Evaluate(policy, type, """{"resourceGroupName":"rg-data","version":"16","network":{"publicNetworkAccess":"Disabled"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData(NativePostgres)]
    [InlineData(NativeMySql)]
    public void AzureNativeFlexibleServer_WhenNetworkAccessEnabled_ShouldFail(string type)
    {
        var result = Fixtures.Evaluate(policy, type, """{"resourceGroupName":"rg-data","network":{"publicNetworkAccess":"Enabled"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("network.publicNetworkAccess is \"Enabled\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativePostgres_WhenNetworkAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativePostgres, """{"resourceGroupName":"rg-data","version":"16","administratorLogin":"pgadmin"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("network.publicNetworkAccess is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativePostgres_WhenInjectedIntoDelegatedSubnet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativePostgres, $$$"""{"resourceGroupName":"rg-data","network":{"delegatedSubnetResourceId":"{{{DelegatedSubnet}}}"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativePostgres_WhenDelegatedSubnetStillComputed_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativePostgres, """{"resourceGroupName":"rg-data","network":{"delegatedSubnetResourceId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeMySql_WhenAccessUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeMySql, """{"resourceGroupName":"rg-data","network":{"publicNetworkAccess":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("network.publicNetworkAccess", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzurePostgresFlexible_WhenFlagAbsentWithoutDelegatedSubnet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicPostgres, """{"resourceGroupName":"rg-data","version":"16","skuName":"GP_Standard_D2s_v3"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("publicNetworkAccessEnabled is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzurePostgresFlexible_WhenDelegated_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicPostgres, $$$"""{"resourceGroupName":"rg-data","version":"16","delegatedSubnetId":"{{{DelegatedSubnet}}}","publicNetworkAccessEnabled":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureMySqlFlexible_WhenEnabled_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicMySql, """{"resourceGroupName":"rg-data","skuName":"GP_Standard_D2ds_v4","publicNetworkAccess":"Enabled"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AzureMySqlFlexible_WhenDelegatedAndAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicMySql, $$$"""{"resourceGroupName":"rg-data","delegatedSubnetId":"{{{DelegatedSubnet}}}"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    public static RowCases SnapshotCases { get; } = new RowCases()
        .Pass("aws:rds/snapshot:Snapshot", """{"dbInstanceIdentifier":"orders-db","dbSnapshotIdentifier":"orders-db-2024-06-01"}""")
        .Pass("aws:rds/snapshot:Snapshot", """{"dbInstanceIdentifier":"orders-db","dbSnapshotIdentifier":"orders-db-dr","sharedAccounts":["210987654321"]}""")
        .Fail("aws:rds/snapshot:Snapshot", "sharedAccounts is", """{"dbInstanceIdentifier":"orders-db","dbSnapshotIdentifier":"orders-db-public","sharedAccounts":["210987654321","all"]}""")
        .Pass("aws:rds/clusterSnapshot:ClusterSnapshot", """{"dbClusterIdentifier":"aurora-main","dbClusterSnapshotIdentifier":"aurora-main-2024-06-01","sharedAccounts":[]}""")
        .Fail("aws:rds/clusterSnapshot:ClusterSnapshot", "sharedAccounts is", """{"dbClusterIdentifier":"aurora-main","dbClusterSnapshotIdentifier":"aurora-main-public","sharedAccounts":["ALL"]}""");

    [Theory]
    [MemberData(nameof(SnapshotCases))]
    public void SnapshotRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
