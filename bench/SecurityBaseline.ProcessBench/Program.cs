using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecurityBaseline.ProcessBench;

// One command, one table: `scan` of generated exports by the NativeAOT and JIT builds, then the analyzer over gRPC.
// Progress goes to stderr; the markdown table (and the machine it ran on) to stdout.
var culture = CultureInfo.InvariantCulture;
var root = RepositoryRoot();
var aot = Path.Combine(root, "artifacts", "pack-aot", "security-baseline");
var jit = Path.Combine(root, "policy-pack", "SecurityBaseline.Pack", "bin", "Release", "net10.0", "security-baseline.dll");
var builds = new[] { "aot", "jit" };
var sizes = new[] { 5_000, 20_000, 50_000 };
var formats = new[] { "text", "json", "sarif" };
var calls = 10_000;
var stackResources = 5_000;
var starts = 5;
var keep = false;

for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--aot": aot = Path.GetFullPath(Next()); break;
        case "--jit": jit = Path.GetFullPath(Next()); break;
        case "--builds": builds = Next().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
        case "--sizes": sizes = Next().Split(',').Select(s => int.Parse(s, culture)).ToArray(); break;
        case "--formats": formats = Next().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
        case "--calls": calls = int.Parse(Next(), culture); break;
        case "--stack-resources": stackResources = int.Parse(Next(), culture); break;
        case "--starts": starts = int.Parse(Next(), culture); break;
        case "--keep": keep = true; break;
        case "--quick": sizes = [5_000, 20_000]; formats = ["text"]; calls = 1_000; starts = 3; break;
        case "--analyzer-only": sizes = []; formats = []; break;
        case "-h" or "--help":
            Console.WriteLine("""
                usage: dotnet run -c Release --project bench/SecurityBaseline.ProcessBench -- [options]
                  --aot <path>             NativeAOT executable (default artifacts/pack-aot/security-baseline, from scripts/test.sh)
                  --jit <dll>              JIT build, run as `dotnet <dll>` (default policy-pack/SecurityBaseline.Pack/bin/Release/net10.0/security-baseline.dll)
                  --builds aot,jit         which builds to measure
                  --sizes 5000,20000,50000 export sizes in resources
                  --formats text,json,sarif
                  --calls 10000            sequential Analyze calls
                  --stack-resources 5000   resources in the one AnalyzeStack call
                  --starts 5               analyzer starts for the start-up median
                  --quick                  5,000 and 20,000 resources, text only, 1,000 calls
                  --analyzer-only          no scans: only the analyzer part (start-up, Analyze calls, AnalyzeStack)
                  --keep                   keep the generated exports (their folder is printed)
                """);
            return 0;
        default: throw new ArgumentException($"unknown option {args[i]} (--help lists them)");
    }
}

if (!File.Exists(ScanRun.TimeCommand))
{
    Console.Error.WriteLine($"{ScanRun.TimeCommand} is needed for a finished child's CPU time and peak RSS (apt-get install time)");
    return 2;
}

var packBuilds = new List<PackBuild>();
var notes = new List<string>();
foreach (var build in builds)
{
    switch (build)
    {
        case "aot" when File.Exists(aot): packBuilds.Add(new PackBuild("NativeAOT", aot, [])); break;
        case "aot": notes.Add($"NativeAOT not measured: {aot} does not exist (scripts/test.sh publishes it; needs clang)."); break;
        case "jit" when File.Exists(jit): packBuilds.Add(new PackBuild("JIT", "dotnet", [jit])); break;
        case "jit": notes.Add($"JIT not measured: {jit} does not exist (build with -c Release)."); break;
        default: throw new ArgumentException($"unknown build {build} (aot, jit)");
    }
}

