using System.Globalization;
using System.Text;
using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Reporting;

/// <summary>GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): annotations on the pull request's files.</summary>
/// <remarks>
/// GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices), and 50 annotations per job; the rest are
/// dropped without a word. So the reporter writes at most <see cref="MaxPerKind"/> of each kind, the most important first (new
/// blocking findings, then waiver and closed-world warnings, then existing and advisory ones, waived last), grouped by file, and
/// ends with one notice that gives the verdict and says how many were left out. Three kinds of ten stay under the job's 50.
/// </remarks>
internal static class GitHubAnnotationReporter
{
    /// <summary>Annotations of one kind (error, warning, notice) GitHub displays per step.</summary>
    public const int MaxPerKind = 10;

    private static readonly string[] Kinds = ["error", "warning", "notice"];

    private sealed record Annotation(int Rank, string Command, SourceLocation? Location, string Title, string Message);

    public static void Write(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var directory = report.Review.ProjectDirectory;
        var annotations = new List<Annotation>();
        foreach (var finding in report.Findings)
        {
            var command = finding.IsWaived ? "notice" : finding.Blocks ? "error" : "warning";
            var state = finding.IsWaived ? "waived " : finding.State == FindingState.New ? "new " : string.Empty;
            var title = $"{state}{finding.Level.Name()}: {finding.Policy.Id} ({finding.Policy.Control})";
            var message = new StringBuilder()
                .Append(finding.Resource.Name).Append(" (").Append(finding.Resource.Type).Append("): ").Append(finding.Message)
                .Append('\n').Append("fix: ").Append(finding.Policy.Help);
            if (finding.Waiver is { } waiver)
            {
                message.Append('\n').Append(ReportText.WaiverNote(waiver));
            }

            var rank = finding.IsWaived ? 6 : finding.IsNew ? (finding.Blocks ? 0 : 3) : (finding.Blocks ? 2 : 4);
            annotations.Add(new Annotation(rank, command, SourceLocation.FromPosition(finding.Resource.SourcePosition, directory), title, message.ToString()));
        }

        foreach (var waiver in report.ExpiredWaivers)
        {
            annotations.Add(new Annotation(1, "warning", new SourceLocation(waiver.Source, waiver.Line, null), $"expired waiver: {waiver.Policy}", ReportText.ExpiredWaiver(waiver)));
        }

        foreach (var waiver in report.StaleWaivers)
        {
            annotations.Add(new Annotation(1, "warning", new SourceLocation(waiver.Source, waiver.Line, null), $"stale waiver: {waiver.Policy}", ReportText.StaleWaiver(waiver)));
        }

        foreach (var external in report.ExternalFindings)
        {
            annotations.Add(new Annotation(
                5,
                external.Level.Blocks() ? "error" : "warning",
                SourceLocation.FromPosition(external.Resource.SourcePosition, directory),
                $"{external.PolicyPack}: {external.PolicyName}",
                $"{external.Resource.Name} ({external.Resource.Type}): {external.Message}"));
        }

        if (report.UnevaluatedCount > 0)
        {
            annotations.Add(new Annotation(
                report.BlockingUnevaluated > 0 ? 0 : 1,
                report.BlockingUnevaluated > 0 ? "error" : "warning",
                null,
                $"{report.Pack.Name}: resources not evaluated",
                $"{ReportText.Unevaluated(report)}{ReportText.ClosedWorld(report)}: {ReportText.UnevaluatedTypes(report)}"));
        }

        // The closing notice is itself a notice, so one fewer of the others fits.
        var room = new Dictionary<string, int>(StringComparer.Ordinal) { ["error"] = MaxPerKind, ["warning"] = MaxPerKind, ["notice"] = MaxPerKind - 1 };
        var kept = new List<Annotation>();
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var annotation in annotations.OrderBy(a => a.Rank))
        {
            if (room[annotation.Command] > 0)
            {
                room[annotation.Command]--;
                kept.Add(annotation);
            }
            else
            {
                left[annotation.Command] = left.GetValueOrDefault(annotation.Command) + 1;
            }
        }

        // Stable ordering: by importance, then grouped by file (annotations without a file last), then by line.
        foreach (var annotation in kept
            .OrderBy(a => a.Rank)
            .ThenBy(a => a.Location is null)
            .ThenBy(a => a.Location?.Path, StringComparer.Ordinal)
            .ThenBy(a => a.Location?.Line ?? 0))
        {
            Command(writer, annotation.Command, annotation.Location, annotation.Title, annotation.Message);
        }

        var verdict = ReportText.Verdict(report);
        if (left.Count > 0)
        {
            var parts = Kinds.Where(left.ContainsKey).Select(k => ReportText.Count(left[k], k));
            verdict += string.Create(
                CultureInfo.InvariantCulture,
                $" {left.Values.Sum()} more annotations were left out ({string.Join(", ", parts)}): GitHub shows only {MaxPerKind} of each kind per step; the SARIF and JSON reports list every finding.");
        }

        writer.WriteLine($"::notice title={Property(report.Pack.Name)}::{Data(verdict)}");
    }


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
