namespace SecurityBaseline.Fuzz;

/// <summary>Random argument vectors for `scan`: every option, with good, bad, missing and repeated values, all paths under {dir}.</summary>
public static class CommandLines
{
    private static readonly string[] Formats = ["text", "json", "sarif", "markdown", "github", "junit", "audit", "audit-html", "xml", "", "JSON"];

    public static List<string> Generate(Choices choices, List<string> steps)
    {
        var arguments = new List<string>();
        var count = 1 + choices.Next(8);
        for (var i = 0; i < count; i++)
        {
            var token = choices.Next(16);
            switch (token)
            {
                case 0 or 1:
                    arguments.Add(("{dir}/" + choices.Pick(["input.json", "input.json", "missing.json", "empty.json", "config.json", "waivers.yaml", "", "/dev/zero"])).Replace("{dir}//dev/zero", "/dev/zero", StringComparison.Ordinal));
                    break;
                case 2:
                    arguments.AddRange(["--config", "{dir}/" + choices.Pick(["config.json", "input.json", "missing.json", "empty.json"])]);
                    break;
                case 3:
                    var format = choices.Pick(Formats);
                    arguments.AddRange(["--format", choices.Chance(50) ? format : $"{format}={{dir}}/{choices.Pick(["out/a", "out/a", "out/b", "", "out/"])}"]);
                    break;
                case 4:
                    arguments.AddRange(["--output", choices.Pick(["{dir}/out/o", "{dir}/out/a", "{dir}/", "{dir}/out/x/y/z", ""])]);
                    break;
                case 5:
                    arguments.AddRange(["--baseline", "{dir}/" + choices.Pick(["baseline.json", "input.json", "waivers.yaml", "missing.json"])]);
                    break;
                case 6:
                    arguments.AddRange(["--waivers", "{dir}/" + choices.Pick(["waivers.yaml", "input.json", "empty.json", "missing.yaml"])]);
                    break;
                case 7:
                    arguments.AddRange(["--fail-on", choices.Pick(["new", "any", "none", ""])]);
                    break;
                case 8:
                    arguments.Add("--fail-on-unevaluated");
                    break;
                case 9:
                    arguments.AddRange(["--project-dir", choices.Pick(["infra", "", "../..", "/abs", "a b/c", "\u202e"])]);
                    break;
                case 10:
                    // An option as the last word, with its value missing.
                    arguments.Add(choices.Pick(["--config", "--format", "--output", "-o", "--baseline", "--waivers", "--project-dir", "--fail-on"]));
                    break;
                case 11:
                    arguments.Add(choices.Pick(["-", "--", "-x", "--unknown", "--help", "-h", "--format=json", "--policy-pack-config"]));
                    break;
                case 12:
                    arguments.Add(choices.Pick(JsonMutator.UnicodeEdges));
                    break;
                default:
                    arguments.Add("{dir}/input.json");
                    break;
            }
        }

        steps.Add("arguments generated");
        return arguments;
    }
}
