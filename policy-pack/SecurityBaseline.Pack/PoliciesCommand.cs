using SecurityBaseline.Policies;
using SecurityBaseline.Reporting;

namespace SecurityBaseline.Pack;

/// <summary>`security-baseline policies [--format text|json|markdown]`: the catalogue with all metadata.</summary>
internal static class PoliciesCommand
{
    public const string Usage =
        "usage: security-baseline policies [options]\n" +
        "  --format text|json|markdown   the catalogue as text (default), JSON (with each policy's parameter schema) or Markdown (docs/policies.md)\n" +
        "  --help, -h                    this text";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--format" && i + 1 < args.Count)
            {
                format = args[++i];
            }
            else if (args[i] is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Compliant;
            }
            else
            {
                stderr.WriteLine($"security-baseline policies: unknown argument \"{args[i]}\"");
                stderr.WriteLine(Usage);
                return ExitCodes.BadInput;
            }
        }

        switch (format)
        {
            case "text":
                CatalogReporter.WriteText(PolicyCatalog.All, stdout);
                return ExitCodes.Compliant;
            case "markdown":
                CatalogReporter.WriteMarkdown(PolicyCatalog.All, stdout);
                return ExitCodes.Compliant;
            case "json":
                using (var memory = new MemoryStream())
                {
                    CatalogReporter.WriteJson(PolicyCatalog.All, memory);
                    stdout.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
                }

                return ExitCodes.Compliant;
            default:
                stderr.WriteLine($"security-baseline policies: unknown format \"{format}\" (text, json, markdown)");
                return ExitCodes.BadInput;
        }
    }
}
