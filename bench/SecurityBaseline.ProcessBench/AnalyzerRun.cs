using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.ProcessBench;

/// <summary>What the analyzer cost the engine: start-up, per-call server CPU and latency, memory, and one AnalyzeStack.</summary>
internal sealed record AnalyzerMeasurement(
    string Build,
    double StartupMs,
    int Calls,
    double ServerCpuMicrosPerCall,
    double P50Micros,
    double P99Micros,
    double PeakRssAfterCallsMiB,
    int StackResources,
    double StackWallMs,
    double StackServerCpuMs,
    double PeakRssMiB);

/// <summary>Starts the built executable as the Pulumi CLI does (engine address last, port line on stdout) and drives it over gRPC.</summary>
internal static class AnalyzerRun
{
    private const string EngineAddress = "127.0.0.1:1";
    private const int MaxMessageSize = 400 * 1024 * 1024;

    // /proc/<pid>/stat counts CPU in USER_HZ ticks, which the Linux ABI fixes at 100 per second.
    private const double TicksPerSecond = 100;

    public static async Task<AnalyzerMeasurement> MeasureAsync(PackBuild build, int calls, int stackResources, int starts, string workingDirectory)
    {
        // Start-up is short and noisy: the median of several starts, each stopped once its port line is read.
        var startups = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            var (process, startupMs, _) = await StartAsync(build, workingDirectory);
            startups.Add(startupMs);
            Stop(process);
        }

        var (server, _, port) = await StartAsync(build, workingDirectory);
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxReceiveMessageSize = MaxMessageSize, MaxSendMessageSize = MaxMessageSize });
            var client = new PolicyPack.Sdk.Hosting.Protocol.Analyzer.AnalyzerClient(channel);
            await StartSessionAsync(client);

            // Requests are built before the clock starts: the engine's own marshalling is not the pack's cost.
            var sample = StackGenerator.Resources(Math.Min(calls, 20 * StackGenerator.UnitSize)).ToArray();
            var requests = sample.Select(r => new AnalyzeRequest { Type = r.Type, Name = r.Name, Urn = r.Urn, Properties = Struct.Parser.ParseJson(r.AnalyzerInputs) }).ToArray();
            var latencies = new double[calls];
            var cpuBefore = CpuSeconds(server.Id);
            for (var i = 0; i < calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await client.AnalyzeAsync(requests[i % requests.Length]);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            var cpuAfter = CpuSeconds(server.Id);
            var rssAfterCalls = PeakRssMiB(server.Id);

            var stack = new AnalyzeStackRequest();
            foreach (var resource in StackGenerator.Resources(stackResources))
            {
                var item = new AnalyzerResource { Type = resource.Type, Name = resource.Name, Urn = resource.Urn, Properties = Struct.Parser.ParseJson(resource.AnalyzerInputs) };
                item.Dependencies.Add(resource.Dependencies);
                foreach (var (property, urns) in resource.PropertyDependencies)
                {
                    var dependencies = new AnalyzerPropertyDependencies();
                    dependencies.Urns.Add(urns);
                    item.PropertyDependencies[property] = dependencies;
                }

                stack.Resources.Add(item);
            }

            var stackCpuBefore = CpuSeconds(server.Id);
            var stackClock = Stopwatch.StartNew();
            await client.AnalyzeStackAsync(stack);
            stackClock.Stop();
            var stackCpuAfter = CpuSeconds(server.Id);

            Array.Sort(latencies);
            return new AnalyzerMeasurement(
                build.Label,
                Median(startups),
                calls,
                (cpuAfter - cpuBefore) * 1e6 / calls,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                rssAfterCalls,
                stackResources,
                stackClock.Elapsed.TotalMilliseconds,
                (stackCpuAfter - stackCpuBefore) * 1e3,
                PeakRssMiB(server.Id));
        }
        finally
        {
            Stop(server);
        }
    }

    /// <summary>The engine's start-up calls in its order: handshake, stack, plugin and analyzer info, reconciled defaults.</summary>
    private static async Task StartSessionAsync(PolicyPack.Sdk.Hosting.Protocol.Analyzer.AnalyzerClient client)
    {
        await client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = EngineAddress, RootDirectory = "/opt/packs", ProgramDirectory = "/opt/packs" });
        await client.ConfigureStackAsync(new AnalyzerStackConfigureRequest { Stack = "prod", Project = "bench", Organization = "company", DryRun = true });
        await client.GetPluginInfoAsync(new Empty());
        var info = await client.GetAnalyzerInfoAsync(new Empty());
        var configure = new ConfigureAnalyzerRequest();
        foreach (var policy in info.Policies)
        {
            var properties = new Struct();
            foreach (var (name, schema) in policy.ConfigSchema.Properties.Fields)
            {
                if (schema.StructValue.Fields.TryGetValue("default", out var fallback))
                {
                    properties.Fields[name] = fallback;
                }
            }

            configure.PolicyConfig[policy.Name] = new PolicyConfig { EnforcementLevel = policy.EnforcementLevel, Properties = properties };
        }

        await client.ConfigureAsync(configure);
    }

    private static async Task<(Process Process, double StartupMs, int Port)> StartAsync(PackBuild build, string workingDirectory)
    {
        var clock = Stopwatch.StartNew();
        var process = Process.Start(build.StartInfo([EngineAddress], workingDirectory)) ?? throw new InvalidOperationException($"could not start {build.FileName}");
        var line = new StringBuilder();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Byte by byte up to the first newline, as the engine reads the port line.
        while (true)
        {
            if (await process.StandardOutput.BaseStream.ReadAsync(buffer, timeout.Token) == 0)
            {
                Stop(process);
                throw new InvalidOperationException($"{build.Label}: stdout closed before a port line (\"{line}\")");
            }

            if (buffer[0] == (byte)'\n')
            {
                break;
            }

            line.Append((char)buffer[0]);
        }

        clock.Stop();
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        return (process, clock.Elapsed.TotalMilliseconds, int.Parse(line.ToString(), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>utime + stime of a running process, from /proc/&lt;pid&gt;/stat (fields 14 and 15, after the parenthesised name).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is field 3 (state), so field 14 is fields[11] and field 15 is fields[12].
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmHWM (the resident set's high-water mark) from /proc/&lt;pid&gt;/status.</summary>
    private static double PeakRssMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
