using SecurityBaseline.Policies;
using PolicyPack.Sdk.Hosting;

namespace SecurityBaseline.Tests.Cli;

/// <summary>Runs the executable's entry point in-process and captures both streams.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = PolicyPack.Sdk.Hosting.Cli.Run(PolicyCatalog.Pack, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A file in a fresh temporary folder holding <paramref name="content"/>.</summary>
    public static string TempFile(string content, string name = "input.json")
    {
        var directory = Directory.CreateTempSubdirectory("security-baseline-tests-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static int Compliant => ExitCodes.Compliant;
    public static int Violations => ExitCodes.Violations;
    public static int BadInput => ExitCodes.BadInput;
}
