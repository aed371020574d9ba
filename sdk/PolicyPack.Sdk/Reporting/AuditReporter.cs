using System.Globalization;
using System.Net;
using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Reporting;

/// <summary>Audit evidence: every control of the pack's framework, its policies, and every resource checked with pass, fail, waived or not applicable.</summary>
internal static class AuditReporter
{
    private sealed record Check(ResourceRef Resource, PolicyDescriptor Policy, string Status, string Detail);

    private sealed record Control(int Position, string Id, string Title, string WhyNoPolicy, IReadOnlyList<PolicyDescriptor> Policies, IReadOnlyList<Check> Checks)
    {
        public int Count(string status) => Checks.Count(c => c.Status == status);
    }

    private static readonly string[] Statuses = ["pass", "fail", "waived", "not applicable"];

    public static void WriteMarkdown(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var controls = Controls(report);
        writer.WriteLine($"# Audit evidence: {report.Controls.Name} ({report.Controls.Version})");
        writer.WriteLine();
        foreach (var line in Header(report))
        {
            writer.WriteLine($"- {ReportText.Inline(line)}");
        }

        writer.WriteLine();
        writer.WriteLine($"| {report.Controls.Heading} | control | policies | pass | fail | waived | not applicable |");
        writer.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var control in controls)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| [{control.Id}](#{Anchor(control)}) | {ReportText.Cell(control.Title)} | {control.Policies.Count} | {control.Count("pass")} | {control.Count("fail")} | {control.Count("waived")} | {control.Count("not applicable")} |"));
        }

        foreach (var control in controls)
        {
            writer.WriteLine();
            writer.WriteLine($"## <a id=\"{Anchor(control)}\"></a>{control.Id} {ReportText.Inline(control.Title)}");
            writer.WriteLine();
            if (control.Policies.Count == 0)
            {
                writer.WriteLine($"No automated policy enforces this section: {ReportText.Inline(control.WhyNoPolicy)}");
                continue;
            }

            writer.WriteLine("Policies:");
            writer.WriteLine();
            foreach (var policy in control.Policies)
            {
                writer.WriteLine($"- {ReportText.Code(policy.Id)}: {ReportText.Inline(policy.Title)} ({policy.Severity.Name()}, default {policy.DefaultEnforcement.Name()})");
            }

            writer.WriteLine();
            if (control.Checks.Count == 0)
            {
                writer.WriteLine("No resource in the scanned stacks is of a type these policies cover.");
                continue;
            }

            writer.WriteLine("| resource | type | policy | result | detail |");
            writer.WriteLine("|---|---|---|---|---|");
            foreach (var check in control.Checks)
            {
                writer.WriteLine($"| {ReportText.Code(check.Resource.Name)} | {ReportText.Cell(check.Resource.Type)} | {ReportText.Code(check.Policy.Id)} | {check.Status} | {ReportText.CellWithCode(check.Detail)} |");
            }
        }

