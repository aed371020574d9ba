using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class DefenderPlansEnabledTests
{
    private readonly DefenderPlansEnabled policy = new();

    [Fact]
    public void AzureNativeStack_WhenStandardPlan_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("azure-native:security:Pricing", """{"pricingName":"StorageAccounts","pricingTier":"Standard","scopeId":"/subscriptions/0"}""", "defender-storage")]);
        Assert.Equal(Outcome.Pass, Assert.Single(evaluations).Outcome);
    }

    [Fact]
    public void AzureClassicStack_WhenFreeTier_ShouldFailThePlan()
    {
        var finding = Assert.Single(Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("azure:securitycenter/subscriptionPricing:SubscriptionPricing", """{"tier":"Free","resourceType":"VirtualMachines"}""", "defender-vms")]));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Contains("tier is \"Free\"", Assert.Single(finding.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureStack_WhenNoPlan_ShouldFailTheStack()
    {
        var finding = Assert.Single(Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("azure:storage/account:Account", """{"accountTier":"Standard"}""", "storage")]));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(ResourceRef.Stack, finding.Resource);
    }
}
