using System.Text.RegularExpressions;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: the subscription's activity log (who changed what in Azure) is exported, so it outlives Azure's 90 days.</summary>
public sealed partial class AzureActivityLogExported : MonitoringServicePresence
{
    private const string NativeSetting = "azure-native:monitor:SubscriptionDiagnosticSetting";
    private const string ClassicSetting = "azure:monitoring/diagnosticSetting:DiagnosticSetting";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureActivityLogExported,
        Title = "The Azure activity log is exported",
        Description = "An Azure stack must hold a subscription diagnostic setting that sends the Administrative activity log (or allLogs) to a Log Analytics workspace, storage account or event hub, or the subscription's security stack must.",
        Message = "The subscription's activity log is kept only for Azure's 90 days.",
        Control = "§9",
        Severity = Severity.Medium,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = [NativeSetting, ClassicSetting],
        Help = "Add an `azure-native:monitor:SubscriptionDiagnosticSetting` with `workspaceId` (or `storageAccountId`) and `logs: [{ category: \"Administrative\", enabled: true }]` (or categoryGroup \"allLogs\"), or a classic `azure.monitoring.DiagnosticSetting` whose `targetResourceId` is the subscription id with an `enabledLogs` entry for Administrative; the workspace's retentionInDays then decides how long it is kept (log-group-retention).",
        AbsentMeans = "Without an exporting setting Azure keeps the activity log 90 days, then deletes it. A setting with no destination or without the Administrative category does not count. A classic setting counts only when its targetResourceId is a subscription (`/subscriptions/<id>`); one whose target is unknown during preview is left aside. A stack without any azure or azure-native resource is not judged.",
        Tags = ["azure", "activity-log", "logging", "retention"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    protected override IReadOnlyList<string> CloudPrefixes => ["azure:", "azure-native:"];

    protected override string Missing => "The stack creates Azure resources but no subscription diagnostic setting exports the activity log: changes to the subscription are forgotten after 90 days. Fix: add a SubscriptionDiagnosticSetting sending the Administrative category to the company's Log Analytics workspace (or keep it in the subscription's security stack and waive this).";

    protected override bool IsCandidate(PulumiResource resource) =>
        resource.Type == NativeSetting ||
        (resource.Root.Find("targetResourceId") is { IsUnknown: false, StringValue: { } target } && SubscriptionId().IsMatch(target));

    protected override bool IsOn(PulumiResource resource, out string problem)
    {
        var native = resource.Type == NativeSetting;
        string[] destinations = native
            ? ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId"]
            : ["logAnalyticsWorkspaceId", "storageAccountId", "eventhubAuthorizationRuleId"];

        // A destination computed later (the workspace's id during preview) is still a destination.
        var hasDestination = destinations.Any(d => resource.Root.Find(d) is { } value && (value.IsUnknown || value.StringValue is { Length: > 0 }));
        var logs = native ? "logs" : "enabledLogs";
        var administrative = resource.Root.GetList(logs).Any(entry => Exports(entry, requireEnabled: native));
        problem = !hasDestination
            ? $"The setting names no destination ({string.Join(", ", destinations)}): the activity log goes nowhere. Fix: set {destinations[0]} to the company's Log Analytics workspace."
            : $"The setting's {logs} do not export the Administrative category (nor categoryGroup \"allLogs\"): changes to the subscription are not kept. Fix: add {{ category: \"Administrative\"{(native ? ", enabled: true" : string.Empty)} }} to {logs}.";
        return hasDestination && administrative;
    }

    // A log entry counts when it names the Administrative category or the allLogs group (and, in azure-native, is enabled).
    private static bool Exports(PropertyValue entry, bool requireEnabled) =>
        (!requireEnabled || entry.GetBool("enabled") == true) &&
        (string.Equals(entry.GetString("category"), "Administrative", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(entry.GetString("categoryGroup"), "allLogs", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^/subscriptions/[^/]+/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptionId();
}