var work = Directory.CreateTempSubdirectory("security-baseline-bench-").FullName;
var load = File.ReadAllText("/proc/loadavg").Split(' ').Take(3);
var started = DateTimeOffset.UtcNow;
try
{
    var exports = new List<(int Resources, string Path, long Bytes)>();
    foreach (var size in sizes)
    {
        var path = Path.Combine(work, $"stack-{size}.export.json");
        exports.Add((size, path, StackGenerator.WriteExport(path, size)));
        Console.Error.WriteLine($"generated {path} ({exports[^1].Bytes / 1e6:0.0} MB)");
    }

    var scans = new List<ScanMeasurement>();
    foreach (var build in packBuilds)
    {
        foreach (var format in formats)
        {
            foreach (var (resources, path, bytes) in exports)
            {
                var measurement = await ScanRun.MeasureAsync(build, path, bytes, resources, format, work);
                Console.Error.WriteLine($"{build.Label} scan --format {format} {resources}: {measurement.WallSeconds:0.00} s wall, {measurement.CpuSeconds:0.00} s CPU, {measurement.PeakRssMiB:0} MiB");
                scans.Add(measurement);
            }
        }
    }

    var analyzers = new List<AnalyzerMeasurement>();
    foreach (var build in packBuilds)
    {
        Console.Error.WriteLine($"{build.Label} analyzer: {starts} starts, {calls} Analyze calls, AnalyzeStack of {stackResources}");
        analyzers.Add(await AnalyzerRun.MeasureAsync(build, calls, stackResources, starts, work));
    }

    Console.WriteLine(Table(scans, analyzers, started, load, notes));
    if (keep)
    {
        Console.Error.WriteLine($"exports kept in {work}");
    }
}
finally
{
    if (!keep)
    {
        Directory.Delete(work, recursive: true);
    }
}

return 0;

static string Table(List<ScanMeasurement> scans, List<AnalyzerMeasurement> analyzers, DateTimeOffset started, IEnumerable<string> load, List<string> notes)
{
    var culture = CultureInfo.InvariantCulture;
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    var text = new StringBuilder();
    text.AppendLine(culture, $"Measured {started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} × {cpu} (load average at start {string.Join(' ', load)}), {Environment.OSVersion}, .NET {Environment.Version}.");
    text.AppendLine();
    text.AppendLine("| build | run | wall | CPU (user+sys) | peak RSS |");
    text.AppendLine("|---|---|---|---|---|");
    foreach (var group in scans.GroupBy(s => (s.Build, s.Format)))
    {
        var rows = group.OrderBy(s => s.Resources).ToList();
        foreach (var s in rows)
        {
            text.AppendLine(culture, $"| {s.Build} | `scan --format {s.Format}`, {s.Resources:N0} resources ({s.ExportBytes / 1e6:0.0} MB export, exit {s.ExitCode}) | {s.WallSeconds:0.00} s | {s.CpuSeconds:0.00} s | {s.PeakRssMiB:N0} MiB |");
        }

        if (rows.Count > 1)
        {
            var (first, last) = (rows[0], rows[^1]);
            text.AppendLine(culture, $"| {first.Build} | growth {first.Resources / 1000:N0}k → {last.Resources / 1000:N0}k resources (×{(double)last.Resources / first.Resources:0.#}) | ×{last.WallSeconds / first.WallSeconds:0.0} | ×{last.CpuSeconds / first.CpuSeconds:0.0} | ×{last.PeakRssMiB / first.PeakRssMiB:0.0} |");
        }
    }

    // The machine-readable reports against the text report of the same build and size (issue 11: within 1.5× its time).
    foreach (var s in scans.Where(m => m.Format != "text"))
    {
        if (scans.FirstOrDefault(x => x.Build == s.Build && x.Format == "text" && x.Resources == s.Resources) is { } t)
        {
            text.AppendLine(culture, $"| {s.Build} | `--format {s.Format}` against `--format text`, {s.Resources:N0} resources | ×{s.WallSeconds / t.WallSeconds:0.00} | ×{s.CpuSeconds / t.CpuSeconds:0.00} | ×{s.PeakRssMiB / t.PeakRssMiB:0.00} |");
        }
    }

    foreach (var a in analyzers)
    {
        text.AppendLine(culture, $"| {a.Build} | analyzer start-up to port line (median) | {a.StartupMs:0} ms | | |");
        text.AppendLine(culture, $"| {a.Build} | {a.Calls:N0} sequential `Analyze` calls: latency p50 / p99, server CPU per call | {a.P50Micros:0} µs / {a.P99Micros:0} µs | {a.ServerCpuMicrosPerCall:0} µs | {a.PeakRssAfterCallsMiB:N0} MiB |");
        text.AppendLine(culture, $"| {a.Build} | one `AnalyzeStack` of {a.StackResources:N0} resources (after the calls) | {a.StackWallMs:0} ms | {a.StackServerCpuMs:0} ms | {a.PeakRssMiB:N0} MiB |");
    }

    foreach (var note in notes)
    {
        text.AppendLine();
        text.AppendLine(note);
    }

    return text.ToString();
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new InvalidOperationException("run it inside the repository (no Infra.sln above the current directory)");
}
