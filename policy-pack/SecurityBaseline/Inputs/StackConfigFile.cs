using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecurityBaseline.Inputs;

/// <summary>Reads the pack's keys from a stack settings file (`Pulumi.&lt;stack&gt;.yaml`), the single home of the company allowlist.</summary>
public static class StackConfigFile
{
    /// <summary>The stack config key the analyzer reads the allowlist from; `scan --stack-config` and the infra settings read it too.</summary>
    public const string AllowedCidrsKey = "security-baseline:allowedCidrs";

    /// <summary>The list under `config: security-baseline:allowedCidrs`, or null when the file does not set it.</summary>
    /// <exception cref="InputFormatException">The file is not YAML, or the key is not a list of strings.</exception>
    public static IReadOnlyList<string>? AllowedCidrs(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InputFormatException($"{source}:{e.Start.Line}:{e.Start.Column}: invalid YAML");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root ||
            !root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config ||
            !config.Children.TryGetValue(new YamlScalarNode(AllowedCidrsKey), out var value))
        {
            return null;
        }

        if (value is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
        {
            throw new InputFormatException($"{source}:{value.Start.Line}:{value.Start.Column}: {AllowedCidrsKey} must be a list of CIDR blocks");
        }

        return list.Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();
    }
}
