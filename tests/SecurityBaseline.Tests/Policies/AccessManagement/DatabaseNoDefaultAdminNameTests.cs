using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AccessManagement;

namespace SecurityBaseline.Tests.Policies.AccessManagement;

public class DatabaseNoDefaultAdminNameTests
{
    private readonly DatabaseNoDefaultAdminName policy = new();

    public static RowCases Cases { get; } = new RowCases()
        .Pass("aws:rds/instance:Instance", """{"engine":"postgres","instanceClass":"db.t4g.medium","username":"orders_owner","manageMasterUserPassword":true}""")
        .Fail("aws:rds/instance:Instance", "username is \"postgres\"", """{"engine":"postgres","instanceClass":"db.t4g.medium","username":"postgres","manageMasterUserPassword":true}""")
        .Pass("aws:rds/instance:Instance", """{"engine":"postgres","instanceClass":"db.t4g.medium","replicateSourceDb":"orders-db"}""")
        .Pass("aws:rds/cluster:Cluster", """{"engine":"aurora-postgresql","masterUsername":"orders_owner","manageMasterUserPassword":true}""")
        .Fail("aws:rds/cluster:Cluster", "masterUsername is \"Admin\"", """{"engine":"aurora-mysql","masterUsername":"Admin","manageMasterUserPassword":true}""")
        .Pass("azure:mssql/server:Server", """{"version":"12.0","administratorLogin":"orders_owner"}""")
        .Fail("azure:mssql/server:Server", "administratorLogin is \"sa\"", """{"version":"12.0","administratorLogin":"sa"}""")
        .Pass("azure-native:sql:Server", """{"resourceGroupName":"rg","administrators":{"azureADOnlyAuthentication":true}}""")
        .Fail("azure-native:sql:Server", "administratorLogin is \"administrator\"", """{"resourceGroupName":"rg","administratorLogin":"administrator"}""");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Row_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