        if (report.UnevaluatedCount > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Resources no policy evaluated");
            writer.WriteLine();
            writer.WriteLine($"{ReportText.Inline(ReportText.Unevaluated(report))}{ReportText.Inline(ReportText.ClosedWorld(report))}; no automated evidence covers them.");
            writer.WriteLine();
            writer.WriteLine("| type | resources | level |");
            writer.WriteLine("|---|---:|---|");
            foreach (var type in report.Unevaluated)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ReportText.Code(type.Type)} | {type.Count} | {type.Level.Name()} |"));
            }
        }

        if (report.ExpiredWaivers.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Expired waivers");
            writer.WriteLine();
            foreach (var waiver in report.ExpiredWaivers)
            {
                writer.WriteLine($"- {ReportText.Inline(ReportText.ExpiredWaiver(waiver))} ({ReportText.Inline(waiver.Source)} line {waiver.Line})");
            }
        }

        if (report.StaleWaivers.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Stale waivers");
            writer.WriteLine();
            foreach (var waiver in report.StaleWaivers)
            {
                writer.WriteLine($"- {ReportText.Inline(ReportText.StaleWaiver(waiver))} ({ReportText.Inline(waiver.Source)} line {waiver.Line})");
            }
        }
    }

    public static void WriteHtml(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var controls = Controls(report);
        var title = $"Audit evidence: {report.Controls.Name} ({report.Controls.Version})";
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine($"<title>{H(title)}</title>");
        writer.WriteLine("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}td.n{text-align:right}.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:bold}.waived{color:#9a6700}.na{color:#57606a}code{font-size:.9em}</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine($"<h1>{H(title)}</h1>");
        writer.WriteLine("<ul>");
        foreach (var line in Header(report))
        {
            writer.WriteLine($"<li>{H(line)}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("<table>");
        writer.WriteLine($"<tr><th>{HeadingEncoder.Encode(report.Controls.Heading)}</th><th>control</th><th>policies</th><th>pass</th><th>fail</th><th>waived</th><th>not applicable</th></tr>");
        foreach (var control in controls)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{Anchor(control)}\">{control.Id}</a></td><td>{H(control.Title)}</td><td class=\"n\">{control.Policies.Count}</td><td class=\"n\">{control.Count("pass")}</td><td class=\"n\">{control.Count("fail")}</td><td class=\"n\">{control.Count("waived")}</td><td class=\"n\">{control.Count("not applicable")}</td></tr>"));
        }

        writer.WriteLine("</table>");
        foreach (var control in controls)
        {
            writer.WriteLine($"<h2 id=\"{Anchor(control)}\">{control.Id} {H(control.Title)}</h2>");
            if (control.Policies.Count == 0)
            {
                writer.WriteLine($"<p>No automated policy enforces this section: {H(control.WhyNoPolicy)}</p>");
                continue;
            }

            writer.WriteLine("<ul>");
            foreach (var policy in control.Policies)
            {
                writer.WriteLine($"<li><code>{H(policy.Id)}</code>: {H(policy.Title)} ({policy.Severity.Name()}, default {policy.DefaultEnforcement.Name()})</li>");
            }

            writer.WriteLine("</ul>");
            if (control.Checks.Count == 0)
            {
                writer.WriteLine("<p>No resource in the scanned stacks is of a type these policies cover.</p>");
                continue;
            }

            writer.WriteLine("<table>");
            writer.WriteLine("<tr><th>resource</th><th>type</th><th>policy</th><th>result</th><th>detail</th></tr>");
            foreach (var check in control.Checks)
            {
                var css = check.Status == "not applicable" ? "na" : check.Status;
                writer.WriteLine($"<tr><td title=\"{H(check.Resource.Urn)}\"><code>{H(check.Resource.Name)}</code></td><td>{H(check.Resource.Type)}</td><td><code>{H(check.Policy.Id)}</code></td><td class=\"{css}\">{check.Status}</td><td>{H(check.Detail)}</td></tr>");
            }

            writer.WriteLine("</table>");
        }

        if (report.UnevaluatedCount > 0)
        {
            writer.WriteLine("<h2 id=\"unevaluated\">Resources no policy evaluated</h2>");
            writer.WriteLine($"<p>{H(ReportText.Unevaluated(report))}{H(ReportText.ClosedWorld(report))}; no automated evidence covers them.</p>");
            writer.WriteLine("<table>");
            writer.WriteLine("<tr><th>type</th><th>resources</th><th>level</th></tr>");
            foreach (var type in report.Unevaluated)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<tr><td><code>{H(type.Type)}</code></td><td class=\"n\">{type.Count}</td><td class=\"{(type.Blocks ? "fail" : "na")}\">{type.Level.Name()}</td></tr>"));
            }

            writer.WriteLine("</table>");
        }

        if (report.ExpiredWaivers.Count > 0)
        {
            writer.WriteLine("<h2>Expired waivers</h2>");
            writer.WriteLine("<ul>");
            foreach (var waiver in report.ExpiredWaivers)
            {
                writer.WriteLine($"<li>{H(ReportText.ExpiredWaiver(waiver))} ({H(waiver.Source)} line {waiver.Line})</li>");
            }

            writer.WriteLine("</ul>");
        }

        if (report.StaleWaivers.Count > 0)
        {
            writer.WriteLine("<h2>Stale waivers</h2>");
            writer.WriteLine("<ul>");
            foreach (var waiver in report.StaleWaivers)
            {
                writer.WriteLine($"<li>{H(ReportText.StaleWaiver(waiver))} ({H(waiver.Source)} line {waiver.Line})</li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static IEnumerable<string> Header(ScanReport report)
    {
        if (report.Review.Today != DateOnly.MinValue)
        {
            yield return $"Date: {ReportText.Date(report.Review.Today)}";
        }

        yield return $"Tool: {report.Pack.Name} {report.Pack.Version} ({ReportText.Count(report.Policies.Count, "policy")})";
        foreach (var input in report.Inputs)
        {
            yield return $"Input: {input.Source} ({TextReporter.KindName(input.Kind)}, {ReportText.Count(input.Inputs.Count, "resource")})";
        }

        if (report.Review.Baseline is { } baseline)
        {
            yield return $"Baseline: {baseline.Source}";
        }

        yield return $"Verdict: {ReportText.Verdict(report)}";
    }

    private static Control[] Controls(ScanReport report) =>
        report.Controls.Controls.Select(c => c.Id)
            .Concat(report.Policies.Select(p => p.Control).Where(id => !report.Controls.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Select((id, index) =>
        {
            var policies = report.Policies.Where(p => p.Control == id).ToArray();
            var checks = report.Result.Evaluations
                .Where(e => e.Policy.Control == id)
                .Select(e => ToCheck(report, e))
                .OrderBy(c => c.Resource.Urn, StringComparer.Ordinal)
                .ThenBy(c => c.Policy.Id, StringComparer.Ordinal)
                .ToArray();
            return new Control(index + 1, id, report.Controls.Title(id), report.Controls.WhyNoPolicy(id), policies, checks);
        }).ToArray();

    private static Check ToCheck(ScanReport report, Evaluation evaluation) =>
        evaluation.Outcome switch
        {
            Outcome.Pass => new Check(evaluation.Resource, evaluation.Policy, Statuses[0], string.Empty),
            Outcome.Fail when report.WaiverFor(evaluation) is { } waiver =>
                new Check(evaluation.Resource, evaluation.Policy, Statuses[2], $"{string.Join(" ", evaluation.Messages)} ({ReportText.WaiverNote(waiver)})"),
            Outcome.Fail => new Check(evaluation.Resource, evaluation.Policy, Statuses[1], $"{evaluation.Level.Name()}: {string.Join(" ", evaluation.Messages)}"),
            _ => new Check(evaluation.Resource, evaluation.Policy, Statuses[3], evaluation.Reason ?? string.Empty),
        };

    private static string Anchor(Control control) => string.Create(CultureInfo.InvariantCulture, $"section-{control.Position}");

    private static string H(string text) => WebUtility.HtmlEncode(text);

    // A heading such as "§" stays itself in the page: only markup characters are escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder HeadingEncoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
}
