using System.Globalization;
using System.Text;
using SecurityBaseline.Engine;

namespace SecurityBaseline.Reporting;

/// <summary>GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): annotations on the pull request's files.</summary>
public static class GitHubAnnotationReporter
{
    public static void Write(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var directory = report.Review.ProjectDirectory;
        foreach (var finding in report.Findings)
        {
            var command = finding.IsWaived ? "notice" : finding.Blocks ? "error" : "warning";
            var state = finding.IsWaived ? "waived " : finding.State == FindingState.New ? "new " : string.Empty;
            var title = $"{state}{finding.Level.Name()}: {finding.Policy.Id} ({finding.Policy.SectionReference})";
            var message = new StringBuilder()
                .Append(finding.Resource.Name).Append(" (").Append(finding.Resource.Type).Append("): ").Append(finding.Message)
                .Append('\n').Append("fix: ").Append(finding.Policy.Help);
            if (finding.Waiver is { } waiver)
            {
                message.Append('\n').Append(ReportText.WaiverNote(waiver));
            }

            Command(writer, command, SourceLocation.FromPosition(finding.Resource.SourcePosition, directory), title, message.ToString());
        }

        foreach (var waiver in report.ExpiredWaivers)
        {
            Command(writer, "warning", new SourceLocation(waiver.Source, waiver.Line, null), $"expired waiver: {waiver.Policy}", ReportText.ExpiredWaiver(waiver));
        }

        foreach (var external in report.ExternalFindings)
        {
            Command(
                writer,
                external.Level.Blocks() ? "error" : "warning",
                SourceLocation.FromPosition(external.Resource.SourcePosition, directory),
                $"{external.PolicyPack}: {external.PolicyName}",
                $"{external.Resource.Name} ({external.Resource.Type}): {external.Message}");
        }

        if (report.UnevaluatedCount > 0)
        {
            Command(
                writer,
                report.BlockingUnevaluated > 0 ? "error" : "warning",
                null,
                $"{PolicyPackTitle}: resources not evaluated",
                $"{ReportText.Unevaluated(report)}{ReportText.ClosedWorld(report)}: {ReportText.UnevaluatedTypes(report)}");
        }

        writer.WriteLine($"::notice title={Property(PolicyPackTitle)}::{Data(ReportText.Verdict(report))}");
    }

    private const string PolicyPackTitle = "security-baseline";

    private static void Command(TextWriter writer, string command, SourceLocation? location, string title, string message)
    {
        var properties = new List<string>();
        if (location is not null && !location.Path.StartsWith("file:", StringComparison.Ordinal))
        {
            properties.Add($"file={Property(location.Path)}");
            if (location.Line is { } line)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={line}"));
            }

            if (location.Column is { } column)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={column}"));
            }
        }

        properties.Add($"title={Property(title)}");
        writer.WriteLine($"::{command} {string.Join(',', properties)}::{Data(message)}");
    }

    /// <summary>Escapes a command's message: %, CR and LF.</summary>
    public static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a command property: as data, plus `:` and `,` which delimit properties.</summary>
    public static string Property(string text) =>
        Data(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
