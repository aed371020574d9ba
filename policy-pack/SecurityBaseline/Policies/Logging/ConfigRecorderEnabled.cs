using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: AWS Config records configuration changes, the evidence of who changed what.</summary>
public sealed class ConfigRecorderEnabled : MonitoringServicePresence
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ConfigRecorderEnabled,
        Title = "AWS Config records configuration changes",
        Description = "An AWS stack must hold an AWS Config configuration recorder (or the account's security stack must, with this finding waived here).",
        Message = "No AWS Config recorder keeps the history of configuration changes.",
        Control = "§9",
        Severity = Severity.Low,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = ["aws:cfg/recorder:Recorder"],
        Help = "Add an `aws.cfg.Recorder` with a `roleArn`, an `aws.cfg.DeliveryChannel` and an `aws.cfg.RecorderStatus` with `isEnabled: true` (or keep them in the account's security stack).",
        AbsentMeans = "A stack without a recorder records nothing; `recordingGroup` absent means all supported resource types. A stack without any aws resource is not judged.",
        Tags = ["config", "monitoring", "audit"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    protected override IReadOnlyList<string> CloudPrefixes => ["aws:"];

    protected override string Missing => "The stack creates aws resources but no aws:cfg/recorder:Recorder: configuration changes leave no history. Fix: add an aws.cfg.Recorder with a delivery channel and recorder status (or keep it in the account's security stack and waive this).";

    protected override bool IsOn(PulumiResource resource, out string problem)
    {
        problem = string.Empty;
        return true;
    }
}
