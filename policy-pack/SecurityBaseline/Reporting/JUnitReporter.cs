using System.Globalization;
using System.Text;
using System.Xml;
using SecurityBaseline.Engine;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Reporting;

/// <summary>JUnit XML: a suite per policy, a test case per policy × resource checked; violations fail, waived and not-applicable checks are skipped.</summary>
public static class JUnitReporter
{
    public static void Write(ScanReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var evaluations = report.Result.Evaluations.GroupBy(e => e.Policy.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", PolicyCatalog.PackName);
        Counts(xml, report.Result.Evaluations, report, report.ExpiredWaivers.Count);
        foreach (var policy in report.Policies)
        {
            if (!evaluations.TryGetValue(policy.Id, out var checks))
            {
                continue;
            }

            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", policy.Id);
            Counts(xml, checks, report, 0);
            foreach (var evaluation in checks)
            {
                WriteCase(xml, report, evaluation);
            }

            xml.WriteEndElement();
        }

        if (report.ExpiredWaivers.Count > 0)
        {
            // An expired waiver is a warning, not a check: it shows as a skipped case so viewers list it without failing on it twice.
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "expired-waivers");
            xml.WriteAttributeString("tests", report.ExpiredWaivers.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", "0");
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", report.ExpiredWaivers.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var waiver in report.ExpiredWaivers)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", $"{PolicyCatalog.PackName}.waivers");
                xml.WriteAttributeString("name", waiver.Describe());
                xml.WriteAttributeString("file", waiver.Source);
                xml.WriteAttributeString("line", waiver.Line.ToString(CultureInfo.InvariantCulture));
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", ReportText.ExpiredWaiver(waiver));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<Evaluation> checks, ScanReport report, int expiredWaivers)
    {
        var failures = checks.Count(e => e.Outcome == Outcome.Fail && report.WaiverFor(e) is null);
        var skipped = checks.Count(e => e.Outcome == Outcome.NotApplicable || report.WaiverFor(e) is not null) + expiredWaivers;
        xml.WriteAttributeString("tests", (checks.Count + expiredWaivers).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteCase(XmlWriter xml, ScanReport report, Evaluation evaluation)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", $"{PolicyCatalog.PackName}.{evaluation.Policy.Id}");
        xml.WriteAttributeString("name", $"{evaluation.Resource.Name} ({evaluation.Resource.Type})");
        if (SourceLocation.FromPosition(evaluation.Resource.SourcePosition, report.Review.ProjectDirectory) is { } location)
        {
            xml.WriteAttributeString("file", location.Path);
            if (location.Line is { } line)
            {
                xml.WriteAttributeString("line", line.ToString(CultureInfo.InvariantCulture));
            }
        }

        xml.WriteStartElement("properties");
        Property(xml, "urn", evaluation.Resource.Urn);
        Property(xml, "section", evaluation.Policy.SectionReference);
        Property(xml, "level", evaluation.Level.Name());
        if (report.StateOf(evaluation) is { } state && evaluation.Outcome == Outcome.Fail)
        {
            Property(xml, "state", state == FindingState.New ? "new" : "existing");
        }

        xml.WriteEndElement();
        switch (evaluation.Outcome)
        {
            case Outcome.Fail when report.WaiverFor(evaluation) is { } waiver:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", ReportText.WaiverNote(waiver));
                xml.WriteEndElement();
                break;
            case Outcome.Fail:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", evaluation.Level.Name());
                xml.WriteAttributeString("message", string.Join(" ", evaluation.Messages));
                xml.WriteString($"{string.Join("\n", evaluation.Messages)}\nfix: {evaluation.Policy.Help}");
                xml.WriteEndElement();
                break;
            case Outcome.NotApplicable:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", $"not applicable: {evaluation.Reason}");
                xml.WriteEndElement();
                break;
        }

        xml.WriteEndElement();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
