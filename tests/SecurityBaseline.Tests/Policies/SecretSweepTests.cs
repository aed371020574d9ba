using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Policies;

/// <summary>
/// Every policy of the catalogue, run on real resource shapes with a secret canary put at one place at a time
/// (each string and number leaf, each object's keys, inside JSON documents held in strings): no message, reason or
/// fail-closed text may carry the canary. A policy that prints a value through anything but a redacting path fails here.
/// </summary>
public class SecretSweepTests
{
    private const string Canary = "CANARY-5e3c";

    // A port-shaped number: policies that print port ranges would print it.
    private const double CanaryNumber = 34567;
    private const string CanaryNumberText = "34567";

    // Shapes the examples lack: standalone rules of every provider, network ACLs, prefix lists, rules with every protocol field.
    private static readonly (string Type, string Inputs)[] Extra =
    [
        ("aws:ec2/securityGroup:SecurityGroup", """{"ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"],"ipv6CidrBlocks":["::/0"]},{"protocol":"tcp","fromPort":80,"toPort":90,"cidrBlocks":["0.0.0.0/1"]},{"protocol":"tcp","fromPort":80,"toPort":90,"cidrBlocks":["128.0.0.0/1"]},{"protocol":"icmp","fromPort":-1,"toPort":-1,"cidrBlocks":["0.0.0.0/0"]}],"egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}"""),
        ("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", """{"vpcId":"vpc-1","ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"self":true}],"egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}"""),
        ("aws:ec2/securityGroupRule:SecurityGroupRule", """{"type":"ingress","protocol":"tcp","fromPort":3389,"toPort":3389,"cidrBlocks":["0.0.0.0/0"],"securityGroupId":"sg-1"}"""),
        ("aws:ec2/securityGroupRule:SecurityGroupRule", """{"type":"ingress","protocol":"udp","fromPort":1000,"toPort":2000,"cidrBlocks":["8.8.8.0/24"],"securityGroupId":"sg-1"}"""),
        ("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", """{"ipProtocol":"tcp","fromPort":5432,"toPort":5432,"cidrIpv4":"0.0.0.0/0","securityGroupId":"sg-1"}"""),
        ("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", """{"ipProtocol":"tcp","fromPort":8000,"toPort":8080,"cidrIpv6":"2001:db8::/32","securityGroupId":"sg-1"}"""),
        ("aws:ec2/networkAcl:NetworkAcl", """{"vpcId":"vpc-1","ingress":[{"action":"allow","ruleNo":100,"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlock":"0.0.0.0/0"}]}"""),
        ("aws:ec2/networkAclRule:NetworkAclRule", """{"networkAclId":"acl-1","egress":false,"ruleAction":"allow","ruleNumber":100,"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlock":"0.0.0.0/0"}"""),
        ("azure-native:network:NetworkSecurityGroup", """{"resourceGroupName":"rg","securityRules":[{"name":"ssh","direction":"Inbound","access":"Allow","priority":100,"protocol":"Tcp","sourceAddressPrefix":"*","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"22"},{"name":"web","direction":"Inbound","access":"Allow","priority":110,"protocol":"Tcp","sourceAddressPrefixes":["0.0.0.0/1","128.0.0.0/1"],"sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRanges":["8000-8080"]}]}"""),
        ("azure-native:network:SecurityRule", """{"resourceGroupName":"rg","networkSecurityGroupName":"nsg","direction":"Inbound","access":"Allow","priority":100,"protocol":"Tcp","sourceAddressPrefix":"Internet","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"3389"}"""),
        ("azure:network/networkSecurityRule:NetworkSecurityRule", """{"resourceGroupName":"rg","networkSecurityGroupName":"nsg","direction":"Inbound","access":"Allow","priority":100,"protocol":"Udp","sourceAddressPrefix":"1.2.3.0/24","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"1000-2000"}"""),
        ("aws:s3/bucketPolicy:BucketPolicy", """{"bucket":"b","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1\"}}}]}"}"""),
    ];

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Tests.Fixtures.RepositoryRoot(), "examples")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        data.Add("extra");
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryPolicy_WhenACanarySecretSitsAnywhereInAResource_ShouldNeverPrintIt(string fixture)
    {
        var (inputs, outputs) = Load(fixture);
        var engine = new PolicyEngine(PolicyCatalog.All, PackConfiguration.Default(PolicyCatalog.All));
        var covered = PolicyCatalog.All.SelectMany(p => p.Descriptor.ResourceTypes).ToHashSet(StringComparer.Ordinal);
        var stackCovered = PolicyCatalog.All.OfType<StackPolicy>().SelectMany(p => p.Descriptor.ResourceTypes).ToHashSet(StringComparer.Ordinal);
        var leaks = new List<string>();
        var variants = 0;

        foreach (var resource in inputs.Where(r => covered.Contains(TypeToken.Canonical(r.Type))))
        {
            foreach (var (where, properties) in Variants(resource.Root, string.Empty))
            {
                variants++;
                Check(engine.AnalyzeResource(resource with { Properties = properties.Fields }), $"{resource.Type} inputs {where}", leaks);
            }
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            var resource = outputs[i];
            if (!stackCovered.Contains(TypeToken.Canonical(resource.Type)))
            {
                continue;
            }

            foreach (var (where, properties) in Variants(resource.Root, string.Empty))
            {
                variants++;
                var stack = outputs.ToArray();
                stack[i] = resource with { Properties = properties.Fields };
                Check(engine.AnalyzeStack(stack), $"{resource.Type} outputs {where}", leaks);
            }
        }

        Assert.True(variants > 0, "the fixture gave no resource a policy covers");
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n{string.Join('\n', leaks.Distinct().Take(40))}");
    }

    private static void Check(IReadOnlyList<Evaluation> evaluations, string where, List<string> leaks)
    {
        foreach (var evaluation in evaluations)
        {
            foreach (var text in evaluation.Messages.Append(evaluation.Reason ?? string.Empty))
            {
                if (text.Contains(Canary, StringComparison.Ordinal) || text.Contains(CanaryNumberText, StringComparison.Ordinal))
                {
                    leaks.Add($"{evaluation.Policy.Id} on {where}: {text}");
                }
            }
        }
    }

    private static (IReadOnlyList<PulumiResource> Inputs, IReadOnlyList<PulumiResource> Outputs) Load(string fixture)
    {
        if (fixture != "extra")
        {
            var path = Path.Combine(Tests.Fixtures.RepositoryRoot(), "examples", fixture);
            var input = StackInputReader.Read(File.ReadAllText(path), path);
            return (input.Inputs, input.Outputs);
        }

        var resources = Extra.Select((e, i) => Tests.Fixtures.Resource(e.Type, e.Inputs, $"extra{i}")).ToArray();
        return (resources, resources);
    }

    /// <summary>Copies of <paramref name="value"/> with one place turned into a secret canary, each with the place's path.</summary>
    private static IEnumerable<(string Where, PropertyValue Value)> Variants(PropertyValue value, string path)
    {
        switch (value.Kind)
        {
            case ValueKind.String:
                yield return (path, PropertyValue.FromString(Canary, secret: true));
                yield return (path + " (secret map)", SecretMap());
                foreach (var document in InDocument(value.StringValue!))
                {
                    yield return (path + " (in document)", PropertyValue.FromString(document, secret: true));
                }

                break;
            case ValueKind.Number:
                yield return (path, PropertyValue.FromNumber(CanaryNumber, secret: true));
                yield return (path + " (as text)", PropertyValue.FromString(CanaryNumberText, secret: true));
                break;
            case ValueKind.Object:
                if (path.Length > 0)
                {
                    var withKey = new Dictionary<string, PropertyValue>(value.Fields, StringComparer.Ordinal) { [Canary] = SecretMap() };
                    yield return (path + " (secret, canary key)", PropertyValue.FromObject(withKey, secret: true));
                }

                foreach (var (name, field) in value.Fields)
                {
                    foreach (var (where, changed) in Variants(field, path.Length == 0 ? name : $"{path}.{name}"))
                    {
                        yield return (where, PropertyValue.FromObject(new Dictionary<string, PropertyValue>(value.Fields, StringComparer.Ordinal) { [name] = changed }, value.IsSecret));
                    }
                }

                break;
            case ValueKind.Array:
                yield return (path + " (secret, canary item)", PropertyValue.FromArray([.. value.Items, PropertyValue.FromString(Canary)], secret: true).AsSecret());
                for (var i = 0; i < value.Items.Count; i++)
                {
                    foreach (var (where, changed) in Variants(value.Items[i], $"{path}[{i}]"))
                    {
                        var items = value.Items.ToArray();
                        items[i] = changed;
                        yield return (where, PropertyValue.FromArray(items, value.IsSecret));
                    }
                }

                break;
            default:
                break;
        }
    }

    private static PropertyValue SecretMap() =>
        PropertyValue.FromObject(new Dictionary<string, PropertyValue>(StringComparer.Ordinal)
        {
            [Canary] = PropertyValue.FromObject(new Dictionary<string, PropertyValue>(StringComparer.Ordinal) { [Canary] = PropertyValue.FromString(Canary) }),
        }).AsSecret();

    /// <summary>When the string holds a JSON document (an IAM or bucket policy), copies with one string inside it replaced by the canary.</summary>
    private static IEnumerable<string> InDocument(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            yield break;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            yield break;
        }

        var count = Strings(root).Count();
        for (var i = 0; i < count; i++)
        {
            var copy = JsonNode.Parse(text)!;
            var target = Strings(copy).ElementAt(i);
            target.ReplaceWith(JsonValue.Create(Canary));
            yield return copy.ToJsonString();
        }
    }

    private static IEnumerable<JsonValue> Strings(JsonNode? node) =>
        node switch
        {
            JsonObject o => o.Select(p => p.Value).ToArray().SelectMany(Strings),
            JsonArray a => a.ToArray().SelectMany(Strings),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v],
            _ => [],
        };
}
