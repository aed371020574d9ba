using SecurityBaseline.Policies;
using SecurityBaseline.Reporting;

namespace SecurityBaseline.Pack;

/// <summary>`security-baseline policies [--format text|json|markdown]`: the catalogue with all metadata.</summary>
internal static class PoliciesCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--format" && i + 1 < args.Count)
            {
                format = args[++i];
            }
            else
            {
                stderr.WriteLine($"security-baseline policies: unknown argument \"{args[i]}\"; usage: security-baseline policies [--format text|json|markdown]");
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
