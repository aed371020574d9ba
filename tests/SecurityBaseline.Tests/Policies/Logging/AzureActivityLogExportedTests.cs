using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class AzureActivityLogExportedTests
{
    private const string Workspace = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-prod";
    private readonly AzureActivityLogExported policy = new();

    private static IReadOnlyList<PolicyPack.Sdk.Model.PulumiResource> Stack(params PolicyPack.Sdk.Model.PulumiResource[] resources) =>
        [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("azure-native:resources:ResourceGroup", """{"resourceGroupName":"rg-app","location":"westeurope"}""", "rg"), .. resources];

    [Fact]
    public void AzureNativeStack_WhenSubscriptionSettingExportsAdministrative_ShouldPass()
    {
        var setting = Fixtures.Resource("azure-native:monitor:SubscriptionDiagnosticSetting",
            $$"""{"name":"activity-to-workspace","workspaceId":"{{Workspace}}","logs":[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true}]}""", "activity-log");
        Assert.Equal(Outcome.Pass, Assert.Single(Fixtures.EvaluateStack(policy, Stack(setting))).Outcome);
    }

    [Fact]
    public void AzureNativeStack_WhenSettingHasNoDestination_ShouldFailTheSetting()
    {
        var setting = Fixtures.Resource("azure-native:monitor:SubscriptionDiagnosticSetting", """{"name":"activity","logs":[{"categoryGroup":"allLogs","enabled":true}]}""", "activity-log");
        var finding = Assert.Single(Fixtures.EvaluateStack(policy, Stack(setting)));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("activity-log", finding.Resource.Name);
        Assert.Contains("names no destination", Assert.Single(finding.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeStack_WhenAdministrativeDisabled_ShouldFailTheSetting()
    {
        var setting = Fixtures.Resource("azure-native:monitor:SubscriptionDiagnosticSetting",
            $$"""{"workspaceId":"{{Workspace}}","logs":[{"category":"Administrative","enabled":false}]}""", "activity-log");
        var finding = Assert.Single(Fixtures.EvaluateStack(policy, Stack(setting)));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Contains("do not export the Administrative category", Assert.Single(finding.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicStack_WhenSubscriptionTargetExportsAllLogs_ShouldPass()
    {
        var setting = Fixtures.Resource("azure:monitoring/diagnosticSetting:DiagnosticSetting",
            $$"""{"name":"activity","targetResourceId":"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590","logAnalyticsWorkspaceId":"{{Workspace}}","enabledLogs":[{"categoryGroup":"allLogs"}]}""", "activity-log");
        Assert.Equal(Outcome.Pass, Assert.Single(Fixtures.EvaluateStack(policy, Stack(setting))).Outcome);
    }

    [Fact]
    public void AzureClassicStack_WhenTheOnlySettingTargetsAVault_ShouldFailTheStack()
    {
        var setting = Fixtures.Resource("azure:monitoring/diagnosticSetting:DiagnosticSetting",
            $$"""{"name":"kv-logs","targetResourceId":"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-prod","logAnalyticsWorkspaceId":"{{Workspace}}","enabledLogs":[{"categoryGroup":"allLogs"}]}""", "kv-logs");
        var evaluations = Fixtures.EvaluateStack(policy, Stack(setting));
        var finding = Assert.Single(evaluations, e => e.Outcome == Outcome.Fail);
        Assert.Equal(ResourceRef.Stack, finding.Resource);
        Assert.Contains("no subscription diagnostic setting exports the activity log", Assert.Single(finding.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsOnlyStack_ShouldNotBeJudged()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:s3/bucketV2:BucketV2", """{"bucket":"logs"}""", "logs")]);
        Assert.DoesNotContain(evaluations, e => e.Outcome == Outcome.Fail);
    }
}
