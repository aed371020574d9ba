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
        "usage: security-baseline scan <file|directory>… [options]\n" +
        "  inputs: `pulumi stack export` files, `pulumi preview --json` files, engine-event logs (.jsonl); a directory means its\n" +
        "          *.json and *.jsonl files (not its subdirectories), in name order\n" +
        "  --config <policy-pack-config.json>   policy levels and parameters (alias --policy-pack-config)\n" +
        "  --stack-config <Pulumi.<stack>.yaml> read security-baseline:allowedCidrs from the stack's config, as the analyzer does\n" +
        "  --event-log <file>                   an engine-event log (`pulumi preview --event-log <file>`), read as events\n" +
        "  --format <format>[=<file>]           repeatable; formats: text, json, sarif, markdown, github, junit, audit, audit-html;\n" +
        "                                       a format without =<file> goes to stdout (at most one)\n" +
        "  --output <file>, -o <file>           send the one stdout format to a file instead\n" +
        "  --waivers <policy-waivers.yaml>      accepted exceptions (docs/waivers.md)\n" +
        "  --baseline <previous-report.json>    mark findings new or existing against an earlier JSON report\n" +
        "  --fail-on new|any                    fail on new blocking violations only, or on any (default any)\n" +
        "  --fail-on-severity low|medium|high|critical   fail only on blocking violations of this severity or above (default low)\n" +
        "  --fail-on-unevaluated                resources of aws, azure and azure-native that no policy evaluates block\n" +
        "  --project-dir <folder>               the folder of Pulumi.yaml, relative to the repository (source positions resolve against it)\n" +
        "  --link-base <url>                    make report locations links, e.g. https://github.com/o/r/blob/<sha>/\n" +
        "  --quiet, -q                          no progress on stderr; the text report on stdout is reduced to its summary line\n" +
        "  --help, -h                           this text";

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
        var failOnSeverity = Severity.Low;
        string? stackConfigPath = null;
        string? linkBase = null;
        var quiet = false;
        var eventLogs = new HashSet<string>(StringComparer.Ordinal);
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
                case "--fail-on-severity" when i + 1 < args.Count:
                    switch (args[++i])
                    {
                        case "low": failOnSeverity = Severity.Low; break;
                        case "medium": failOnSeverity = Severity.Medium; break;
                        case "high": failOnSeverity = Severity.High; break;
                        case "critical": failOnSeverity = Severity.Critical; break;
                        default: return Fail(stderr, $"--fail-on-severity must be low, medium, high or critical, not \"{args[i]}\"");
                    }

                    break;
                case "--stack-config" when i + 1 < args.Count:
                    stackConfigPath = args[++i];
                    break;
                case "--link-base" when i + 1 < args.Count:
                    linkBase = args[++i];
                    break;
                case "--event-log" when i + 1 < args.Count:
                    files.Add(args[++i]);
                    eventLogs.Add(files[^1]);
                    break;
                case "--quiet" or "-q":
                    quiet = true;
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

        var progress = quiet ? TextWriter.Null : stderr;
        try
        {
            files = Expand(files, eventLogs);
        }
        catch (IOException e)
        {
            return Fail(stderr, e.Message);
        }

        if (Targets(formats, outputPath, stderr) is not { } targets)
        {
            stderr.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        try
        {
            var stackCidrs = stackConfigPath is null ? null : StackConfigFile.AllowedCidrs(ReadFile(stackConfigPath), stackConfigPath);
            var configuration = PackConfiguration.Parse(configPath is null ? "{}" : ReadFile(configPath), PolicyCatalog.All, configPath ?? "policy config", stackCidrs);
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
                FailOnSeverity = failOnSeverity,
                ProjectDirectory = projectDirectory,
                LinkBase = linkBase,
            };
            var engine = new PolicyEngine(PolicyCatalog.All, configuration);
            var inputs = new List<StackInput>();
            var results = new List<AnalysisResult>();
            foreach (var file in files)
            {
                var input = eventLogs.Contains(file) ? EngineEventReader.Read(ReadFile(file), file) : StackInputReader.Read(ReadFile(file), file);
                inputs.Add(input);
                progress.WriteLine($"scanning {file}: {input.Inputs.Count} resource(s)");
                results.Add(engine.Analyze(input.Inputs, input.Outputs));
            }

            var report = new ScanReport(inputs, AnalysisResult.Combine(results), review);
            foreach (var waiver in report.ExpiredWaivers)
            {
                progress.WriteLine($"warning: {waiver.Source}:{waiver.Line}: {ReportText.ExpiredWaiver(waiver)}");
            }

            foreach (var waiver in report.StaleWaivers)
            {
                progress.WriteLine($"warning: {waiver.Source}:{waiver.Line}: {ReportText.StaleWaiver(waiver)}");
            }

            foreach (var target in targets)
            {
                if (quiet && target is { Format: "text", Path: null })
                {
                    stdout.WriteLine(TextReporter.Summary(report));
                    continue;
                }

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

    /// <summary>
    /// Replaces each directory by its `*.json` and `*.jsonl` files (not those of subdirectories), in ordinal name order;
    /// files stay as given. Engine-event logs named by `--event-log` cannot be directories.
    /// </summary>
    private static List<string> Expand(List<string> inputs, HashSet<string> eventLogs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input))
            {
                files.Add(input);
                continue;
            }

            if (eventLogs.Contains(input))
            {
                throw new IOException($"--event-log {input} is a directory; name the event log file");
            }

            var found = Directory.EnumerateFiles(input)
                .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (found.Length == 0)
            {
                throw new IOException($"{input}: the directory holds no .json or .jsonl file");
            }

            files.AddRange(found);
        }

        return files;
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
