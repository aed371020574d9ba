using System.Text;

namespace SecurityBaseline.Fuzz;

/// <summary>Generates waiver files: valid and broken waivers, and the YAML features a hand-written file may use
/// (quoting styles, flow collections, anchors and aliases, tags, several documents, deep nesting, huge and odd scalars).</summary>
public static class WaiverYaml
{
    private static readonly string[] Keys = ["policy", "resource", "reason", "owner", "expires", "ticket", "expiry", "urn", ""];

    private static readonly string[] ResourceKeys = ["urn", "type", "name", "other"];

    public static string Generate(Choices choices, List<string> steps)
    {
        var yaml = new StringBuilder();
        if (choices.Chance(10))
        {
            yaml.AppendLine("%YAML 1.2").AppendLine("---");
        }

        var style = choices.Next(4);
        steps.Add($"waivers style {style}");
        switch (style)
        {
            case 0:
                yaml.Append(Seeds.Waivers);
                break;
            case 1:
                yaml.AppendLine("waivers:");
                var count = 1 + choices.Next(4);
                for (var i = 0; i < count; i++)
                {
                    Waiver(yaml, choices, steps, i);
                }

                break;
            case 2:
                // Flow style on one line.
                yaml.Append("{waivers: [{policy: ").Append(Scalar(choices, Policy(choices))).Append(", resource: {urn: ")
                    .Append(Scalar(choices, "urn:pulumi:*")).Append("}, reason: r, owner: o, expires: ").Append(Date(choices)).AppendLine("}]}");
                break;
            default:
                yaml.Append(Seeds.Waivers).AppendLine("  - policy: " + Scalar(choices, Policy(choices)));
                Waiver(yaml, choices, steps, 9);
                break;
        }

        var extras = choices.Next(3);
        for (var i = 0; i < extras; i++)
        {
            var extra = choices.Next(9);
            steps.Add($"waivers extra {extra}");
            switch (extra)
            {
                case 0:
                    yaml.AppendLine("---").AppendLine("waivers: []");
                    break;
                case 1:
                    yaml.Append("nested: ").Append('[', 50 * (1 + choices.Next(10))).Append(']', 50 * (1 + choices.Next(10))).AppendLine();
                    break;
                case 2:
                    yaml.Append("big: \"").Append('x', 200_000).AppendLine("\"");
                    break;
                case 3:
                    yaml.AppendLine("x: !!binary AAAA");
                    break;
                case 4:
                    yaml.Append("u: \"").Append(choices.Pick(JsonMutator.UnicodeEdges).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).AppendLine("\"");
                    break;
                case 5:
                    yaml.Insert(choices.Next(yaml.Length), '\t');
                    break;
                case 6:
                    yaml.AppendLine("q: &q \"quoted\"").AppendLine("r: *q");
                    break;
                case 7:
                    yaml.AppendLine("k: &k key").AppendLine("m:").AppendLine("  ? *k").AppendLine("  : v");
                    break;
                default:
                    yaml.Length = choices.Next(yaml.Length + 1);
                    break;
            }
        }

        return yaml.ToString();
    }

    private static void Waiver(StringBuilder yaml, Choices choices, List<string> steps, int index)
    {
        var anchor = choices.Chance(15) ? $" &w{index}" : string.Empty;
        if (index > 0 && choices.Chance(10))
        {
            steps.Add("alias of a previous waiver");
            yaml.AppendLine($"  - *w{index - 1}");
            return;
        }

        yaml.Append("  -").Append(anchor).AppendLine();
        foreach (var key in Keys)
        {
            if (!choices.Chance(key is "policy" or "resource" or "reason" or "owner" or "expires" ? 85 : 8))
            {
                continue;
            }

            var value = key switch
            {
                "policy" => Scalar(choices, Policy(choices)),
                "expires" => Scalar(choices, Date(choices)),
                "resource" => null,
                _ => Scalar(choices, choices.Pick(["someone@example.com", "WEB-1", "*", "", "a: b", "- x", "# no", "null", "~"])),
            };
            if (value is null)
            {
                yaml.AppendLine("    resource:");
                foreach (var resourceKey in ResourceKeys)
                {
                    if (choices.Chance(40))
                    {
                        yaml.Append("      ").Append(resourceKey).Append(": ")
                            .AppendLine(Scalar(choices, choices.Pick(["urn:pulumi:prod::baseline::*", "*", "aws:s3/bucket:Bucket", "legacy-*", "**", ""])));
                    }
                }
            }
            else
            {
                yaml.Append("    ").Append(key).Append(": ").AppendLine(value);
            }
        }
    }

    private static string Policy(Choices choices) => choices.Chance(80) ? choices.Pick(Seeds.PolicyIds) : choices.Pick(["s3-no-public-acls", "", "*", "SECRET"]);

    private static string Date(Choices choices) => choices.Pick(["2099-12-31", "2000-01-01", "2027-02-30", "next spring", "2027-3-1", "99999-01-01", "0001-01-01"]);

    /// <summary>A scalar in a random style: plain, single or double quoted, block literal, or with a tag.</summary>
    private static string Scalar(Choices choices, string text) => choices.Next(6) switch
    {
        0 => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        1 => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        2 => $"!!str {text}",
        3 => $"[{text}]",
        _ => text,
    };
}
