using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Reporting;

/// <summary>Turns the policyEvents of an engine event stream into external findings, dropping those our own scan already reports.</summary>
internal static partial class PolicyEvents
{
    public static IReadOnlyList<ExternalFinding> External(IEnumerable<StackInput> inputs, IReadOnlySet<(string Policy, string Urn)> ours, string ourPack)
    {
        var result = new List<ExternalFinding>();
        var seen = new HashSet<(string, string, string, string)>();
        foreach (var input in inputs)
        {
            var resources = input.Inputs.GroupBy(r => r.Urn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var policyEvent in input.PolicyEvents)
            {
                if (policyEvent.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var pack = Text(policyEvent, "policyPackName");
                var policy = Text(policyEvent, "policyName");
                var urn = Text(policyEvent, "resourceUrn");
                var level = LevelNames.TryParseLevel(Text(policyEvent, "enforcementLevel"), out var parsed) ? parsed : EnforcementLevel.Advisory;
                if (level == EnforcementLevel.Disabled ||
                    (pack == ourPack && ours.Contains((policy, urn))))
                {
                    continue;
                }

                var message = Plain(Text(policyEvent, "message"));
                if (!seen.Add((pack, policy, urn, message)))
                {
                    continue;
                }

                var resource = urn.Length == 0 ? ResourceRef.Stack
                    : resources.TryGetValue(urn, out var known) ? new ResourceRef(known.Urn, known.Type, known.Name, known.SourcePosition)
                    : new ResourceRef(urn, TypeFromUrn(urn), PulumiResource.NameFromUrn(urn));
                result.Add(new ExternalFinding(pack, Text(policyEvent, "policyPackVersion"), policy, level, Text(policyEvent, "severity"), resource, message));
            }
        }

        return result;
    }

    /// <summary>The type token of a URN (`urn:pulumi:stack::project::parent$type::name`).</summary>
    internal static string TypeFromUrn(string urn)
    {
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            return string.Empty;
        }

        var qualified = parts[2];
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0 ? qualified : qualified[(dollar + 1)..];
    }

    /// <summary>The message without terminal colours or Pulumi's colour tags, trimmed.</summary>
    private static string Plain(string message) => ColourCodes().Replace(message, string.Empty).Trim();

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]|<\{%[^%]*%\}>")]
    private static partial Regex ColourCodes();
}
