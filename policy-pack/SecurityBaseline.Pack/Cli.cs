using SecurityBaseline.Pack.Analyzer;

namespace SecurityBaseline.Pack;

/// <summary>Dispatches the command line: `scan`, `policies`, or (with an engine address) the Pulumi analyzer.</summary>
internal static class Cli
{
    public const string Usage = """
        usage:
          security-baseline scan <file|directory>… [options]   (security-baseline scan --help lists every option)
          security-baseline policies [--format text|json|markdown]
          security-baseline --version | --help
          security-baseline [--logtostderr] [-v=N] [--tracing <endpoint>] <engine-address>   (started by the Pulumi CLI)
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<Stream>? openStdout = null)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine("security-baseline: no command and no engine address given");
            stderr.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        return args[0] switch
        {
            "scan" => ScanCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
            "policies" => PoliciesCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
            "-h" or "--help" or "help" => Help(stdout),
            "--version" or "version" => Version(stdout),
            _ => Serve(args, stderr, openStdout ?? Console.OpenStandardOutput),
        };
    }

    private static int Serve(IReadOnlyList<string> args, TextWriter stderr, Func<Stream> openStdout)
    {
        if (AnalyzerArguments.TryParse(args, out var arguments, out var error))
        {
            using var stdout = openStdout();
            return AnalyzerHost.Run(arguments!, stdout, stderr);
        }

        // A lone word that is neither a command nor an address is most likely a mistyped command.
        var mistypedCommand = args.Count == 1 && !args[0].StartsWith('-') && !args[0].Contains(':', StringComparison.Ordinal);
        stderr.WriteLine(mistypedCommand
            ? $"security-baseline: unknown command \"{args[0]}\""
            : $"security-baseline: cannot serve as a Pulumi analyzer: {error}");
        stderr.WriteLine(Usage);
        return ExitCodes.BadInput;
    }

    private static int Version(TextWriter stdout)
    {
        stdout.WriteLine($"{SecurityBaseline.Policies.PolicyCatalog.PackName} {SecurityBaseline.Policies.PolicyCatalog.Version}");
        return ExitCodes.Compliant;
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return ExitCodes.Compliant;
    }
}
