using System.Text.Json.Nodes;

namespace SecurityBaseline.Fuzz;

/// <summary>Builds one <see cref="FuzzInput"/> of a kind from a seed file and a plan of decisions.</summary>
public static class FuzzCorpus
{
    /// <summary>The input kinds and their share of the campaign's iterations (percent).</summary>
    public static IReadOnlyList<(string Kind, int Share)> Kinds { get; } =
    [
        ("stack-input", 50), ("policy-config", 10), ("waivers", 15), ("baseline", 10), ("command-line", 15),
    ];

    private static readonly string Violating = Seeds.Examples.First(e => e.Name.Contains("violating", StringComparison.Ordinal)).Text;

    public static FuzzInput Build(string kind, int[] plan)
    {
        var choices = new Choices(plan);
        var steps = new List<string>();
        var mutations = 1 + choices.Next(4);
        switch (kind)
        {
            case "stack-input":
                var (name, text) = choices.Pick(Seeds.Examples);
                steps.Add($"seed {name}");
                var mutated = name.EndsWith(".jsonl", StringComparison.Ordinal)
                    ? MutateLines(text, choices, mutations, steps)
                    : MutateJson(text, choices, mutations, steps, allowSecrets: true);
                return Scan(kind, mutated, steps, withWaivers: true);
            case "policy-config":
                var config = MutateJson(Seeds.PolicyConfig, choices, mutations, steps, allowSecrets: false);
                return new FuzzInput(kind, new Dictionary<string, string> { ["input.json"] = Violating, ["config.json"] = config },
                    ["{dir}/input.json", "--config", "{dir}/config.json", .. ScanHarness.AllFormats("{dir}")], steps);
            case "waivers":
                var waivers = WaiverYaml.Generate(choices, steps);
                return new FuzzInput(kind, new Dictionary<string, string> { ["input.json"] = Violating, ["waivers.yaml"] = waivers },
                    ["{dir}/input.json", "--waivers", "{dir}/waivers.yaml", .. ScanHarness.AllFormats("{dir}")], steps);
            case "baseline":
                var baseline = MutateJson(Seeds.Baseline, choices, mutations, steps, allowSecrets: false);
                return new FuzzInput(kind, new Dictionary<string, string> { ["input.json"] = Violating, ["baseline.json"] = baseline },
                    ["{dir}/input.json", "--baseline", "{dir}/baseline.json", "--fail-on", "new", .. ScanHarness.AllFormats("{dir}")], steps);
            default:
                var arguments = CommandLines.Generate(choices, steps);
                return new FuzzInput(kind, new Dictionary<string, string>
                {
                    ["input.json"] = choices.Pick(Seeds.Examples).Text,
                    ["empty.json"] = string.Empty,
                    ["config.json"] = Seeds.PolicyConfig,
                    ["waivers.yaml"] = Seeds.Waivers,
                    ["baseline.json"] = Seeds.Baseline,
                }, arguments, steps);
        }
    }

    /// <summary>A scan of one stack input with the company config (and waivers), every format at once.</summary>
    public static FuzzInput Scan(string kind, string stackInput, IReadOnlyList<string> steps, bool withWaivers)
    {
        var files = new Dictionary<string, string> { ["input.json"] = stackInput, ["config.json"] = Seeds.PolicyConfig };
        List<string> arguments = ["{dir}/input.json", "--config", "{dir}/config.json", .. ScanHarness.AllFormats("{dir}")];
        if (withWaivers)
        {
            files["waivers.yaml"] = Seeds.Waivers;
            arguments.AddRange(["--waivers", "{dir}/waivers.yaml"]);
        }

        return new FuzzInput(kind, files, arguments, steps);
    }

    private static string MutateJson(string text, Choices choices, int mutations, List<string> steps, bool allowSecrets)
    {
        var root = JsonMutator.Parse(text)!;
        steps.AddRange(JsonMutator.Mutate(root, choices, mutations, allowSecrets));
        var json = JsonMutator.Serialize(root);
        if (!allowSecrets && choices.Chance(20))
        {
            steps.Add("text damaged");
            json = JsonMutator.DamageText(json, choices);
        }

        return json;
    }

    /// <summary>Engine events: mutate some lines as JSON, or drop, duplicate and damage whole lines.</summary>
    private static string MutateLines(string text, Choices choices, int mutations, List<string> steps)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < mutations && lines.Count > 0; i++)
        {
            var at = choices.Next(lines.Count);
            switch (choices.Next(5))
            {
                case 0:
                    steps.Add($"line {at} dropped");
                    lines.RemoveAt(at);
                    break;
                case 1:
                    steps.Add($"line {at} duplicated");
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    steps.Add($"line {at} replaced by a non-object");
                    lines[at] = choices.Pick(["[]", "null", "1", "\"x\"", "{}", "", "{\"resourcePreEvent\":null}", "{\"resourcePreEvent\":{\"metadata\":[]}}"]);
                    break;
                default:
                    var node = JsonMutator.Parse(lines[at]);
                    if (node is null)
                    {
                        break;
                    }

                    steps.Add($"line {at}:");
                    steps.AddRange(JsonMutator.Mutate(node, choices, 1 + choices.Next(3)));
                    lines[at] = JsonMutator.Serialize(node);
                    break;
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
