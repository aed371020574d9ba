using System.Globalization;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: log groups and Log Analytics workspaces keep their events long enough to investigate an incident.</summary>
public sealed class LogGroupRetention : ResourcePolicy
{
    private const int DefaultMinimumDays = 365;

    // Log Analytics keeps data 30 days unless told otherwise (both providers document retentionInDays as optional).
    private const int WorkspaceDefaultDays = 30;
    private const string CloudWatchLogGroup = "aws:cloudwatch/logGroup:LogGroup";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LogGroupRetention,
        Title = "Log groups and workspaces keep events for at least the minimum retention",
        Description = "Every CloudWatch log group must keep its events at least minRetentionDays days (default 365), or never expire them; every Log Analytics workspace (where Azure resource and activity logs go) must keep them at least as long.",
        Message = "The log group deletes events before the minimum retention.",
        Control = "§9",
        Severity = Severity.Medium,
        ResourceTypes = [CloudWatchLogGroup, "azure-native:operationalinsights:Workspace", "azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace"],
        ConfigSchema = $$"""
            {
              "minRetentionDays": {
                "type": "integer",
                "minimum": 1,
                "default": {{DefaultMinimumDays}},
                "description": "The fewest days a log group may keep its events; 0 or absent retentionInDays (never expire) always passes."
              }
            }
            """,
        Help = "Set `retentionInDays` to a CloudWatch value of at least minRetentionDays (365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653), or leave it absent to keep events forever; on a Log Analytics workspace set `retentionInDays` to at least minRetentionDays (at most 730, the interactive maximum).",
        AbsentMeans = "On a CloudWatch log group `retentionInDays` absent or 0 means the events never expire (the provider's and CloudWatch's default): compliant. On a Log Analytics workspace absent means Azure's default of 30 days: a violation unless minRetentionDays is 30 or fewer.",
        Tags = ["cloudwatch", "log-analytics", "logging", "retention"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var days = context.Properties.GetNumber("retentionInDays");
        var minimum = context.Parameters.GetInt("minRetentionDays", DefaultMinimumDays);

        // A secret retention is still compared, but a message shows only that it is secret.
        var secret = context.Properties.Find("retentionInDays") is { IsSecret: true };
        if (context.Resource.Type != CloudWatchLogGroup)
        {
            var kept = days ?? WorkspaceDefaultDays;
            if (kept < minimum)
            {
                context.Report(string.Create(CultureInfo.InvariantCulture,
                    $"The workspace keeps data {(secret ? Shown.SecretText : kept)} days{(days is null ? " (Azure's default, retentionInDays absent)" : string.Empty)}, fewer than the minimum of {minimum}: resource and activity logs sent to it are deleted before an incident can be investigated. Fix: set retentionInDays to at least {minimum}."));
            }

            return;
        }

        if (days is null or 0 || days >= minimum)
        {
            return;
        }

        context.Report(string.Create(CultureInfo.InvariantCulture,
            $"retentionInDays is {(secret ? Shown.SecretText : days)}, fewer than the minimum of {minimum}: events are deleted before an incident can be investigated. Fix: set retentionInDays to at least {minimum}, or remove it to keep events forever."));
    }
}
