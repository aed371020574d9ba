using System.Text;

namespace PolicyPack.Sdk.Reporting;

/// <summary>The report formats `scan --format` knows, each a pure function from a report to bytes.</summary>
internal static class ReportFormats
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly Dictionary<string, Action<ScanReport, Stream>> Writers = new(StringComparer.Ordinal)
    {
        ["text"] = Text(TextReporter.Write),
        ["json"] = JsonReporter.Write,
        ["sarif"] = SarifReporter.Write,
        ["markdown"] = Text(MarkdownReporter.Write),
        ["github"] = Text(GitHubAnnotationReporter.Write),
        ["junit"] = JUnitReporter.Write,
        ["audit"] = Text(AuditReporter.WriteMarkdown),
        ["audit-html"] = Text(AuditReporter.WriteHtml),
    };

    /// <summary>Every format name, in the order usage text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "sarif", "markdown", "github", "junit", "audit", "audit-html"];

    public static bool IsKnown(string name) => Writers.ContainsKey(name);

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/> to <paramref name="stream"/> as UTF-8 (no BOM).</summary>
    public static void Write(string format, ScanReport report, Stream stream)
    {
        if (!Writers.TryGetValue(format, out var write))
        {
            throw new ArgumentException($"unknown report format \"{format}\"", nameof(format));
        }

        write(report, stream);
    }

    /// <summary>The report as a string, for tests and stdout.</summary>
    public static string Render(string format, ScanReport report)
    {
        using var memory = new MemoryStream();
        Write(format, report, memory);
        return Utf8.GetString(memory.ToArray());
    }

    private static Action<ScanReport, Stream> Text(Action<ScanReport, TextWriter> write) =>
        (report, stream) =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true) { NewLine = "\n" };
            write(report, writer);
        };
}
