using System.Text.Json;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Reporting;

/// <summary>One finding of a previous JSON report: enough to match it (policy, URN) and to show it as fixed.</summary>
public sealed record BaselineEntry(string Policy, string Urn, string Title, string Section, string Level, string Type, string Name, string Message)
{
    public (string Policy, string Urn) Key => (Policy, Urn);
}

/// <summary>A previous `scan --format json` report (docs/report-json.md), read for its findings.</summary>
public sealed record BaselineReport(string Source, IReadOnlyList<BaselineEntry> Findings)
{
    /// <summary>The findings' keys, built once: a scan asks once per finding, and a walk per question is quadratic.</summary>
    private readonly HashSet<(string Policy, string Urn)> keys = (Findings ?? throw new ArgumentNullException(nameof(Findings))).Select(f => f.Key).ToHashSet();

    public bool Contains(string policy, string urn) => keys.Contains((policy, urn));

    /// <summary>Reads the report's text; <paramref name="source"/> names the file in errors.</summary>
    public static BaselineReport Parse(string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputFormatException($"{source}: the baseline report is empty; expected a `scan --format json` report");
        }

        using var document = StackInputReader.Parse(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version) ||
            version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != JsonReporter.SchemaVersion)
        {
            throw new InputFormatException($"{source}: not a policy pack JSON report (schemaVersion {JsonReporter.SchemaVersion} expected)");
        }

        if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException($"{source}: the baseline report has no findings array");
        }

        var entries = new List<BaselineEntry>();
        var i = 0;
        foreach (var finding in findings.EnumerateArray())
        {
            var path = $"findings[{i++}]";
            if (finding.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException($"{source}: {path} must be an object");
            }

            var policy = Text(finding, "policy") ?? throw new InputFormatException($"{source}: {path}.policy is missing");
            var urn = Text(finding, "urn") ?? throw new InputFormatException($"{source}: {path}.urn is missing");
            entries.Add(new BaselineEntry(
                policy,
                urn,
                Text(finding, "title") ?? policy,
                Text(finding, "section") ?? string.Empty,
                Text(finding, "level") ?? string.Empty,
                Text(finding, "type") ?? string.Empty,
                Text(finding, "name") ?? PulumiResource.NameFromUrn(urn),
                Text(finding, "message") ?? string.Empty));
        }

        return new BaselineReport(source, entries);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
