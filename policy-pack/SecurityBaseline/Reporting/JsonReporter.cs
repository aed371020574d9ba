using System.Text.Json;
using SecurityBaseline.Engine;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Reporting;

/// <summary>The machine-readable report (schema documented in docs/report-json.md).</summary>
public static class JsonReporter
{
    public const int SchemaVersion = 1;

    public static void Write(ScanReport report, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteStartObject("tool");
        writer.WriteString("name", PolicyCatalog.PackName);
        writer.WriteString("version", PolicyCatalog.Version);
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

        writer.WriteStartObject("summary");
        writer.WriteNumber("mandatory", report.Mandatory);
        writer.WriteNumber("advisory", report.Advisory);
        writer.WriteNumber("passed", report.Passed);
        writer.WriteNumber("notApplicable", report.NotApplicable);
        writer.WriteBoolean("blocked", report.Result.HasBlockingViolation);
        writer.WriteEndObject();

        writer.WriteStartArray("findings");
        foreach (var finding in report.Result.Findings)
        {
            writer.WriteStartObject();
            WritePolicy(writer, finding.Policy);
            writer.WriteString("level", finding.Level.Name());
            WriteResource(writer, finding.Resource);
            writer.WriteString("message", finding.Message);
            writer.WriteString("help", finding.Policy.Help);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("notApplicable");
        foreach (var evaluation in report.Result.NotApplicable)
        {
            writer.WriteStartObject();
            WritePolicy(writer, evaluation.Policy);
            WriteResource(writer, evaluation.Resource);
            writer.WriteString("reason", evaluation.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter writer, PolicyDescriptor policy)
    {
        writer.WriteString("policy", policy.Id);
        writer.WriteString("title", policy.Title);
        writer.WriteString("section", policy.SectionReference);
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
    }
}
