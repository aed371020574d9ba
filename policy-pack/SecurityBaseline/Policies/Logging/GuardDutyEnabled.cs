using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: GuardDuty watches the account for suspicious activity and raises findings.</summary>
public sealed class GuardDutyEnabled : MonitoringServicePresence
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.GuardDutyEnabled,
        Title = "GuardDuty is enabled",
        Description = "An AWS stack must hold an enabled GuardDuty detector (or the account's security stack must, with this finding waived here).",
        Message = "No enabled GuardDuty detector raises alarms on suspicious activity.",
        Control = "§9",
        Severity = Severity.Medium,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = ["aws:guardduty/detector:Detector"],
        Help = "Add an `aws.guardduty.Detector` with `enable: true` in every region the company uses (or in the security account's stack), and route its findings to the alerting channel.",
        AbsentMeans = "`enable` absent means true (the provider's default). A stack without any detector has none; a stack without any aws resource is not judged.",
        Tags = ["guardduty", "monitoring", "threat-detection"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    protected override IReadOnlyList<string> CloudPrefixes => ["aws:"];

    protected override string Missing => "The stack creates aws resources but no aws:guardduty/detector:Detector: suspicious activity raises no alarm. Fix: add an aws.guardduty.Detector (or keep it in the account's security stack and waive this).";

    protected override bool IsOn(PulumiResource resource, out string problem)
    {
        problem = "The GuardDuty detector has enable: false, which suspends it. Fix: set enable: true.";
        return resource.Root.GetBool("enable") != false;
    }
}
