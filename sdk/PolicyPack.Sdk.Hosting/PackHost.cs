using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Hosting;

/// <summary>The whole Main of a pack's executable: `return PackHost.Run(args, MyPack.Definition);`.</summary>
/// <remarks>
/// With an engine address the process serves `pulumirpc.Analyzer` and prints its port (the Pulumi CLI starts it so);
/// with `scan` or `policies` it is the CI scanner and the catalogue; exit codes are <see cref="ExitCodes"/>'.
/// </remarks>
public static class PackHost
{
    /// <summary>Runs the command line <paramref name="args"/> for <paramref name="pack"/> on the console.</summary>
    public static int Run(string[] args, PackDefinition pack)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(pack);
        return Cli.Run(pack, args, Console.Out, Console.Error);
    }
}
