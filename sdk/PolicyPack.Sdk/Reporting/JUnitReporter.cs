using System.Globalization;
using System.Text;
using System.Xml;
using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Reporting;

/// <summary>JUnit XML: a suite per policy, a test case per policy × resource checked; violations fail, waived and not-applicable checks are skipped.</summary>
internal static class JUnitReporter
{
    public static void Write(ScanReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        var evaluations = report.Result.Evaluations.GroupBy(e => e.Policy.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        Attribute(xml, "name", report.Pack.Name);
        Counts(xml, report.Result.Evaluations, report, report.ExpiredWaivers.Count + report.StaleWaivers.Count, report.Unevaluated);
        foreach (var policy in report.Policies)
        {
            if (!evaluations.TryGetValue(policy.Id, out var checks))
            {
                continue;
            }

            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", policy.Id);
            Counts(xml, checks, report, 0, []);
            foreach (var evaluation in checks)
            {
                WriteCase(xml, report, evaluation);
            }

            xml.WriteEndElement();
        }

        var waiverSuites = new[]
        {
            (Name: "expired-waivers", Waivers: report.ExpiredWaivers, Text: (Func<Waivers.Waiver, string>)ReportText.ExpiredWaiver),
            (Name: "stale-waivers", Waivers: report.StaleWaivers, Text: ReportText.StaleWaiver),
        };
        foreach (var suite in waiverSuites.Where(s => s.Waivers.Count > 0))
        {
            // A waiver warning is not a check: it shows as a skipped case so viewers list it without failing on it twice.
            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", suite.Name);
            Attribute(xml, "tests", suite.Waivers.Count.ToString(CultureInfo.InvariantCulture));
            Attribute(xml, "failures", "0");
            Attribute(xml, "errors", "0");
            Attribute(xml, "skipped", suite.Waivers.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var waiver in suite.Waivers)
            {
                xml.WriteStartElement("testcase");
                Attribute(xml, "classname", $"{report.Pack.Name}.waivers");
                Attribute(xml, "name", waiver.Describe());
                Attribute(xml, "file", waiver.Source);
                Attribute(xml, "line", waiver.Line.ToString(CultureInfo.InvariantCulture));
                xml.WriteStartElement("skipped");
                Attribute(xml, "message", suite.Text(waiver));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (report.Unevaluated.Count > 0)
        {
            // A type no policy judged is a check that never ran: skipped with the reason, or failed when the closed world makes it block.
            xml.WriteStartElement("testsuite");
            Attribute(xml, "name", "unevaluated");
            Counts(xml, [], report, 0, report.Unevaluated);
            foreach (var type in report.Unevaluated)
            {
                xml.WriteStartElement("testcase");
                Attribute(xml, "classname", $"{report.Pack.Name}.unevaluated");
                Attribute(xml, "name", type.Type);
                xml.WriteStartElement("properties");
                Property(xml, "resources", type.Count.ToString(CultureInfo.InvariantCulture));
                Property(xml, "level", type.Level.Name());
                xml.WriteEndElement();
                xml.WriteStartElement(type.Blocks ? "failure" : "skipped");
                if (type.Blocks)
                {
                    Attribute(xml, "type", type.Level.Name());
                }

                Attribute(xml, "message", ReportText.UnevaluatedType(type));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<Evaluation> checks, ScanReport report, int expiredWaivers, IReadOnlyList<UnevaluatedType> unevaluated)
    {
        var failures = checks.Count(e => e.Outcome == Outcome.Fail && report.WaiverFor(e) is null) + unevaluated.Count(u => u.Blocks);
        var skipped = checks.Count(e => e.Outcome == Outcome.NotApplicable || report.WaiverFor(e) is not null) + expiredWaivers + unevaluated.Count(u => !u.Blocks);
        Attribute(xml, "tests", (checks.Count + expiredWaivers + unevaluated.Count).ToString(CultureInfo.InvariantCulture));
        Attribute(xml, "failures", failures.ToString(CultureInfo.InvariantCulture));
        Attribute(xml, "errors", "0");
        Attribute(xml, "skipped", skipped.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteCase(XmlWriter xml, ScanReport report, Evaluation evaluation)
    {
        xml.WriteStartElement("testcase");
        Attribute(xml, "classname", $"{report.Pack.Name}.{evaluation.Policy.Id}");
        Attribute(xml, "name", $"{evaluation.Resource.Name} ({evaluation.Resource.Type})");
        if (SourceLocation.FromPosition(evaluation.Resource.SourcePosition, report.Review.ProjectDirectory) is { } location)
        {
            Attribute(xml, "file", location.Path);
            if (location.Line is { } line)
            {
                Attribute(xml, "line", line.ToString(CultureInfo.InvariantCulture));
            }
        }

        xml.WriteStartElement("properties");
        Property(xml, "urn", evaluation.Resource.Urn);
        Property(xml, "section", evaluation.Policy.Control);
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
                Attribute(xml, "message", ReportText.WaiverNote(waiver));
                xml.WriteEndElement();
                break;
            case Outcome.Fail:
                xml.WriteStartElement("failure");
                Attribute(xml, "type", evaluation.Level.Name());
                Attribute(xml, "message", string.Join(" ", evaluation.Messages));
                xml.WriteString(Safe($"{string.Join("\n", evaluation.Messages)}\nfix: {evaluation.Policy.Help}"));
                xml.WriteEndElement();
                break;
            case Outcome.NotApplicable:
                xml.WriteStartElement("skipped");
                Attribute(xml, "message", $"not applicable: {evaluation.Reason}");
                xml.WriteEndElement();
                break;
        }

        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeString(name, Safe(value));

    /// <summary>The text with every character XML 1.0 cannot carry (control characters, lone surrogates) written as `\uXXXX`.</summary>
    /// <remarks>Names and messages come from the scanned files; one stray control character must not abort the whole report.</remarks>
    private static string Safe(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
                if (pair)
                {
                    // Step past the low surrogate even while nothing is copied yet (safe is null until the first escape).
                    i++;
                    safe?.Append(text[i]);
                }

                continue;
            }

            safe ??= new StringBuilder(text, 0, i, text.Length + 8);
            safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return safe?.ToString() ?? text;
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        Attribute(xml, "name", name);
        Attribute(xml, "value", value);
        xml.WriteEndElement();
    }
}
