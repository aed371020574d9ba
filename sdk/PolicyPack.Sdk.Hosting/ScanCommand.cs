using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Reporting;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Hosting;

/// <summary>`&lt;pack&gt; scan`: reads stack exports, previews and engine events, writes reports, exits 1 on a blocking violation (or, under the closed world, an unevaluated resource).</summary>
internal static class ScanCommand
{
    public static string Usage(PackDefinition pack) =>
        $"usage: {pack.Name} scan <file|directory>… [options]\n" +
        "  inputs: `pulumi stack export` files, `pulumi preview --json` files, engine-event logs (.jsonl); a directory means its\n" +
        "          *.json and *.jsonl files (not its subdirectories), in name order\n" +
        "  --config <policy-pack-config.json>   policy levels and parameters (alias --policy-pack-config)\n" +
        $"  --stack-config <Pulumi.<stack>.yaml> read {StackKeys(pack)} from the stack's config, as the analyzer does\n" +
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
        "  --max-input-size <size>              the largest input read, in bytes or with KiB|MiB|GiB (default 512MiB, at most 1023MiB)\n" +
        "  --help, -h                           this text\n" +
        "  an input of - is read from stdin; inputs, --config, --baseline and --waivers must be regular files";

    /// <summary>The largest file the scan reads unless `--max-input-size` says otherwise: far above any real stack, far below the memory a JSON parse of it needs.</summary>
    public const long DefaultMaxInputSize = 512L * 1024 * 1024;

    /// <summary>The largest `--max-input-size`: a file's text must fit in one .NET string.</summary>
    public const long LargestMaxInputSize = 1023L * 1024 * 1024;

    private const string StdinName = "-";

    private sealed record Target(string Format, string? Path);

    private static string StackKeys(PackDefinition pack) =>
        pack.StackParameters.Count == 0 ? "the pack's stack parameters" : string.Join(", ", pack.StackParameters.Select(pack.StackConfigKey));

    public static int Run(PackDefinition pack, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) => Run(pack, args, stdout, stderr, TimeProvider.System);

    /// <summary>Runs the scan with <paramref name="clock"/> deciding which waivers have expired.</summary>
    public static int Run(PackDefinition pack, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider clock) =>
        Run(pack, args, stdout, stderr, clock, Console.OpenStandardInput);

