using System.Globalization;
using SecurityBaseline.Engine;
using SecurityBaseline.Inputs;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Reporting;

/// <summary>The console report a platform engineer reads: one block per violation, then a summary.</summary>
public static class TextReporter
{
    public static void Write(ScanReport report, TextWriter writer)
    {
        foreach (var input in report.Inputs)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanned {input.Source} ({KindName(input.Kind)}, {input.Inputs.Count} resource(s))"));
        }

        writer.WriteLine();
        foreach (var finding in report.Result.Findings.OrderByDescending(f => f.Blocks).ThenBy(f => f.Resource.Urn, StringComparer.Ordinal).ThenBy(f => f.Policy.Id, StringComparer.Ordinal))
        {
            writer.WriteLine($"{finding.Level.Name().ToUpperInvariant(),-10} {finding.Policy.Id}  {finding.Policy.SectionReference}  {finding.Resource.Name} ({finding.Resource.Type})");
            writer.WriteLine($"           {finding.Message}");
            writer.WriteLine($"           fix: {finding.Policy.Help}");
            if (finding.Resource.SourcePosition is { } position)
            {
                writer.WriteLine($"           at: {position}");
            }

            writer.WriteLine();
        }

        writer.WriteLine(Summary(report));
    }

    public static string Summary(ScanReport report) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{PolicyCatalog.PackName} {PolicyCatalog.Version}: {report.Mandatory} mandatory and {report.Advisory} advisory violation(s) in {report.ResourceCount} resource(s); {report.Passed} check(s) passed, {report.NotApplicable} not applicable. {(report.Result.HasBlockingViolation ? "BLOCKED" : "OK")}");

    internal static string KindName(InputKind kind) =>
        kind switch
        {
            InputKind.StackExport => "stack export",
            InputKind.PreviewDigest => "preview",
            InputKind.EngineEvents => "engine events",
            _ => kind.ToString(),
        };
}
