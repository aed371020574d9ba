namespace SecurityBaseline.Pack;

/// <summary>Dispatches the command line: `scan`, `policies`, or (with an engine address) the Pulumi analyzer.</summary>
internal static class Cli
{
    public const string Usage = """
        usage:
          security-baseline scan <file>… [--config <policy-pack-config.json>] [--format text|json] [--output <file>]
          security-baseline policies [--format text|json|markdown]
          security-baseline [--logtostderr] [-v=N] [--tracing <endpoint>] <engine-address>   (started by the Pulumi CLI)
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine(Usage);
            return ExitCodes.BadInput;
        }

        return args[0] switch
        {
            "scan" => ScanCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
            "policies" => PoliciesCommand.Run(args.Skip(1).ToArray(), stdout, stderr),
            "-h" or "--help" or "help" => Help(stdout),
            _ => Unknown(args[0], stderr),
        };
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return ExitCodes.Compliant;
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"security-baseline: unknown command \"{command}\"");
        stderr.WriteLine(Usage);
        return ExitCodes.BadInput;
    }
}
