using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: Microsoft Defender for Cloud watches the subscription on a Standard (paid) plan.</summary>
public sealed class DefenderPlansEnabled : MonitoringServicePresence
{
    private const string NativePricing = "azure-native:security:Pricing";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DefenderPlansEnabled,
        Title = "Microsoft Defender plans are on",
        Description = "An Azure stack must hold a Defender for Cloud plan on the Standard tier (azure-native security Pricing, classic securitycenter SubscriptionPricing), or the subscription's security stack must.",
        Message = "No Defender for Cloud plan raises alerts on suspicious activity.",
        Control = "§9",
        Severity = Severity.Medium,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = [NativePricing, "azure:securitycenter/subscriptionPricing:SubscriptionPricing"],
        Help = "Add an `azure-native:security:Pricing` (`pricingName` e.g. \"StorageAccounts\", `pricingTier: \"Standard\"`) for the plans the workload needs, or classic `azure.securitycenter.SubscriptionPricing` with `tier: \"Standard\"`.",
        AbsentMeans = "Both providers require the tier input; a plan on \"Free\" raises no threat alerts. A stack without any azure or azure-native resource is not judged.",
        Tags = ["defender", "monitoring", "threat-detection"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    protected override IReadOnlyList<string> CloudPrefixes => ["azure:", "azure-native:"];

    protected override string Missing => "The stack creates Azure resources but no Defender for Cloud plan on the Standard tier: suspicious activity raises no alert. Fix: add a security Pricing with pricingTier \"Standard\" (or keep it in the subscription's security stack and waive this).";

    protected override bool IsOn(PulumiResource resource, out string problem)
    {
        var path = resource.Type == NativePricing ? "pricingTier" : "tier";
        var tier = resource.Root.GetString(path);
        problem = $"The Defender plan's {path} is {resource.Root.Show(path)}, not \"Standard\": it raises no threat alerts. Fix: set {path}: \"Standard\".";
        return string.Equals(tier, "Standard", StringComparison.OrdinalIgnoreCase);
    }
}
