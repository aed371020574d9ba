using System.Diagnostics;
using System.Globalization;

namespace SecurityBaseline.ProcessBench;

/// <summary>How to start one build of the pack: the NativeAOT executable itself, or `dotnet` with the JIT build's dll.</summary>
internal sealed record PackBuild(string Label, string FileName, IReadOnlyList<string> PrefixArguments)
{
    public ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in PrefixArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}

/// <summary>What one finished `scan` process cost: wall time (ours), CPU and peak RSS (the kernel's rusage of the child).</summary>
internal sealed record ScanMeasurement(string Build, string Format, int Resources, long ExportBytes, double WallSeconds, double CpuSeconds, double PeakRssMiB, long OutputBytes, int ExitCode);

/// <summary>Runs `scan` under /usr/bin/time, which reads the child's rusage from wait4 once it has exited: user+sys CPU and ru_maxrss.</summary>
internal static class ScanRun
{
    public const string TimeCommand = "/usr/bin/time";

    public static async Task<ScanMeasurement> MeasureAsync(PackBuild build, string export, long exportBytes, int resources, string format, string workingDirectory)
    {
        var rusageFile = Path.Combine(workingDirectory, "rusage.txt");
        var start = new ProcessStartInfo(TimeCommand)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "%U %S %M", "-o", rusageFile, build.FileName }.Concat(build.PrefixArguments).Concat(["scan", export, "--format", format]))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {TimeCommand}");

        // Drained as it comes (a report of 50,000 resources is larger than a pipe buffer), counted, not kept.
        var stdout = CountAsync(process.StandardOutput.BaseStream);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        var outputBytes = await stdout;
        var errors = await stderr;

        // 0 = compliant, 1 = blocking findings (every tenth unit violates); anything else is a failed run, not a measurement.
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{build.Label} scan --format {format} of {resources} resources exited {process.ExitCode}: {Tail(errors)}");
        }

        var fields = (await File.ReadAllTextAsync(rusageFile)).Trim().Split('\n')[^1].Split(' ');
        var user = double.Parse(fields[0], CultureInfo.InvariantCulture);
        var system = double.Parse(fields[1], CultureInfo.InvariantCulture);
        var maxRssKiB = double.Parse(fields[2], CultureInfo.InvariantCulture);
        return new ScanMeasurement(build.Label, format, resources, exportBytes, clock.Elapsed.TotalSeconds, user + system, maxRssKiB / 1024, outputBytes, process.ExitCode);
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
