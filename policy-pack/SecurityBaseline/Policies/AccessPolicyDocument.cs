using System.Text.Json;
using SecurityBaseline.Engine;
using SecurityBaseline.Model;

namespace SecurityBaseline.Policies;

/// <summary>One statement of an AWS resource policy (bucket policy, key policy), reduced to what the rules decide on.</summary>
public sealed record PolicyStatement(int Index, string? Sid, string Effect, IReadOnlyList<string> Principals, bool HasCondition, IReadOnlyList<string> Actions)
{
    /// <summary>True when the statement names its principals by exclusion (`NotPrincipal`).</summary>
    public bool HasNotPrincipal { get; init; }

    /// <summary>The condition keys the statement tests (`aws:SourceIp`, `kms:CallerAccount`, …), whatever the operators.</summary>
    public IReadOnlyList<string> ConditionKeys { get; init; } = [];

    /// <summary>True when a condition narrows who may call or from where; `aws:SecureTransport` alone narrows nothing.</summary>
    public bool RestrictsCaller => ConditionKeys.Any(key => AccessPolicyDocument.CallerKeys.Contains(key));

    /// <summary>True for `Principal: "*"` or `{"AWS": "*"}`, and for `NotPrincipal`, which grants everyone but the few it lists.</summary>
    public bool IsForEveryone => HasNotPrincipal || Principals.Contains("*", StringComparer.Ordinal);

    public bool Allows => string.Equals(Effect, "Allow", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the statement's conditions do not limit it, for messages; a secret document's condition keys are not quoted.</summary>
    public string DescribeConditions(bool secret) =>
        !HasCondition ? "without a Condition"
        : secret ? "with only conditions that do not limit the caller"
        : $"with only conditions that do not limit the caller ({string.Join(", ", ConditionKeys)})";

    /// <summary>How reports name the statement: its Sid, else its position.</summary>
    public string Label => Sid is { Length: > 0 } sid ? $"statement \"{sid}\"" : $"statement {Index}";
}

/// <summary>Reads AWS policy documents given as a JSON string or as an object (the `policy` inputs of S3 and KMS resources).</summary>
public static class AccessPolicyDocument
{
    /// <summary>Condition keys that limit the caller (account, organisation, principal, service) or its network origin.</summary>
    internal static readonly HashSet<string> CallerKeys = new(
        [
            "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalIsAWSService",
            "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "aws:userid", "aws:username",
            "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
            "aws:SourceIp", "aws:VpcSourceIp", "aws:SourceVpc", "aws:SourceVpce",
            "kms:CallerAccount", "kms:ViaService", "s3:DataAccessPointAccount", "s3:DataAccessPointArn",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The statements of the document at <paramref name="path"/>; empty when absent; throws on unknown or unparseable documents.</summary>
    public static IReadOnlyList<PolicyStatement> Statements(PropertyValue properties, string path)
    {
        var value = properties.Known(path);
        if (value is null)
        {
            return [];
        }

        return value.Kind switch
        {
            ValueKind.String when string.IsNullOrWhiteSpace(value.StringValue) => [],
            ValueKind.String => FromJson(value.StringValue!, path),
            ValueKind.Object => FromObject(value, path),
            _ => throw new PolicyDataException(path, $"expected a policy document, found {value.Kind}"),
        };
    }

    private static PolicyStatement[] FromJson(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, PropertyDecoder.DocumentOptions);
        }
        catch (JsonException)
        {
            throw new PolicyDataException(path, "the policy document is not valid JSON");
        }

        using (document)
        {
            return FromObject(PropertyDecoder.Decode(document.RootElement, path), path);
        }
    }

    private static PolicyStatement[] FromObject(PropertyValue document, string path)
    {
        var statements = document.GetList("Statement");
        var result = new List<PolicyStatement>(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (statement.IsUnknown)
            {
                throw new UnknownValueException($"{path}.Statement[{i}]");
            }

            // An unknown Condition may narrow the grant: undecided, not "no condition".
            var condition = statement.Find("Condition");
            if (condition is { IsUnknown: true })
            {
                throw new UnknownValueException($"{path}.Statement[{i}].Condition");
            }

            result.Add(new PolicyStatement(
                i,
                statement.GetString("Sid"),
                statement.GetString("Effect") ?? "Allow",
                Principals(statement, $"{path}.Statement[{i}].Principal"),
                condition is { Kind: ValueKind.Object, Fields.Count: > 0 },
                statement.GetStrings("Action"))
            {
                HasNotPrincipal = statement.Known("NotPrincipal") is not null,
                ConditionKeys = condition is { Kind: ValueKind.Object }
                    ? condition.Fields.Values.Where(op => op.Kind == ValueKind.Object).SelectMany(op => op.Fields.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()
                    : [],
            });
        }

        return result.ToArray();
    }

    private static string[] Principals(PropertyValue statement, string path)
    {
        var principal = statement.Known("Principal");
        return principal?.Kind switch
        {
            null => [],
            ValueKind.String => [principal.StringValue!],
            ValueKind.Object => principal.Fields.Values.SelectMany(v => v.Kind == ValueKind.Array ? v.Items : [v])
                .Select(v => v.IsUnknown ? throw new UnknownValueException(path) : v.StringValue ?? string.Empty)
                .ToArray(),
            _ => throw new PolicyDataException(path, $"expected a principal string or object, found {principal.Kind}"),
        };
    }
}
