using System.Globalization;
using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: log groups keep their events long enough to investigate an incident.</summary>
public sealed class LogGroupRetention : ResourcePolicy
{
    private const int DefaultMinimumDays = 365;

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LogGroupRetention,
        Title = "Log groups keep events for at least the minimum retention",
        Description = "Every CloudWatch log group must keep its events at least minRetentionDays days (default 365), or never expire them.",
        Message = "The log group deletes events before the minimum retention.",
        Control = "§9",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:cloudwatch/logGroup:LogGroup"],
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
        Help = "Set `retentionInDays` to a CloudWatch value of at least minRetentionDays (365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653), or leave it absent to keep events forever.",
        AbsentMeans = "`retentionInDays` absent or 0 means the events never expire (the provider's and CloudWatch's default): compliant.",
        Tags = ["cloudwatch", "logging", "retention"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var days = context.Properties.GetNumber("retentionInDays");
        var minimum = context.Parameters.GetInt("minRetentionDays", DefaultMinimumDays);
        if (days is null or 0 || days >= minimum)
        {
            return;
        }

        context.Report(string.Create(CultureInfo.InvariantCulture,
            $"retentionInDays is {days}, fewer than the minimum of {minimum}: events are deleted before an incident can be investigated. Fix: set retentionInDays to at least {minimum}, or remove it to keep events forever."));
    }
}
