using System.Globalization;
using System.Text;
using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Reporting;

/// <summary>
/// The pull-request comment: verdict, counts, violations (new before existing) with each policy's fix once, then collapsed
/// waived, fixed and external findings, all kept under GitHub's comment limit.
/// </summary>
internal static class MarkdownReporter
{
    /// <summary>The hidden marker CI searches for to update the same comment instead of adding a new one.</summary>
    /// <summary>The hidden first line by which a workflow finds and updates the pack's earlier comment, e.g. "&lt;!-- security-baseline:report --&gt;".</summary>
    public static string Marker(PackDefinition pack) => $"<!-- {pack.Name}:report -->";

    /// <summary>GitHub refuses an issue or pull-request comment longer than 65,536 characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    /// <summary>
    /// The comment's budget in UTF-16 characters (which count an emoji as two, so never fewer than GitHub counts): well under
    /// <see cref="GitHubCommentLimit"/>, leaving room for the closing notices and for a workflow that adds a line.
    /// </summary>
    public const int MaxCharacters = 60_000;

    /// <summary>Kept free for what is written after the budgeted rows: the "… and N more" lines, the overflow notice and the footer.</summary>
    private const int Reserve = 2_000;

    public static void Write(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var comment = new Comment(MaxCharacters - Reserve);
        comment.Line(Marker(report.Pack));
        comment.Line($"## {(report.Blocked ? "❌" : "✅")} {(report.Pack.DisplayName.Length > 0 ? report.Pack.DisplayName : report.Pack.Name)}");
        comment.Line();
        comment.Line($"**{ReportText.Inline(ReportText.Verdict(report))}**");
        comment.Line();
        WriteWaiverNotes(report, comment);
        WriteCounts(report, comment);
        WriteViolations(report, comment);
        WriteWaived(report, comment);
        WriteFixed(report, comment);
        WriteExternal(report, comment);
        WriteUnevaluated(report, comment);
        if (comment.Omitted.Count > 0)
        {
            var parts = comment.Omitted.Select(o => ReportText.Count(o.Value, o.Key));
            comment.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"> ✂️ Not shown, to keep this comment under GitHub's {GitHubCommentLimit:N0}-character limit: {string.Join(", ", parts)}. The SARIF report (code scanning alerts) and the JSON report (workflow artifact) list every finding."));
            comment.Line();
        }

        comment.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"<sub>{report.Pack.Name} {report.Pack.Version} · {ReportText.Count(report.Inputs.Count, "input")} · {ReportText.Count(report.Passed, "check")} passed · {report.NotApplicable} not applicable</sub>"));
        writer.Write(comment.Text);
    }

    private static void WriteWaiverNotes(ScanReport report, Comment comment)
    {
        var notes = report.ExpiredWaivers.Select(w => (w, ReportText.ExpiredWaiver(w)))
            .Concat(report.StaleWaivers.Select(w => (w, ReportText.StaleWaiver(w))));
        foreach (var (waiver, text) in notes)
        {
            if (!comment.TryLine($"> ⚠️ {ReportText.Inline(text)} ({ReportText.Inline(waiver.Source)} line {waiver.Line})\n", "waiver warning"))
            {
                continue;
            }

            comment.Line();
        }
    }

    private static void WriteCounts(ScanReport report, Comment comment)
    {
        var open = report.Open.ToArray();
        comment.Line(report.HasBaseline ? "| level | violations | new |" : "| level | violations |");
        comment.Line(report.HasBaseline ? "|---|---:|---:|" : "|---|---:|");
        foreach (var level in new[] { EnforcementLevel.Remediate, EnforcementLevel.Mandatory, EnforcementLevel.Advisory })
        {
            var atLevel = open.Where(f => f.Level == level).ToArray();
            if (atLevel.Length == 0 && level == EnforcementLevel.Remediate)
            {
                continue;
            }

            comment.Line(report.HasBaseline
                ? $"| {level.Name()} | {atLevel.Length} | {atLevel.Count(f => f.IsNew)} |"
                : $"| {level.Name()} | {atLevel.Length} |");
        }

        comment.Line(report.HasBaseline ? $"| waived | {report.WaivedCount} | |" : $"| waived | {report.WaivedCount} |");
        comment.Line();

        var sections = report.Findings.GroupBy(f => f.Policy.Control).OrderBy(g => report.Controls.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (sections.Length == 0)
        {
            return;
        }

        comment.Line($"| {report.Controls.Heading} | control | mandatory | advisory | waived |");
        comment.Line("|---|---|---:|---:|---:|");
        foreach (var section in sections)
        {
            comment.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"| {section.Key} | {ReportText.Cell(report.Controls.Title(section.Key))} | {section.Count(f => f.Blocks)} | {section.Count(f => !f.IsWaived && !f.Finding.Blocks)} | {section.Count(f => f.IsWaived)} |"));
        }

        comment.Line();
    }

    /// <summary>New violations before existing ones, blocking before advisory; each policy's fix is written once, under the table.</summary>
    private static void WriteViolations(ScanReport report, Comment comment)
    {
        var open = report.Open
            .OrderByDescending(f => f.IsNew)
            .ThenByDescending(f => f.Blocks)
            .ThenBy(f => f.Resource.Urn, StringComparer.Ordinal)
            .ThenBy(f => f.Policy.Id, StringComparer.Ordinal)
            .ToArray();
        if (open.Length == 0)
        {
            comment.Line("No open violations.");
            comment.Line();
            return;
        }

        comment.Line("### Violations");
        comment.Line();
        comment.Line($"| | resource | policy | {report.Controls.Heading} | problem |");
        comment.Line("|---|---|---|---|---|");
        var fixes = new List<PolicyDescriptor>();
        var shown = 0;
        foreach (var finding in open)
        {
            var badge = finding.Blocks ? "🔴" : "🟡";
            var state = finding.State switch
            {
                FindingState.New => " 🆕 new",
                FindingState.Existing => " existing",
                _ => string.Empty,
            };
            var row = $"| {badge} {finding.Level.Name()}{state} | {Resource(finding.Resource, report.Review)} | {ReportText.Code(finding.Policy.Id)} | {finding.Policy.Control} | {ReportText.CellWithCode(finding.Message)} |\n";

            // The fix is paid for with the first row of its policy, so every row shown has its fix shown too.
            var fix = fixes.Contains(finding.Policy) ? string.Empty : FixLine(finding.Policy);
            if (!comment.TryReserve(row.Length + fix.Length))
            {
                break;
            }

            comment.Append(row);
            comment.Unreserve(row.Length);
            if (fix.Length > 0)
            {
                fixes.Add(finding.Policy);
            }

            shown++;
        }

        More(comment, open.Length, shown, "violation");
        comment.Line();
        comment.Line("### Fixes");
        comment.Line();
        foreach (var policy in fixes)
        {
            var line = FixLine(policy);
            comment.Append(line);
            comment.Unreserve(line.Length);
        }

        comment.Line();
    }

    private static string FixLine(PolicyDescriptor policy) =>
        $"- {ReportText.Code(policy.Id)} ({policy.Control} {ReportText.Cell(policy.Title)}): {ReportText.CellWithCode(policy.Help)}\n";

    private static void WriteWaived(ScanReport report, Comment comment)
    {
        var waived = report.Waived.ToArray();
        if (waived.Length == 0)
        {
            return;
        }

        Table(
            comment,
            $"Waived findings ({waived.Length})",
            $"| resource | policy | {report.Controls.Heading} | problem | reason | owner | expires |\n|---|---|---|---|---|---|---|",
            waived.Select(f => $"| {Resource(f.Resource, report.Review)} | {ReportText.Code(f.Policy.Id)} | {f.Policy.Control} | {ReportText.CellWithCode(f.Message)} | {ReportText.Cell(f.Waiver!.Reason)} | {ReportText.Cell(f.Waiver.Owner)} | {ReportText.Date(f.Waiver.Expires)} |"),
            waived.Length,
            "waived finding");
    }

    private static void WriteFixed(ScanReport report, Comment comment)
    {
        if (report.Fixed.Count == 0)
        {
            return;
        }

        Table(
            comment,
            $"Fixed since the baseline ({report.Fixed.Count})",
            $"| resource | policy | {report.Controls.Heading} | was |\n|---|---|---|---|",
            report.Fixed.Select(e => $"| {Resource(new ResourceRef(e.Urn, e.Type, e.Name), report.Review)} | {ReportText.Code(e.Policy)} | {ReportText.Cell(e.Section)} | {ReportText.CellWithCode(e.Message)} |"),
            report.Fixed.Count,
            "fixed finding");
    }

    private static void WriteExternal(ScanReport report, Comment comment)
    {
        if (report.ExternalFindings.Count == 0)
        {
            return;
        }

        Table(
            comment,
            $"Findings from other policy packs ({report.ExternalFindings.Count})",
            "| level | resource | pack | policy | message |\n|---|---|---|---|---|",
            report.ExternalFindings.Select(x => $"| {x.Level.Name()} | {Resource(x.Resource, report.Review)} | {ReportText.Cell($"{x.PolicyPack} {x.PolicyPackVersion}".Trim())} | {ReportText.Code(x.PolicyName)} | {ReportText.Cell(x.Message)} |"),
            report.ExternalFindings.Count,
            "finding from other policy packs");
    }

    private static void WriteUnevaluated(ScanReport report, Comment comment)
    {
        if (report.UnevaluatedCount == 0)
        {
            return;
        }

        Table(
            comment,
            $"{ReportText.Inline(ReportText.Unevaluated(report))}{ReportText.Inline(ReportText.ClosedWorld(report))}",
            "| type | resources | level |\n|---|---:|---|",
            report.Unevaluated.Select(t => string.Create(CultureInfo.InvariantCulture, $"| {ReportText.Code(t.Type)} | {t.Count} | {(t.Blocks ? "🔴 " : string.Empty)}{t.Level.Name()} |")),
            report.Unevaluated.Count,
            "unevaluated type");
    }

    /// <summary>A collapsed table whose rows are written while the budget lasts.</summary>
    private static void Table(Comment comment, string summary, string header, IEnumerable<string> rows, int total, string noun)
    {
        comment.Line($"<details><summary>{summary}</summary>");
        comment.Line();
        comment.Line(header);
        var shown = 0;
        foreach (var row in rows)
        {
            if (!comment.TryLine(row + "\n", null))
            {
                break;
            }

            shown++;
        }

        More(comment, total, shown, noun);
        comment.Line();
        comment.Line("</details>");
        comment.Line();
    }

    private static void More(Comment comment, int total, int shown, string noun)
    {
        if (total > shown)
        {
            comment.Omit(noun, total - shown);
            comment.Line();
            comment.Line(string.Create(CultureInfo.InvariantCulture, $"… and {total - shown} more (see the note at the end)."));
        }
    }

    /// <summary>The resource's name and type, and where the program declared it when the state says so.</summary>
    private static string Resource(ResourceRef resource, ReviewOptions review)
    {
        var text = $"{ReportText.Code(resource.Name)}<br><sub>{ReportText.Cell(resource.Type)}</sub>";
        return SourceLocation.FromPosition(resource.SourcePosition, review.ProjectDirectory) is { } location
            ? $"{text}<br><sub>{Link(location, review.LinkBase)}</sub>"
            : text;
    }

    /// <summary>`path:line` as a link to the line under <paramref name="linkBase"/>, or as code when there is no base or the path is absolute.</summary>
    internal static string Link(SourceLocation location, string? linkBase)
    {
        var label = location.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{location.Path}:{line}") : location.Path;
        if (string.IsNullOrEmpty(linkBase) || location.Path.StartsWith("file:", StringComparison.Ordinal))
        {
            return ReportText.Code(label);
        }

        var anchor = location.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $"#L{l}") : string.Empty;
        var url = (linkBase.EndsWith('/') ? linkBase : linkBase + "/") + string.Join('/', location.Path.Split('/').Select(Uri.EscapeDataString)) + anchor;
        return $"[{ReportText.Cell(label)}]({url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal)})";
    }

    /// <summary>The comment being written, with its character budget and what had to be left out.</summary>
    private sealed class Comment(int budget)
    {
        private readonly StringBuilder text = new();
        private int reserved;

        /// <summary>What was left out, by kind, in the order first met.</summary>
        public Dictionary<string, int> Omitted { get; } = [];

        public string Text => text.ToString();

        /// <summary>Writes a fixed part; it counts against the budget but is never refused (headings, counts, notices).</summary>
        public void Line(string line = "") => text.Append(line).Append('\n');

        public void Append(string part) => text.Append(part);

        /// <summary>Writes <paramref name="part"/> when the budget allows; else counts one <paramref name="noun"/> as left out (when given).</summary>
        public bool TryLine(string part, string? noun)
        {
            if (text.Length + reserved + part.Length > budget)
            {
                if (noun is not null)
                {
                    Omit(noun, 1);
                }

                return false;
            }

            text.Append(part);
            return true;
        }

        /// <summary>Holds room for <paramref name="length"/> characters written now or later; false when there is none.</summary>
        public bool TryReserve(int length)
        {
            if (text.Length + reserved + length > budget)
            {
                return false;
            }

            reserved += length;
            return true;
        }

        /// <summary>Releases reserved room as the text it was held for is written (or the part of it that is written later).</summary>
        public void Unreserve(int length) => reserved -= length;

        public void Omit(string noun, int count) => Omitted[noun] = Omitted.GetValueOrDefault(noun) + count;
    }
}
