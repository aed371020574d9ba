using System.Globalization;
using SecurityBaseline.Engine;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Reporting;

/// <summary>The pull-request comment: verdict, counts, a table of violations, and collapsed waived, fixed and external findings.</summary>
public static class MarkdownReporter
{
    /// <summary>The hidden marker CI searches for to update the same comment instead of adding a new one.</summary>
    public const string Marker = "<!-- security-baseline:report -->";

    /// <summary>Rows shown per table; GitHub comments are limited to 65,536 characters.</summary>
    public const int MaxRows = 150;

    public static void Write(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Marker);
        writer.WriteLine($"## {(report.Blocked ? "❌" : "✅")} Security baseline");
        writer.WriteLine();
        writer.WriteLine($"**{ReportText.Inline(ReportText.Verdict(report))}**");
        writer.WriteLine();
        foreach (var waiver in report.ExpiredWaivers)
        {
            writer.WriteLine($"> ⚠️ {ReportText.Inline(ReportText.ExpiredWaiver(waiver))} ({ReportText.Inline(waiver.Source)} line {waiver.Line})");
            writer.WriteLine();
        }

        WriteCounts(report, writer);
        WriteViolations(report, writer);
        WriteWaived(report, writer);
        WriteFixed(report, writer);
        WriteExternal(report, writer);
        WriteUnevaluated(report, writer);
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"<sub>{PolicyCatalog.PackName} {PolicyCatalog.Version} · {ReportText.Count(report.Inputs.Count, "input")} · {ReportText.Count(report.Passed, "check")} passed · {report.NotApplicable} not applicable</sub>"));
    }

    private static void WriteCounts(ScanReport report, TextWriter writer)
    {
        var open = report.Open.ToArray();
        writer.WriteLine(report.HasBaseline ? "| level | violations | new |" : "| level | violations |");
        writer.WriteLine(report.HasBaseline ? "|---|---:|---:|" : "|---|---:|");
        foreach (var level in new[] { EnforcementLevel.Remediate, EnforcementLevel.Mandatory, EnforcementLevel.Advisory })
        {
            var atLevel = open.Where(f => f.Level == level).ToArray();
            if (atLevel.Length == 0 && level == EnforcementLevel.Remediate)
            {
                continue;
            }

            writer.WriteLine(report.HasBaseline
                ? $"| {level.Name()} | {atLevel.Length} | {atLevel.Count(f => f.IsNew)} |"
                : $"| {level.Name()} | {atLevel.Length} |");
        }

        writer.WriteLine(report.HasBaseline ? $"| waived | {report.WaivedCount} | |" : $"| waived | {report.WaivedCount} |");
        writer.WriteLine();

        var sections = report.Findings.GroupBy(f => f.Policy.Section).OrderBy(g => g.Key).ToArray();
        if (sections.Length == 0)
        {
            return;
        }

        writer.WriteLine("| § | control | mandatory | advisory | waived |");
        writer.WriteLine("|---|---|---:|---:|---:|");
        foreach (var section in sections)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {CompanyPolicy.Reference(section.Key)} | {ReportText.Cell(CompanyPolicy.Title(section.Key))} | {section.Count(f => f.Blocks)} | {section.Count(f => !f.IsWaived && !f.Finding.Blocks)} | {section.Count(f => f.IsWaived)} |"));
        }

        writer.WriteLine();
    }

    private static void WriteViolations(ScanReport report, TextWriter writer)
    {
        var open = report.Open
            .OrderByDescending(f => f.Blocks)
            .ThenByDescending(f => f.IsNew)
            .ThenBy(f => f.Resource.Urn, StringComparer.Ordinal)
            .ThenBy(f => f.Policy.Id, StringComparer.Ordinal)
            .ToArray();
        if (open.Length == 0)
        {
            writer.WriteLine("No open violations.");
            writer.WriteLine();
            return;
        }

        writer.WriteLine("### Violations");
        writer.WriteLine();
        writer.WriteLine("| | resource | policy | § | problem | fix |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (var finding in open.Take(MaxRows))
        {
            var badge = finding.Blocks ? "🔴" : "🟡";
            var state = finding.State switch
            {
                FindingState.New => " 🆕 new",
                FindingState.Existing => " existing",
                _ => string.Empty,
            };
            writer.WriteLine($"| {badge} {finding.Level.Name()}{state} | {Resource(finding.Resource)} | {ReportText.Code(finding.Policy.Id)} | {finding.Policy.SectionReference} | {ReportText.CellWithCode(finding.Message)} | {ReportText.CellWithCode(finding.Policy.Help)} |");
        }

        More(open.Length, writer);
        writer.WriteLine();
    }

    private static void WriteWaived(ScanReport report, TextWriter writer)
    {
        var waived = report.Waived.ToArray();
        if (waived.Length == 0)
        {
            return;
        }

        writer.WriteLine($"<details><summary>Waived findings ({waived.Length})</summary>");
        writer.WriteLine();
        writer.WriteLine("| resource | policy | § | problem | reason | owner | expires |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var finding in waived.Take(MaxRows))
        {
            var waiver = finding.Waiver!;
            writer.WriteLine($"| {Resource(finding.Resource)} | {ReportText.Code(finding.Policy.Id)} | {finding.Policy.SectionReference} | {ReportText.CellWithCode(finding.Message)} | {ReportText.Cell(waiver.Reason)} | {ReportText.Cell(waiver.Owner)} | {ReportText.Date(waiver.Expires)} |");
        }

        More(waived.Length, writer);
        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }

    private static void WriteFixed(ScanReport report, TextWriter writer)
    {
        if (report.Fixed.Count == 0)
        {
            return;
        }

        writer.WriteLine($"<details><summary>Fixed since the baseline ({report.Fixed.Count})</summary>");
        writer.WriteLine();
        writer.WriteLine("| resource | policy | § | was |");
        writer.WriteLine("|---|---|---|---|");
        foreach (var entry in report.Fixed.Take(MaxRows))
        {
            writer.WriteLine($"| {Resource(new ResourceRef(entry.Urn, entry.Type, entry.Name))} | {ReportText.Code(entry.Policy)} | {ReportText.Cell(entry.Section)} | {ReportText.CellWithCode(entry.Message)} |");
        }

        More(report.Fixed.Count, writer);
        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }

    private static void WriteExternal(ScanReport report, TextWriter writer)
    {
        if (report.ExternalFindings.Count == 0)
        {
            return;
        }

        writer.WriteLine($"<details><summary>Findings from other policy packs ({report.ExternalFindings.Count})</summary>");
        writer.WriteLine();
        writer.WriteLine("| level | resource | pack | policy | message |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var external in report.ExternalFindings.Take(MaxRows))
        {
            writer.WriteLine($"| {external.Level.Name()} | {Resource(external.Resource)} | {ReportText.Cell($"{external.PolicyPack} {external.PolicyPackVersion}".Trim())} | {ReportText.Code(external.PolicyName)} | {ReportText.Cell(external.Message)} |");
        }

        More(report.ExternalFindings.Count, writer);
        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }

    private static void WriteUnevaluated(ScanReport report, TextWriter writer)
    {
        if (report.UnevaluatedCount == 0)
        {
            return;
        }

        writer.WriteLine($"<details><summary>{ReportText.Inline(ReportText.Unevaluated(report))}{ReportText.Inline(ReportText.ClosedWorld(report))}</summary>");
        writer.WriteLine();
        writer.WriteLine("| type | resources | level |");
        writer.WriteLine("|---|---:|---|");
        foreach (var type in report.Unevaluated.Take(MaxRows))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ReportText.Code(type.Type)} | {type.Count} | {(type.Blocks ? "🔴 " : string.Empty)}{type.Level.Name()} |"));
        }

        More(report.Unevaluated.Count, writer);
        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }

    private static string Resource(ResourceRef resource) => $"{ReportText.Code(resource.Name)}<br><sub>{ReportText.Cell(resource.Type)}</sub>";

    private static void More(int total, TextWriter writer)
    {
        if (total > MaxRows)
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {total - MaxRows} more; the SARIF and JSON reports list them all."));
        }
    }
}
