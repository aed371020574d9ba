using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Reporting;

/// <summary>The machine-readable report (schema documented in docs/report-json.md); also the next run's baseline.</summary>
internal static class JsonReporter
{
    public const int SchemaVersion = 1;

    public static void Write(ScanReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new Utf8JsonWriter(stream, ReportText.JsonOptions);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteStartObject("tool");
        writer.WriteString("name", report.Pack.Name);
        writer.WriteString("version", report.Pack.Version);
        writer.WriteEndObject();

        writer.WriteStartArray("inputs");
        foreach (var input in report.Inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("source", input.Source);
            writer.WriteString("kind", TextReporter.KindName(input.Kind));
            writer.WriteNumber("resources", input.Inputs.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Review.Baseline is { } baseline)
        {
            writer.WriteString("baseline", baseline.Source);
        }

        writer.WriteStartObject("summary");
        writer.WriteNumber("mandatory", report.Mandatory);
        writer.WriteNumber("advisory", report.Advisory);
        writer.WriteNumber("waived", report.WaivedCount);
        if (report.HasBaseline)
        {
            writer.WriteNumber("newMandatory", report.NewMandatory);
            writer.WriteNumber("fixed", report.Fixed.Count);
        }

        writer.WriteNumber("expiredWaivers", report.ExpiredWaivers.Count);
        writer.WriteNumber("staleWaivers", report.StaleWaivers.Count);
        writer.WriteNumber("external", report.ExternalFindings.Count);
        writer.WriteNumber("passed", report.Passed);
        writer.WriteNumber("notApplicable", report.NotApplicable);
        writer.WriteNumber("unevaluated", report.UnevaluatedCount);
        writer.WriteString("failOn", report.Review.FailOn == FailOn.New ? "new" : "any");
        writer.WriteString("failOnSeverity", report.Review.FailOnSeverity.Name());
        writer.WriteBoolean("blocked", report.Blocked);
        writer.WriteEndObject();

        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            ReportText.FlushWhenFull(writer);
            writer.WriteStartObject();
            WritePolicy(writer, finding.Policy);
            writer.WriteString("level", finding.Level.Name());
            WriteResource(writer, finding.Resource);
            writer.WriteString("message", finding.Message);
            writer.WriteString("help", finding.Policy.Help);
            if (finding.State is { } state)
            {
                writer.WriteString("state", state == FindingState.New ? "new" : "existing");
            }

            if (finding.Waiver is { } waiver)
            {
                writer.WriteStartObject("waiver");
                WriteWaiverFields(writer, waiver);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("fixed");
        foreach (var entry in report.Fixed)
        {
            writer.WriteStartObject();
            writer.WriteString("policy", entry.Policy);
            writer.WriteString("title", entry.Title);
            writer.WriteString("section", entry.Section);
            writer.WriteString("level", entry.Level);
            writer.WriteString("urn", entry.Urn);
            writer.WriteString("type", entry.Type);
            writer.WriteString("name", entry.Name);
            writer.WriteString("message", entry.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        foreach (var (name, waivers) in new[] { ("expiredWaivers", report.ExpiredWaivers), ("staleWaivers", report.StaleWaivers) })
        {
            writer.WriteStartArray(name);
            foreach (var waiver in waivers)
            {
                writer.WriteStartObject();
                writer.WriteString("policy", waiver.Policy);
                writer.WriteStartObject("resource");
                WriteSelector(writer, waiver.Resource);
                writer.WriteEndObject();
                WriteWaiverFields(writer, waiver);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("externalFindings");
        foreach (var external in report.ExternalFindings)
        {
            writer.WriteStartObject();
            writer.WriteString("policyPack", external.PolicyPack);
            writer.WriteString("policyPackVersion", external.PolicyPackVersion);
            writer.WriteString("policy", external.PolicyName);
            writer.WriteString("level", external.Level.Name());
            writer.WriteString("severity", external.Severity);
            WriteResource(writer, external.Resource);
            writer.WriteString("message", external.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("notApplicable");
        foreach (var evaluation in report.Result.NotApplicable)
        {
            ReportText.FlushWhenFull(writer);
            writer.WriteStartObject();
            WritePolicy(writer, evaluation.Policy);
            WriteResource(writer, evaluation.Resource);
            writer.WriteString("reason", evaluation.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("unevaluated");
        foreach (var type in report.Unevaluated)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type.Type);
            writer.WriteNumber("count", type.Count);
            writer.WriteString("level", type.Level.Name());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteWaiverFields(Utf8JsonWriter writer, Waiver waiver)
    {
        writer.WriteString("reason", waiver.Reason);
        writer.WriteString("owner", waiver.Owner);
        writer.WriteString("expires", ReportText.Date(waiver.Expires));
        if (waiver.Ticket is { } ticket)
        {
            writer.WriteString("ticket", ticket);
        }

        writer.WriteString("source", waiver.Source);
        writer.WriteNumber("line", waiver.Line);
    }

    private static void WriteSelector(Utf8JsonWriter writer, ResourceSelector selector)
    {
        if (selector.Urn is { } urn)
        {
            writer.WriteString("urn", urn);
        }

        if (selector.Type is { } type)
        {
            writer.WriteString("type", type);
        }

        if (selector.Name is { } name)
        {
            writer.WriteString("name", name);
        }
    }

    private static void WritePolicy(Utf8JsonWriter writer, PolicyDescriptor policy)
    {
        writer.WriteString("policy", policy.Id);
        writer.WriteString("title", policy.Title);
        writer.WriteString("section", policy.Control);
        writer.WriteString("severity", policy.Severity.Name());
    }

    private static void WriteResource(Utf8JsonWriter writer, ResourceRef resource)
    {
        writer.WriteString("urn", resource.Urn);
        writer.WriteString("type", resource.Type);
        writer.WriteString("name", resource.Name);
        if (resource.SourcePosition is { } position)
        {
            writer.WriteString("sourcePosition", position);
        }

        if (resource.Origin is { } origin)
        {
            writer.WriteString("source", origin);
        }
    }
}
