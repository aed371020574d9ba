using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class LogGroupRetentionTests
{
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private readonly LogGroupRetention policy = new();

    [Theory]
    [InlineData("""{"name":"/app/api","retentionInDays":365}""")]
    [InlineData("""{"name":"/app/api","retentionInDays":0}""")]
    [InlineData("""{"name":"/app/api"}""")]
    public void AwsLogGroup_WhenRetainedAYearOrForever_ShouldPass(string inputs) =>
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, LogGroup, inputs).Outcome);

    [Fact]
    public void AwsLogGroup_WhenRetainedAMonth_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LogGroup, """{"name":"/app/api","retentionInDays":30}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("retentionInDays is 30, fewer than the minimum of 365", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLogGroup_WhenMinimumConfiguredLower_ShouldPassAMonth()
    {
        var result = Fixtures.Evaluate(policy, LogGroup, """{"retentionInDays":30}""", """{"log-group-retention":{"minRetentionDays":30}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("azure-native:operationalinsights:Workspace", """{"resourceGroupName":"rg-logs","workspaceName":"log-prod","sku":{"name":"PerGB2018"},"retentionInDays":365}""")]
    [InlineData("azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace", """{"resourceGroupName":"rg-logs","location":"westeurope","sku":"PerGB2018","retentionInDays":730}""")]
    public void Workspace_WhenRetainedAYearOrMore_ShouldPass(string type, string inputs) =>
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, inputs).Outcome);

    [Fact]
    public void AzureNativeWorkspace_WhenRetentionAbsent_ShouldFailWithAzuresThirtyDayDefault()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:operationalinsights:Workspace", """{"resourceGroupName":"rg-logs","workspaceName":"log-prod","sku":{"name":"PerGB2018"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("30 days (Azure's default, retentionInDays absent)", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicWorkspace_WhenRetainedNinetyDays_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace", """{"resourceGroupName":"rg-logs","location":"westeurope","sku":"PerGB2018","retentionInDays":90}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("keeps data 90 days, fewer than the minimum of 365", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:cloudwatch/logGroup:LogGroup")]
    [InlineData("azure-native:operationalinsights:Workspace")]
    public void RetentionMarkedSecret_WhenTooShort_ShouldFailWithoutShowingTheValue(string type)
    {
        var result = Fixtures.Evaluate(policy, type, """{"retentionInDays":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":29}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("29", message, StringComparison.Ordinal);
    }
}
