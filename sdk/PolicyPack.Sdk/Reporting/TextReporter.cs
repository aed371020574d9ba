using System.Globalization;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;

namespace PolicyPack.Sdk.Reporting;

/// <summary>The console report a platform engineer reads: one block per violation, then waived, fixed and external findings, then a summary.</summary>
internal static class TextReporter
{
    public static void Write(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var input in report.Inputs)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanned {input.Source} ({KindName(input.Kind)}, {input.Inputs.Count} resource(s))"));
        }

        writer.WriteLine();
        foreach (var waiver in report.ExpiredWaivers)
        {
            writer.WriteLine($"WARNING    {waiver.Source}:{waiver.Line}: {ReportText.ExpiredWaiver(waiver)}");
            writer.WriteLine();
        }

        foreach (var waiver in report.StaleWaivers)
        {
            writer.WriteLine($"WARNING    {waiver.Source}:{waiver.Line}: {ReportText.StaleWaiver(waiver)}");
            writer.WriteLine();
        }

        foreach (var finding in report.Findings.OrderBy(f => f.IsWaived).ThenByDescending(f => f.Finding.Blocks).ThenBy(f => f.Resource.Urn, StringComparer.Ordinal).ThenBy(f => f.Policy.Id, StringComparer.Ordinal))
        {
            var label = finding.IsWaived ? "WAIVED" : finding.Level.Name().ToUpperInvariant();
            var state = finding.State switch
            {
                FindingState.New => "  [new]",
                FindingState.Existing => "  [existing]",
                _ => string.Empty,
            };
            writer.WriteLine($"{label,-10} {finding.Policy.Id}  {finding.Policy.Control}  {finding.Resource.Name} ({finding.Resource.Type}){state}");
            writer.WriteLine($"           {Indent(finding.Message)}");
            if (finding.Waiver is { } waiver)
            {
                writer.WriteLine($"           {ReportText.WaiverNote(waiver)}");
            }
            else
            {
                writer.WriteLine($"           fix: {finding.Policy.Help}");
            }

            if (finding.Resource.SourcePosition is { } position)
            {
                writer.WriteLine($"           at: {position}");
            }

            if (report.Inputs.Count > 1 && finding.Resource.Origin is { } origin)
            {
                writer.WriteLine($"           in: {origin}");
            }

            writer.WriteLine();
        }

        foreach (var entry in report.Fixed)
        {
            writer.WriteLine($"{"FIXED",-10} {entry.Policy}  {entry.Section}  {entry.Name} ({entry.Type})");
            writer.WriteLine();
        }

        foreach (var external in report.ExternalFindings)
        {
            writer.WriteLine($"{"EXTERNAL",-10} {external.PolicyPack}/{external.PolicyName}  {external.Level.Name()}  {external.Resource.Name} ({external.Resource.Type})");
            writer.WriteLine($"           {Indent(external.Message)}");
            writer.WriteLine();
        }

        writer.WriteLine(Summary(report));
    }

    public static string Summary(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var extras = new List<string>();
        if (report.WaivedCount > 0)
        {
            extras.Add($"{report.WaivedCount} waived");
        }

        if (report.HasBaseline)
        {
            extras.Add($"{report.NewMandatory} new mandatory, {report.Fixed.Count} fixed since the baseline");
        }

        if (report.ExpiredWaivers.Count > 0)
        {
            extras.Add($"{report.ExpiredWaivers.Count} expired waiver(s)");
        }

        if (report.StaleWaivers.Count > 0)
        {
            extras.Add($"{report.StaleWaivers.Count} stale waiver(s)");
        }

        if (report.ExternalFindings.Count > 0)
        {
            extras.Add($"{report.ExternalFindings.Count} finding(s) from other policy packs");
        }

        var extra = extras.Count == 0 ? string.Empty : $"; {string.Join("; ", extras)}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Pack.Name} {report.Pack.Version}: {report.Mandatory} mandatory and {report.Advisory} advisory violation(s) in {report.ResourceCount} resource(s); {report.Passed} check(s) passed, {report.NotApplicable} not applicable{extra}. {(report.Blocked ? "BLOCKED" : "OK")}{UnevaluatedTail(report)}");
    }

    /// <summary>A summary never reads a plain "OK" when some resources went unjudged: the tail counts and names them.</summary>
    private static string UnevaluatedTail(ScanReport report)
    {
        if (report.UnevaluatedCount == 0)
        {
            return string.Empty;
        }

        return $"{(report.Blocked ? ";" : ", but")} {ReportText.Unevaluated(report)}{ReportText.ClosedWorld(report)}: {ReportText.UnevaluatedTypes(report)}";
    }

    private static string Indent(string text) => text.ReplaceLineEndings("\n           ");

    internal static string KindName(InputKind kind) =>
        kind switch
        {
            InputKind.StackExport => "stack export",
            InputKind.PreviewDigest => "preview",
            InputKind.EngineEvents => "engine events",
            _ => kind.ToString(),
        };
}
