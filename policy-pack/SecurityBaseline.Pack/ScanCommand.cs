using SecurityBaseline.Engine;
using SecurityBaseline.Inputs;
using SecurityBaseline.Policies;
using SecurityBaseline.Reporting;

namespace SecurityBaseline.Pack;

/// <summary>`security-baseline scan`: reads stack exports and previews, prints findings, exits 1 on a mandatory violation.</summary>
internal static class ScanCommand
{
    public const string Usage = "usage: security-baseline scan <stack-export-or-preview.json>… [--config <policy-pack-config.json>] [--format text|json] [--output <file>]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<string>();
        string? configPath = null;
        var format = "text";
        string? outputPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config" or "--policy-pack-config" when i + 1 < args.Count:
                    configPath = args[++i];
                    break;
                case "--format" when i + 1 < args.Count:
                    format = args[++i];
                    break;
                case "--output" or "-o" when i + 1 < args.Count:
                    outputPath = args[++i];
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return ExitCodes.Compliant;
                case var option when option.StartsWith('-'):
                    stderr.WriteLine($"security-baseline scan: unknown or incomplete option \"{option}\"");
                    stderr.WriteLine(Usage);
                    return ExitCodes.BadInput;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            stderr.WriteLine("security-baseline scan: no input file given");
            stderr.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        if (format is not ("text" or "json"))
        {
            stderr.WriteLine($"security-baseline scan: unknown format \"{format}\" (text, json)");
            stderr.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = configPath is null
                ? PackConfiguration.Default(PolicyCatalog.All)
                : PackConfiguration.Parse(ReadFile(configPath), PolicyCatalog.All, configPath);
            var engine = new PolicyEngine(PolicyCatalog.All, configuration);
            var inputs = new List<StackInput>();
            var evaluations = new List<Evaluation>();
            foreach (var file in files)
            {
                var input = StackInputReader.Read(ReadFile(file), file);
                inputs.Add(input);
                stderr.WriteLine($"scanning {file}: {input.Inputs.Count} resource(s)");
                evaluations.AddRange(engine.Analyze(input.Inputs, input.Outputs).Evaluations);
            }

            var report = new ScanReport(inputs, new AnalysisResult(evaluations));
            WriteReport(report, format, outputPath, stdout);
            return report.Result.HasBlockingViolation ? ExitCodes.Violations : ExitCodes.Compliant;
        }
        catch (Exception e) when (e is InputFormatException or PolicyConfigException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"security-baseline scan: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static void WriteReport(ScanReport report, string format, string? outputPath, TextWriter stdout)
    {
        if (format == "json")
        {
            using var stream = outputPath is null ? new MemoryStream() : (Stream)File.Create(outputPath);
            JsonReporter.Write(report, stream);
            if (stream is MemoryStream memory)
            {
                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
            }

            return;
        }

        if (outputPath is null)
        {
            TextReporter.Write(report, stdout);
            return;
        }

        using var writer = new StreamWriter(outputPath);
        TextReporter.Write(report, writer);
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
