using PolicyPack.Sdk.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyPack.Sdk.Inputs;

/// <summary>Reads a pack's stack parameters from a stack settings file (`Pulumi.&lt;stack&gt;.yaml`), where a stack sets them once.</summary>
public static class StackConfigFile
{
    /// <summary>
    /// The values under `config: &lt;pack&gt;:&lt;parameter&gt;` for each of the pack's <see cref="PackDefinition.StackParameters"/>
    /// the file sets, by parameter name; empty when it sets none.
    /// </summary>
    /// <exception cref="InputFormatException">The file is not YAML, or a key is not a list of strings.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> StackParameters(string yaml, string source, PackDefinition pack)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(pack);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InputFormatException($"{source}:{e.Start.Line}:{e.Start.Column}: invalid YAML");
        }

        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root ||
            !root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config)
        {
            return found;
        }

        foreach (var parameter in pack.StackParameters)
        {
            var key = pack.StackConfigKey(parameter);
            if (!config.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                continue;
            }

            if (value is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
            {
                throw new InputFormatException($"{source}:{value.Start.Line}:{value.Start.Column}: {key} must be a list of strings");
            }

            found[parameter] = list.Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();
        }

        return found;
    }
}
