using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Reporting;

/// <summary>SARIF 2.1.0 for code scanning: one rule per policy, one result per finding, waivers as suppressions, baseline states.</summary>
internal static class SarifReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The partialFingerprints key; the value is stable per (policy, URN) so alerts follow a resource across runs.</summary>
    public const string FingerprintKey = "securityBaselineFinding/v1";

    public static void Write(ScanReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ruleIndex = report.Policies.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var writer = new Utf8JsonWriter(stream, ReportText.JsonOptions);
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", report.Pack.Name);
        writer.WriteString("fullName", report.Pack.DisplayName);
        writer.WriteString("version", report.Pack.Version);
        writer.WriteString("semanticVersion", report.Pack.Version);
        writer.WriteStartArray("rules");
        foreach (var policy in report.Policies)
        {
            WriteRule(writer, policy, report.Controls);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", true);
        writer.WriteStartArray("toolExecutionNotifications");
        var waiverNotes = report.ExpiredWaivers.Select(w => (Waiver: w, Text: ReportText.ExpiredWaiver(w)))
            .Concat(report.StaleWaivers.Select(w => (Waiver: w, Text: ReportText.StaleWaiver(w))));
        foreach (var (waiver, text) in waiverNotes)
        {
            writer.WriteStartObject();
            writer.WriteString("level", "warning");
            writer.WriteStartObject("message");
            writer.WriteString("text", text);
            writer.WriteEndObject();
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            WritePhysical(writer, new SourceLocation(waiver.Source, waiver.Line, null));
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        foreach (var type in report.Unevaluated)
        {
            WriteUnevaluated(writer, type);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            ReportText.FlushWhenFull(writer);
            WriteResult(writer, report, finding, ruleIndex[finding.Policy.Id]);
        }

        foreach (var fixedEntry in report.Fixed)
        {
            WriteFixed(writer, report, fixedEntry, ruleIndex);
        }

        foreach (var external in report.ExternalFindings)
        {
            WriteExternal(writer, report, external);
        }

        writer.WriteEndArray();
        writer.WriteString("columnKind", "unicodeCodePoints");
        writer.WriteStartObject("properties");
        writer.WriteNumber("unevaluatedResources", report.UnevaluatedCount);
        writer.WriteStartObject("unevaluatedTypes");
        foreach (var type in report.Unevaluated)
        {
            writer.WriteNumber(type.Type, type.Count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The score GitHub code scanning reads to rank alerts.</summary>
    public static string SecuritySeverity(Severity severity) =>
        severity switch
        {
            Severity.Critical => "9.5",
            Severity.High => "8.0",
            Severity.Medium => "5.5",
            _ => "3.0",
        };

    /// <summary>SARIF level of an enforcement level: blocking levels are errors.</summary>
    public static string Level(EnforcementLevel level) =>
        level switch
        {
            EnforcementLevel.Mandatory or EnforcementLevel.Remediate => "error",
            EnforcementLevel.Advisory => "warning",
            _ => "none",
        };

    /// <summary>A stable fingerprint of (policy, URN): a hex SHA-256 prefix.</summary>
    public static string Fingerprint(string policy, string urn) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{policy}\n{urn}")))[..32];

    private static void WriteRule(Utf8JsonWriter writer, PolicyDescriptor policy, ControlFramework controls)
    {
        writer.WriteStartObject();
        writer.WriteString("id", policy.Id);
        writer.WriteString("name", ReportText.PascalCase(policy.Id));
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", policy.Title);
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", policy.Description);
        writer.WriteEndObject();
        writer.WriteStartObject("help");
        writer.WriteString("text", $"{policy.Description} Fix: {policy.Help}");
        writer.WriteString("markdown", ReportText.RuleHelpMarkdown(policy, controls));
        writer.WriteEndObject();
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteBoolean("enabled", policy.DefaultEnforcement != EnforcementLevel.Disabled);
        writer.WriteString("level", Level(policy.DefaultEnforcement));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("security-severity", SecuritySeverity(policy.Severity));
        writer.WriteString("precision", "very-high");
        writer.WriteString("problem.severity", policy.DefaultEnforcement.Blocks() ? "error" : "warning");
        writer.WriteStartArray("tags");
        foreach (var tag in Tags(policy, controls))
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static IEnumerable<string> Tags(PolicyDescriptor policy, ControlFramework controls) =>
        new[] { "security", policy.Control, controls.Title(policy.Control), policy.Severity.Name() }
            .Concat(policy.Tags)
            .Distinct(StringComparer.Ordinal);

    private static void WriteResult(Utf8JsonWriter writer, ScanReport report, ReportedFinding finding, int ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Policy.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("kind", "fail");
        writer.WriteString("level", Level(finding.Level));
        writer.WriteStartObject("message");
        writer.WriteString("text", $"{finding.Message} ({finding.Policy.Control}: {finding.Policy.Title})");
        writer.WriteEndObject();
        WriteLocations(writer, report, finding.Resource);
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString(FingerprintKey, Fingerprint(finding.Policy.Id, finding.Resource.Urn));
        writer.WriteEndObject();
        if (finding.State is { } state)
        {
            writer.WriteString("baselineState", state == FindingState.Existing ? "unchanged" : "new");
        }

        if (finding.Waiver is { } waiver)
        {
            WriteSuppression(writer, waiver);
        }

        writer.WriteStartObject("properties");
        writer.WriteString("enforcementLevel", finding.Level.Name());
        writer.WriteString("section", finding.Policy.Control);
        writer.WriteString("resourceType", finding.Resource.Type);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFixed(Utf8JsonWriter writer, ScanReport report, BaselineEntry entry, Dictionary<string, int> ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", entry.Policy);
        if (ruleIndex.TryGetValue(entry.Policy, out var index))
        {
            writer.WriteNumber("ruleIndex", index);
        }

        // A fixed finding is no failure any more: kind pass with level none, so code scanning raises no alert for it.
        writer.WriteString("kind", "pass");
        writer.WriteString("level", "none");
        writer.WriteStartObject("message");
        writer.WriteString("text", $"Fixed since the baseline: {entry.Message}");
        writer.WriteEndObject();
        WriteLocations(writer, report, new ResourceRef(entry.Urn, entry.Type, entry.Name));
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString(FingerprintKey, Fingerprint(entry.Policy, entry.Urn));
        writer.WriteEndObject();
        writer.WriteString("baselineState", "absent");
        writer.WriteEndObject();
    }

    private static void WriteExternal(Utf8JsonWriter writer, ScanReport report, ExternalFinding external)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", $"{external.PolicyPack}/{external.PolicyName}");
        writer.WriteString("kind", "fail");
        writer.WriteString("level", Level(external.Level));
        writer.WriteStartObject("message");
        writer.WriteString("text", $"{external.Message} (policy pack {external.PolicyPack})");
        writer.WriteEndObject();
        WriteLocations(writer, report, external.Resource);
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString(FingerprintKey, Fingerprint($"{external.PolicyPack}/{external.PolicyName}", external.Resource.Urn));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("policyPack", external.PolicyPack);
        writer.WriteString("policyPackVersion", external.PolicyPackVersion);
        writer.WriteString("enforcementLevel", external.Level.Name());
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A type no policy judged, as a tool notification: it is about the scan's reach, not a result on a resource.</summary>
    private static void WriteUnevaluated(Utf8JsonWriter writer, UnevaluatedType type)
    {
        writer.WriteStartObject();
        writer.WriteString("level", type.Blocks ? "error" : "warning");
        writer.WriteStartObject("message");
        writer.WriteString("text", ReportText.UnevaluatedType(type));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("resourceType", type.Type);
        writer.WriteNumber("count", type.Count);
        writer.WriteString("enforcementLevel", type.Level.Name());
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteSuppression(Utf8JsonWriter writer, Waiver waiver)
    {
        writer.WriteStartArray("suppressions");
        writer.WriteStartObject();
        writer.WriteString("kind", "external");
        writer.WriteString("status", "accepted");
        writer.WriteString("justification", waiver.Reason);
        writer.WriteStartObject("location");
        WritePhysical(writer, new SourceLocation(waiver.Source, waiver.Line, null));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("owner", waiver.Owner);
        writer.WriteString("expires", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (waiver.Ticket is { } ticket)
        {
            writer.WriteString("ticket", ticket);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteLocations(Utf8JsonWriter writer, ScanReport report, ResourceRef resource)
    {
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        WritePhysical(writer, SourceLocation.FromPosition(resource.SourcePosition, report.Review.ProjectDirectory) ?? SourceLocation.ProjectFile(report.Review.ProjectDirectory));
        writer.WriteStartArray("logicalLocations");
        writer.WriteStartObject();
        writer.WriteString("name", resource.Name);
        writer.WriteString("fullyQualifiedName", resource.Urn.Length == 0 ? resource.Type : resource.Urn);
        writer.WriteString("decoratedName", resource.Type);
        writer.WriteString("kind", "resource");
        writer.WriteStartObject("properties");
        writer.WriteString("type", resource.Type);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>A repository path as the URI reference SARIF requires: each segment percent-encoded, so a space or `#` stays part of the name.</summary>
    private static string UriReference(string path) =>
        path.StartsWith("file:", StringComparison.Ordinal) ? path : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static void WritePhysical(Utf8JsonWriter writer, SourceLocation location)
    {
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", UriReference(location.Path));
        writer.WriteEndObject();
        if (location.Line is { } line)
        {
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", line);
            if (location.Column is { } column)
            {
                writer.WriteNumber("startColumn", column);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
