using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Hosting.Analyzer;

namespace PolicyPack.Sdk.Hosting;

/// <summary>Dispatches the command line: `scan`, `policies`, or (with an engine address) the Pulumi analyzer.</summary>
internal static class Cli
{
    public static string Usage(PackDefinition pack) => $"""
        usage:
          {pack.Name} scan <file|directory>… [options]   ({pack.Name} scan --help lists every option)
          {pack.Name} policies [--format text|json|markdown]
          {pack.Name} --version | --help
          {pack.Name} [--logtostderr] [-v=N] [--tracing <endpoint>] <engine-address>   (started by the Pulumi CLI)
        """;

    public static int Run(PackDefinition pack, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<Stream>? openStdout = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (args.Count == 0)
        {
            stderr.WriteLine($"{pack.Name}: no command and no engine address given");
            stderr.WriteLine(Usage(pack));
            return ExitCodes.BadInput;
        }

        return args[0] switch
        {
            "scan" => Scan(pack, args.Skip(1).ToArray(), stdout, stderr),
            "policies" => PoliciesCommand.Run(pack, args.Skip(1).ToArray(), stdout, stderr),
            "-h" or "--help" or "help" => Help(pack, stdout),
            "--version" or "version" => Version(pack, stdout),
            _ => Serve(pack, args, stderr, openStdout ?? Console.OpenStandardOutput),
        };
    }

    /// <remarks>A scan is one batch that nobody waits on mid-way: without background (concurrent) collections the GC does the
    /// same work in fewer, blocking passes, about a tenth of a 50,000-resource scan's CPU time (profiled with perf).</remarks>
    private static int Scan(PackDefinition pack, string[] args, TextWriter stdout, TextWriter stderr)
    {
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        return ScanCommand.Run(pack, args, stdout, stderr);
    }

    private static int Serve(PackDefinition pack, IReadOnlyList<string> args, TextWriter stderr, Func<Stream> openStdout)
    {
        if (AnalyzerArguments.TryParse(args, out var arguments, out var error))
        {
            using var stdout = openStdout();
            return AnalyzerHost.Run(pack, arguments!, stdout, stderr);
        }

        // A lone word that is neither a command nor an address is most likely a mistyped command.
        var mistypedCommand = args.Count == 1 && !args[0].StartsWith('-') && !args[0].Contains(':', StringComparison.Ordinal);
        stderr.WriteLine(mistypedCommand
            ? $"{pack.Name}: unknown command \"{args[0]}\""
            : $"{pack.Name}: cannot serve as a Pulumi analyzer: {error}");
        stderr.WriteLine(Usage(pack));
        return ExitCodes.BadInput;
    }

    private static int Version(PackDefinition pack, TextWriter stdout)
    {
        stdout.WriteLine($"{pack.Name} {pack.Version}");
        return ExitCodes.Compliant;
    }

    private static int Help(PackDefinition pack, TextWriter stdout)
    {
        stdout.WriteLine(Usage(pack));
        return ExitCodes.Compliant;
    }
}
