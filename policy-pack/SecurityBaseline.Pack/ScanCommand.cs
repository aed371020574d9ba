using SecurityBaseline.Engine;
using SecurityBaseline.Inputs;
using SecurityBaseline.Policies;
using SecurityBaseline.Reporting;
using SecurityBaseline.Waivers;

namespace SecurityBaseline.Pack;

/// <summary>`security-baseline scan`: reads stack exports, previews and engine events, writes reports, exits 1 on a blocking violation (or, under the closed world, an unevaluated resource).</summary>
internal static class ScanCommand
{
    public const string Usage =
        "usage: security-baseline scan <stack-export|preview.json|engine-events.jsonl>… [--config <policy-pack-config.json>]\n" +
        "         [--format <format>[=<file>]]… [--output <file>] [--baseline <previous-report.json>] [--fail-on new|any]\n" +
        "         [--fail-on-unevaluated]\n" +
        "         [--waivers <policy-waivers.yaml>] [--project-dir <folder of Pulumi.yaml, relative to the repository>]\n" +
        "       formats: text, json, sarif, markdown, github, junit, audit, audit-html; a format without =<file> goes to stdout (--output for one format)";

    private sealed record Target(string Format, string? Path);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, TimeProvider.System);

    /// <summary>Runs the scan with <paramref name="clock"/> deciding which waivers have expired.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(clock);
        var files = new List<string>();
        string? configPath = null;
        var formats = new List<string>();
        string? outputPath = null;
        string? baselinePath = null;
        string? waiversPath = null;
        var failOn = FailOn.Any;
        var failOnUnevaluated = false;
        var projectDirectory = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config" or "--policy-pack-config" when i + 1 < args.Count:
                    configPath = args[++i];
                    break;
                case "--format" when i + 1 < args.Count:
                    formats.Add(args[++i]);
                    break;
                case "--output" or "-o" when i + 1 < args.Count:
                    outputPath = args[++i];
                    break;
                case "--baseline" when i + 1 < args.Count:
                    baselinePath = args[++i];
                    break;
                case "--waivers" when i + 1 < args.Count:
                    waiversPath = args[++i];
                    break;
                case "--project-dir" when i + 1 < args.Count:
                    projectDirectory = args[++i];
                    break;
                case "--fail-on" when i + 1 < args.Count:
                    switch (args[++i])
                    {
                        case "any": failOn = FailOn.Any; break;
                        case "new": failOn = FailOn.New; break;
                        default: return Fail(stderr, $"--fail-on must be new or any, not \"{args[i]}\"");
                    }

                    break;
                case "--fail-on-unevaluated":
                    failOnUnevaluated = true;
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return ExitCodes.Compliant;
                case var option when option.StartsWith('-'):
                    return Fail(stderr, $"unknown or incomplete option \"{option}\"");
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            return Fail(stderr, "no input file given");
        }

        if (Targets(formats, outputPath, stderr) is not { } targets)
        {
            stderr.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = configPath is null
                ? PackConfiguration.Default(PolicyCatalog.All)
                : PackConfiguration.Parse(ReadFile(configPath), PolicyCatalog.All, configPath);
            if (failOnUnevaluated)
            {
                configuration = configuration.WithUnevaluatedLevel(EnforcementLevel.Mandatory);
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var review = new ReviewOptions
            {
                Baseline = baselinePath is null ? null : BaselineReport.Parse(ReadFile(baselinePath), baselinePath),
                Waivers = waiversPath is null
                    ? WaiverSet.Empty
                    : WaiverSet.Parse(ReadFile(waiversPath), waiversPath, PolicyCatalog.All.Select(p => p.Descriptor.Id).ToArray()),
                Today = today,
                FailOn = failOn,
                ProjectDirectory = projectDirectory,
            };
            var engine = new PolicyEngine(PolicyCatalog.All, configuration);
            var inputs = new List<StackInput>();
            var results = new List<AnalysisResult>();
            foreach (var file in files)
            {
                var input = StackInputReader.Read(ReadFile(file), file);
                inputs.Add(input);
                stderr.WriteLine($"scanning {file}: {input.Inputs.Count} resource(s)");
                results.Add(engine.Analyze(input.Inputs, input.Outputs));
            }

            var report = new ScanReport(inputs, AnalysisResult.Combine(results), review);
            foreach (var waiver in report.ExpiredWaivers)
            {
                stderr.WriteLine($"warning: {waiver.Source}:{waiver.Line}: {ReportText.ExpiredWaiver(waiver)}");
            }

            foreach (var target in targets)
            {
                WriteReport(report, target, stdout);
            }

            return report.Blocked ? ExitCodes.Violations : ExitCodes.Compliant;
        }
        catch (WaiverFormatException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.WriteLine($"security-baseline scan: {error}");
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is InputFormatException or PolicyConfigException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"security-baseline scan: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Where each format goes: `name=file`, or stdout (at most one), or `--output` when a single format names no file.</summary>
    private static List<Target>? Targets(List<string> formats, string? outputPath, TextWriter stderr)
    {
        if (formats.Count == 0)
        {
            formats.Add("text");
        }

        var targets = new List<Target>();
        foreach (var format in formats)
        {
            var equals = format.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? format : format[..equals];
            var path = equals < 0 ? null : format[(equals + 1)..];
            if (!ReportFormats.IsKnown(name))
            {
                stderr.WriteLine($"security-baseline scan: unknown format \"{name}\" ({string.Join(", ", ReportFormats.Names)})");
                return null;
            }

            if (path is { Length: 0 })
            {
                stderr.WriteLine($"security-baseline scan: --format {name}= names no file");
                return null;
            }

            targets.Add(new Target(name, path));
        }

        var toStdout = targets.Where(t => t.Path is null).ToArray();
        if (outputPath is not null)
        {
            if (toStdout.Length != 1)
            {
                stderr.WriteLine("security-baseline scan: --output needs exactly one --format without =<file>");
                return null;
            }

            targets[targets.IndexOf(toStdout[0])] = toStdout[0] with { Path = outputPath };
        }
        else if (toStdout.Length > 1)
        {
            stderr.WriteLine($"security-baseline scan: only one format can go to stdout ({string.Join(", ", toStdout.Select(t => t.Format))} have no =<file>)");
            return null;
        }

        var duplicate = targets.Where(t => t.Path is not null).GroupBy(t => Path.GetFullPath(t.Path!)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            stderr.WriteLine($"security-baseline scan: two formats write to {duplicate.First().Path}");
            return null;
        }

        return targets;
    }

    private static void WriteReport(ScanReport report, Target target, TextWriter stdout)
    {
        if (target.Path is null)
        {
            var text = ReportFormats.Render(target.Format, report);
            stdout.Write(text);
            if (!text.EndsWith('\n'))
            {
                stdout.WriteLine();
            }

            return;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(target.Path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(target.Path);
        ReportFormats.Write(target.Format, report, stream);
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"security-baseline scan: {message}");
        stderr.WriteLine(Usage);
        return ExitCodes.BadInput;
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"{path}: no such file");
        }

        return File.ReadAllText(path);
    }
}
