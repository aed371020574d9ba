using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Reporting;

namespace PolicyPack.Sdk.Hosting;

/// <summary>`&lt;pack&gt; policies [--format text|json|markdown]`: the catalogue with all metadata.</summary>
internal static class PoliciesCommand
{
    public static string Usage(PackDefinition pack) =>
        $"usage: {pack.Name} policies [options]\n" +
        "  --format text|json|markdown   the catalogue as text (default), JSON (with each policy's parameter schema) or Markdown (docs/policies.md)\n" +
        "  --help, -h                    this text";

    public static int Run(PackDefinition pack, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--format" && i + 1 < args.Count)
            {
                format = args[++i];
            }
            else if (args[i] is "-h" or "--help")
            {
                stdout.WriteLine(Usage(pack));
                return ExitCodes.Compliant;
            }
            else
            {
                stderr.WriteLine($"{pack.Name} policies: unknown argument \"{args[i]}\"");
                stderr.WriteLine(Usage(pack));
                return ExitCodes.BadInput;
            }
        }

        switch (format)
        {
            case "text":
                CatalogReporter.WriteText(pack, stdout);
                return ExitCodes.Compliant;
            case "markdown":
                CatalogReporter.WriteMarkdown(pack, stdout);
                return ExitCodes.Compliant;
            case "json":
                using (var memory = new MemoryStream())
                {
                    CatalogReporter.WriteJson(pack, memory);
                    stdout.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
                }

                return ExitCodes.Compliant;
            default:
                stderr.WriteLine($"{pack.Name} policies: unknown format \"{format}\" (text, json, markdown)");
                return ExitCodes.BadInput;
        }
    }
}
