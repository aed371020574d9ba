using SecurityBaseline.Policies;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PolicyPack.Sdk.Hosting;
using SecurityBaseline.Testing;

namespace SecurityBaseline.Fuzz;

/// <summary>What went wrong with one input: the oracle's verdict.</summary>
public sealed record FuzzFailure(string Kind, string Detail)
{
    public override string ToString() => $"{Kind}: {Detail}";
}

/// <summary>What one in-process scan produced: exit code, both streams, every report file, allocation and time.</summary>
public sealed record ScanOutcome(int? ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Reports, Exception? Thrown, long AllocatedBytes, TimeSpan Elapsed, bool Hung);

/// <summary>Runs `security-baseline scan` in-process on a <see cref="FuzzInput"/> and judges the outcome.</summary>
public static partial class ScanHarness
{
    /// <summary>UTF-8 that writes a lone surrogate as U+FFFD instead of throwing: a file on disk cannot hold one anyway.</summary>
    private static readonly UTF8Encoding FileEncoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Every report format, each to its own file, plus text on stdout: one run checks all eight.</summary>
    public static IReadOnlyList<string> AllFormats(string directory) =>
    [
        "--format", "text",
        "--format", $"json={directory}/out/report.json",
        "--format", $"sarif={directory}/out/report.sarif",
        "--format", $"markdown={directory}/out/report.md",
        "--format", $"github={directory}/out/report.github",
        "--format", $"junit={directory}/out/report.xml",
        "--format", $"audit={directory}/out/report.audit",
        "--format", $"audit-html={directory}/out/report.html",
    ];

    public static ScanOutcome Run(FuzzInput input)
    {
        var directory = Directory.CreateTempSubdirectory("security-baseline-fuzz-").FullName;
        try
        {
            foreach (var (name, text) in input.Files)
            {
                File.WriteAllText(Path.Combine(directory, name), text, FileEncoding);
            }

            var arguments = input.Arguments.Select(a => a.Replace("{dir}", directory, StringComparison.Ordinal)).Prepend("scan").ToArray();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int? code = null;
            Exception? thrown = null;
            long allocated = 0;
            var clock = Stopwatch.StartNew();

            // Its own thread with the main thread's stack size, so allocation is measured for this scan alone.
            var thread = new Thread(
                () =>
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    try
                    {
                        code = Cli.Run(PolicyCatalog.Pack, arguments, stdout, stderr);
                    }
                    catch (Exception e)
                    {
                        thrown = e;
                    }
                    finally
                    {
                        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    }
                },
                8 * 1024 * 1024)
            { IsBackground = true };
            thread.Start();
            var finished = thread.Join(FuzzSettings.HangAfter);
            clock.Stop();
            var reports = new Dictionary<string, string>();
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                if (!input.Files.ContainsKey(Path.GetFileName(file)) || Path.GetDirectoryName(file) != directory)
                {
                    reports[Path.GetRelativePath(directory, file)] = File.ReadAllText(file);
                }
            }

            // The temporary folder's path is not the input's business: normalize it so reproducers compare across runs.
            return new ScanOutcome(
                finished ? code : null,
                stdout.ToString().Replace(directory, "{dir}", StringComparison.Ordinal),
                stderr.ToString().Replace(directory, "{dir}", StringComparison.Ordinal),
                reports,
                thrown,
                allocated,
                clock.Elapsed,
                !finished);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A hung scan may still hold a file open; the OS cleans temporary folders.
            }
        }
    }

    /// <summary>The oracle: exit code in {0,1,2}, no exception or stack trace, no canary anywhere, within the allocation budget.</summary>
    public static IReadOnlyList<FuzzFailure> Judge(FuzzInput input, ScanOutcome outcome)
    {
        var failures = new List<FuzzFailure>();
        if (outcome.Hung)
        {
            failures.Add(new FuzzFailure("hang", $"no exit after {FuzzSettings.HangAfter.TotalSeconds:0} s"));
            return failures;
        }

        if (outcome.Thrown is { } e)
        {
            failures.Add(new FuzzFailure("unhandled-exception", $"{e.GetType().FullName}: {FirstLine(e.Message)} at {TopFrame(e)}"));
        }
        else if (outcome.ExitCode is not (0 or 1 or 2))
        {
            failures.Add(new FuzzFailure("exit-code", $"exit {outcome.ExitCode}"));
        }

        var outputs = outcome.Reports.Prepend(new("stdout", outcome.Stdout)).Prepend(new("stderr", outcome.Stderr));
        foreach (var (name, text) in outputs)
        {
            if (StackTrace().Match(text) is { Success: true } frame)
            {
                failures.Add(new FuzzFailure("stack-trace", $"{name}: {FirstLine(frame.Value)}"));
            }

            if (Canary.LeaksIn(text) && input.Contains(Canary.Text))
            {
                failures.Add(new FuzzFailure("secret-leak", $"{name}: {Around(text, text.IndexOf("CANARY-5ec7e7", StringComparison.Ordinal))}"));
            }
        }

        var budget = FuzzSettings.AllocationBudget + (FuzzSettings.AllocationPerInputByte * input.Size);
        if (outcome.AllocatedBytes > budget)
        {
            failures.Add(new FuzzFailure("allocation-budget", $"{outcome.AllocatedBytes / (1024 * 1024)} MiB allocated, budget {budget / (1024 * 1024)} MiB"));
        }

        return failures;
    }

    /// <summary>Writes the input, its command and the failures to artifacts/fuzz/&lt;kind&gt;-&lt;hash&gt;/ and returns the folder.</summary>
    public static string WriteReproducer(FuzzInput input, IEnumerable<FuzzFailure> failures, ScanOutcome outcome)
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(input.Describe() + string.Concat(input.Files.Values))))[..12];
        var folder = Path.Combine(FuzzSettings.ArtifactDirectory, $"{input.Kind}-{hash}");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in input.Files)
        {
            File.WriteAllText(Path.Combine(folder, name), text, FileEncoding);
        }

        var readme = new StringBuilder();
        readme.AppendLine("# fuzz reproducer (replace {dir} with this folder)");
        readme.Append(input.Describe());
        readme.AppendLine("failures:");
        foreach (var failure in failures)
        {
            readme.Append("  ").AppendLine(failure.ToString());
        }

        readme.Append("exit: ").AppendLine(outcome.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        readme.Append("allocated MiB: ").AppendLine((outcome.AllocatedBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        readme.Append("elapsed s: ").AppendLine(outcome.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        if (outcome.Thrown is not null)
        {
            readme.AppendLine(outcome.Thrown.ToString());
        }

        File.WriteAllText(Path.Combine(folder, "README.txt"), readme.ToString(), FileEncoding);
        return folder;
    }

    private static string TopFrame(Exception e) =>
        new StackTrace(e).GetFrames().Select(f => f.GetMethod()).Where(m => m is not null)
            .Select(m => $"{m!.DeclaringType?.Name}.{m.Name}").FirstOrDefault() ?? "?";

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 60);
        return text.Substring(start, Math.Min(text.Length - start, 140)).ReplaceLineEndings(" ");
    }

    // A .NET stack frame ("   at Namespace.Type.Method(") or an exception's full type name printed as text.
    [GeneratedRegex(@"(^|\n)\s+at [\w.`<>\[\]]+\(|\bSystem\.[\w.]*Exception\b|Unhandled exception", RegexOptions.CultureInvariant)]
    private static partial Regex StackTrace();
}