    /// <summary>Runs the scan; an input file named `-` is read from <paramref name="openStdin"/>.</summary>
    public static int Run(PackDefinition pack, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider clock, Func<Stream> openStdin)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(openStdin);
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
        var maxInputSize = DefaultMaxInputSize;
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
                        default: return Fail(pack, stderr, $"--fail-on must be new or any, not \"{args[i]}\"");
                    }

                    break;
                case "--max-input-size" when i + 1 < args.Count:
                    if (ParseSize(args[++i]) is not { } size)
                    {
                        return Fail(pack, stderr, $"--max-input-size must be a size from 1 byte to {LargestMaxInputSize / (1024 * 1024)}MiB (e.g. 100MiB), not \"{args[i]}\"");
                    }

                    maxInputSize = size;
                    break;
                case StdinName:
                    files.Add(StdinName);
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
                        default: return Fail(pack, stderr, $"--fail-on-severity must be low, medium, high or critical, not \"{args[i]}\"");
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
                    stdout.WriteLine(Usage(pack));
                    return ExitCodes.Compliant;
                case var option when option.StartsWith('-'):
                    return Fail(pack, stderr, $"unknown or incomplete option \"{option}\"");
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            return Fail(pack, stderr, "no input file given");
        }

        if (files.Count(f => f == StdinName) > 1)
        {
            return Fail(pack, stderr, "stdin (-) can be read only once");
        }

        string ReadFile(string path) => ReadBounded(path, maxInputSize, openStdin: null);

        var progress = quiet ? TextWriter.Null : stderr;
        try
        {
            files = Expand(files, eventLogs);
        }
        catch (IOException e)
        {
            return Fail(pack, stderr, e.Message);
        }

        if (Targets(pack, formats, outputPath, stderr) is not { } targets)
        {
            stderr.WriteLine(Usage(pack));
            return ExitCodes.BadInput;
        }

        try
        {
            var stackParameters = stackConfigPath is null ? null : StackConfigFile.StackParameters(ReadFile(stackConfigPath), stackConfigPath, pack);
            var configuration = PackConfiguration.Parse(configPath is null ? "{}" : ReadFile(configPath), pack, configPath ?? "policy config", stackParameters);
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
                    : WaiverSet.Parse(ReadFile(waiversPath), waiversPath, pack.Policies.Select(p => p.Descriptor.Id).ToArray()),
                Today = today,
                FailOn = failOn,
                FailOnSeverity = failOnSeverity,
                ProjectDirectory = projectDirectory,
                LinkBase = linkBase,
            };
            var engine = new PolicyEngine(pack.Policies, configuration);
            var inputs = new List<StackInput>();
            var results = new List<AnalysisResult>();
            foreach (var file in files)
            {
                var source = file == StdinName ? "stdin" : file;
                var bytes = ReadBoundedBytes(file, maxInputSize, file == StdinName ? openStdin : null);
                var input = eventLogs.Contains(file) ? EngineEventReader.Read(Decode(bytes), source) : ReadStack(bytes, source);
                inputs.Add(input);
                progress.WriteLine($"scanning {source}: {input.Inputs.Count} resource(s)");
                var line = !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null
                    ? new ProgressLine(stderr, source, input.Inputs.Count)
                    : null;
                results.Add(engine.Analyze(input.Inputs, input.Outputs, line is null ? null : line.Evaluated));
                line?.Finish();
            }

            var report = new ScanReport(pack, inputs, AnalysisResult.Combine(results), review);
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
                stderr.WriteLine($"{pack.Name} scan: {error}");
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is InputFormatException or PolicyConfigException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{pack.Name} scan: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Where each format goes: `name=file`, or stdout (at most one), or `--output` when a single format names no file.</summary>
    private static List<Target>? Targets(PackDefinition pack, List<string> formats, string? outputPath, TextWriter stderr)
    {
        if (formats.Count == 0)
        {
            formats.Add("text");
        }

        if (outputPath is not null && !IsPath(outputPath))
        {
            stderr.WriteLine($"{pack.Name} scan: --output names no file");
            return null;
        }

        var targets = new List<Target>();
        foreach (var format in formats)
        {
            var equals = format.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? format : format[..equals];
            var path = equals < 0 ? null : format[(equals + 1)..];
            if (!ReportFormats.IsKnown(name))
            {
                stderr.WriteLine($"{pack.Name} scan: unknown format \"{name}\" ({string.Join(", ", ReportFormats.Names)})");
                return null;
            }

            if (path is not null && !IsPath(path))
            {
                stderr.WriteLine($"{pack.Name} scan: --format {name}= names no file");
                return null;
            }

            targets.Add(new Target(name, path));
        }

        var toStdout = targets.Where(t => t.Path is null).ToArray();
        if (outputPath is not null)
        {
            if (toStdout.Length != 1)
            {
                stderr.WriteLine($"{pack.Name} scan: --output needs exactly one --format without =<file>");
                return null;
            }

            targets[targets.IndexOf(toStdout[0])] = toStdout[0] with { Path = outputPath };
        }
        else if (toStdout.Length > 1)
        {
            stderr.WriteLine($"{pack.Name} scan: only one format can go to stdout ({string.Join(", ", toStdout.Select(t => t.Format))} have no =<file>)");
            return null;
        }

        var duplicate = targets.Where(t => t.Path is not null).GroupBy(t => Path.GetFullPath(t.Path!)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            stderr.WriteLine($"{pack.Name} scan: two formats write to {duplicate.First().Path}");
            return null;
        }

        return targets;
    }

    private static void WriteReport(ScanReport report, Target target, TextWriter stdout)
    {
        if (target.Path is null)
        {
            // Written as it is produced: rendering a 50,000-resource report to one string first held it three times over.
            var text = new TextWriterStream(stdout);
            ReportFormats.Write(target.Format, report, text);
            text.Flush();
            if (!text.EndsWithNewline)
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

    private static int Fail(PackDefinition pack, TextWriter stderr, string message)
    {
        stderr.WriteLine($"{pack.Name} scan: {message}");
        stderr.WriteLine(Usage(pack));
        return ExitCodes.BadInput;
    }

    /// <summary>Not empty and free of NUL, the one character no file name can hold; anything else the file system judges itself.</summary>
    private static bool IsPath(string path) => path.Length > 0 && !path.Contains('\0', StringComparison.Ordinal);

    /// <summary>"1048576", "512KiB", "100MiB", "1GiB" (K, M, G and KB, MB, GB mean the same binary units); null when not a size in range.</summary>
    internal static long? ParseSize(string text)
    {
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        var unit = text[digits..].Trim().ToUpperInvariant();
        long multiplier = unit switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1024,
            "M" or "MB" or "MIB" => 1024 * 1024,
            "G" or "GB" or "GIB" => 1024 * 1024 * 1024,
            _ => 0,
        };
        if (digits == 0 || digits > 12 || multiplier == 0 || !long.TryParse(text.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var size = number * multiplier;
        return size is > 0 and <= LargestMaxInputSize ? size : null;
    }

    /// <summary>
    /// The text of a regular file (or stdin) of at most <paramref name="limit"/> bytes. Devices and pipes are refused: /dev/zero has
    /// no end, and reading until memory runs out is no answer; a file that yields more bytes than its reported size is not regular.
    /// </summary>
    private static string ReadBounded(string path, long limit, Func<Stream>? openStdin) => Decode(ReadBoundedBytes(path, limit, openStdin));

    /// <summary>Reads a stack file from its UTF-8 bytes: a .NET string of a large export would cost twice the file, on top of the bytes.</summary>
    private static StackInput ReadStack(byte[] bytes, string source)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((byte[])[0xFE, 0xFF]) || span.StartsWith((byte[])[0xFF, 0xFE]) || span.StartsWith((byte[])[0x00, 0x00, 0xFE, 0xFF]))
        {
            // UTF-16 or UTF-32 by its byte order mark: only the decoder knows it.
            return StackInputReader.Read(Decode(bytes), source);
        }

        var utf8BomLength = span.StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return StackInputReader.Read(bytes.AsMemory(utf8BomLength), source);
    }

    private static byte[] ReadBoundedBytes(string path, long limit, Func<Stream>? openStdin)
    {
        if (openStdin is not null)
        {
            using var stdin = openStdin();
            return ReadAtMost(stdin, limit + 1, "stdin", limit);
        }

        if (!File.Exists(path))
        {
            throw new IOException($"{path}: no such file");
        }

        var size = new FileInfo(path).Length;
        if (size > limit)
        {
            throw new IOException($"{path}: {size} bytes is larger than the {limit}-byte limit (raise it with --max-input-size)");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var bytes = size > 0 ? ReadExactly(stream, size) : ReadAtMost(stream, size + 1, path, limit);
        if (bytes.Length > size)
        {
            throw new IOException($"{path}: not a regular file (a device or a pipe); give a file, or - to read stdin");
        }

        return bytes;
    }

    /// <summary>The file's <paramref name="size"/> bytes in one array (no growing buffer and final copy), one byte more if it has more.</summary>
    private static byte[] ReadExactly(Stream stream, long size)
    {
        var bytes = new byte[size];
        var filled = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (filled < bytes.Length)
        {
            return bytes[..filled];
        }

        // Anything past the size the file system gave means a device or a pipe; the caller refuses it by the length.
        Span<byte> probe = stackalloc byte[1];
        return stream.Read(probe) == 0 ? bytes : [.. bytes, probe[0]];
    }

    /// <summary>At most <paramref name="count"/> bytes of the stream; more than <paramref name="limit"/> is an error naming the limit.</summary>
    private static byte[] ReadAtMost(Stream stream, long count, string name, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < count)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, count - buffer.Length));
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new IOException($"{name}: larger than the {limit}-byte limit (raise it with --max-input-size)");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>UTF-8, or what a byte order mark says, as File.ReadAllText reads it.</summary>
    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>UTF-8 bytes passed on as text to a <see cref="TextWriter"/> (stdout, or a test's writer) as they come.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder decoder = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        private readonly char[] chars = new char[16 * 1024];
        private byte last;

        /// <summary>True when the last byte written was a line feed; false when nothing was written.</summary>
        public bool EndsWithNewline => last == (byte)'\n';

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return;
            }

            last = buffer[^1];
            while (!buffer.IsEmpty)
            {
                decoder.Convert(buffer, chars, flush: false, out var bytesUsed, out var charsUsed, out _);
                writer.Write(chars, 0, charsUsed);
                buffer = buffer[bytesUsed..];
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
            // A sequence cut short at the very end decodes as the replacement character, as Encoding.UTF8.GetString would.
            decoder.Convert([], chars, flush: true, out _, out var charsUsed, out _);
            writer.Write(chars, 0, charsUsed);
            writer.Flush();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
