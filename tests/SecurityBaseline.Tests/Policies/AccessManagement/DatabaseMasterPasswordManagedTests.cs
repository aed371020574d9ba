using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AccessManagement;

namespace SecurityBaseline.Tests.Policies.AccessManagement;

public class DatabaseMasterPasswordManagedTests
{
    private const string Instance = "aws:rds/instance:Instance";
    private const string Cluster = "aws:rds/cluster:Cluster";
    private const string Secret = """{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"Orders-2026-prod!"}""";
    private readonly DatabaseMasterPasswordManaged policy = new();

    [Theory]
    [InlineData(Instance, """{"engine":"postgres","username":"orders_owner","manageMasterUserPassword":true}""")]
    [InlineData(Instance, """{"engine":"postgres","replicateSourceDb":"orders-db"}""")]
    [InlineData(Instance, """{"engine":"postgres","username":"orders_owner","passwordWo":"Orders-2026-prod!","passwordWoVersion":1}""")]
    [InlineData(Instance, """{"engine":"postgres","username":"orders_owner","password":""" + Secret + "}")]
    [InlineData(Cluster, """{"engine":"aurora-postgresql","masterUsername":"orders_owner","manageMasterUserPassword":true}""")]
    public void Database_WhenPasswordIsManagedOrSecret_ShouldPass(string type, string inputs) =>
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, inputs).Outcome);

    [Theory]
    [InlineData(Instance, """{"engine":"postgres","username":"orders_owner","password":"Orders-2026-prod!"}""", "password is set")]
    [InlineData(Cluster, """{"engine":"aurora-postgresql","masterUsername":"orders_owner","masterPassword":"Orders-2026-prod!","manageMasterUserPassword":false}""", "masterPassword is set")]
    public void Database_WhenProgramSetsPlaintextPassword_ShouldFailWithoutPrintingIt(string type, string inputs, string fragment)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Orders-2026-prod!", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_WhenPasswordIsUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"engine":"postgres","password":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("password", result.Reason, StringComparison.Ordinal);
    }
}
