using System.Globalization;
using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Network;

namespace SecurityBaseline.Policies;

/// <summary>One statement of an AWS resource policy (bucket policy, key policy), reduced to what the rules decide on.</summary>
public sealed record PolicyStatement(int Index, string? Sid, string Effect, IReadOnlyList<string> Principals, bool HasCondition, IReadOnlyList<string> Actions)
{
    /// <summary>The resources the statement names by exclusion (`NotResource`): it covers every resource but these.</summary>
    public IReadOnlyList<string> NotResources { get; init; } = [];

    /// <summary>Paths of Resource and NotResource items that are unknown during preview.</summary>
    public IReadOnlyList<string> UnknownParts { get; init; } = [];

    /// <summary>True when the statement names its principals by exclusion (`NotPrincipal`).</summary>
    public bool HasNotPrincipal { get; init; }

    /// <summary>The condition keys the statement tests (`aws:SourceIp`, `kms:CallerAccount`, …), whatever the operators.</summary>
    public IReadOnlyList<string> ConditionKeys { get; init; } = [];

    /// <summary>Every operator-and-key test of the Condition, with whether it narrows the caller.</summary>
    public IReadOnlyList<ConditionTest> ConditionTests { get; init; } = [];

    /// <summary>True when a condition narrows who may call or from where; the tests are ANDed, so one narrowing test is enough.</summary>
    public bool RestrictsCaller => ConditionTests.Any(test => test.Limits == true);

    /// <summary>True for `Principal: "*"` or `{"AWS": "*"}`, and for `NotPrincipal`, which grants everyone but the few it lists.</summary>
    public bool IsForEveryone => HasNotPrincipal || Principals.Contains("*", StringComparer.Ordinal);

    public bool Allows => string.Equals(Effect, "Allow", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the statement's conditions do not limit it, for messages; a secret document's condition keys are not quoted.</summary>
    public string DescribeConditions(bool secret) =>
        !HasCondition ? "without a Condition"
        : secret ? "with only conditions that do not limit the caller"
        : $"with only conditions that do not limit the caller ({string.Join(", ", ConditionTests.Select(test => $"{test.Operator} {test.Key}"))})";

    /// <summary>The actions the statement excludes (`NotAction`): an Allow with it grants every other action.</summary>
    public IReadOnlyList<string> NotActions { get; init; } = [];

    /// <summary>True when the statement has a `NotAction` element.</summary>
    public bool HasNotAction { get; init; }

    /// <summary>The known entries of `Resource`; an unknown entry is left out and named by <see cref="UnknownResource"/>.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The path of the first unknown `Resource` entry (a computed ARN during preview), or null when every entry is known.</summary>
    public string? UnknownResource { get; init; }

    /// <summary>True when the statement has a `NotResource` element: an Allow with it covers every resource but the few it lists.</summary>
    public bool HasNotResource { get; init; }

    /// <summary>The `Federated` principals (OIDC and SAML providers, `cognito-identity.amazonaws.com`).</summary>
    public IReadOnlyList<string> FederatedPrincipals { get; init; } = [];

    /// <summary>The account ids and ARNs of the `AWS` principals.</summary>
    public IReadOnlyList<string> AwsPrincipals { get; init; } = [];

    /// <summary>How reports name the statement: its Sid, else its position.</summary>
    public string Label => Sid is { Length: > 0 } sid ? $"statement \"{sid}\"" : $"statement {Index}";
}

/// <summary>One operator-and-key test of a Condition (`"IpAddress": {"aws:SourceIp": …}`).</summary>
/// <param name="Operator">The condition operator as written (`StringEquals`, `ForAnyValue:StringLike`, …).</param>
/// <param name="Key">The condition key (`aws:SourceIp`).</param>
/// <param name="Limits">True when it narrows the caller, false when it admits everyone, null while a value is unknown.</param>
public sealed record ConditionTest(string Operator, string Key, bool? Limits)
{
    /// <summary>The values the test compares with, as text; null when one of them is unknown during preview.</summary>
    public IReadOnlyList<string>? Values { get; init; } = [];
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

            var tests = condition is { Kind: ValueKind.Object } ? ConditionTests(condition, $"{path}.Statement[{i}].Condition") : [];
            if (!tests.Any(test => test.Limits == true) && tests.FirstOrDefault(test => test.Limits is null) is { } undecided)
            {
                throw new UnknownValueException($"{path}.Statement[{i}].Condition.{undecided.Operator}.{undecided.Key}");
            }

            var (known, unknownResource) = Resources(statement, $"{path}.Statement[{i}].Resource");
            var unknownParts = new List<string>();
            if (unknownResource is not null)
            {
                unknownParts.Add(unknownResource);
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
                NotActions = statement.GetStrings("NotAction"),
                HasNotAction = statement.Known("NotAction") is not null,
                Resources = known,
                UnknownResource = unknownResource,
                HasNotResource = statement.Find("NotResource") is not null,
                NotResources = KnownStrings(statement, "NotResource", $"{path}.Statement[{i}]", unknownParts),
                UnknownParts = unknownParts,
                FederatedPrincipals = PrincipalsOfKind(statement, "Federated", $"{path}.Statement[{i}].Principal.Federated"),
                AwsPrincipals = PrincipalsOfKind(statement, "AWS", $"{path}.Statement[{i}].Principal.AWS"),
                ConditionKeys = tests.Select(test => test.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                ConditionTests = tests,
            });
        }

        return result.ToArray();
    }

    /// <summary>The known Resource entries and the path of the first unknown one: a computed ARN is not "*" and must not stop the other statements.</summary>
    private static (string[] Known, string? Unknown) Resources(PropertyValue statement, string path)
    {
        var resource = statement.Find("Resource");
        if (resource is null)
        {
            return ([], null);
        }

        if (resource.IsUnknown)
        {
            return ([], path);
        }

        var items = resource.Kind == ValueKind.Array ? resource.Items : [resource];
        var known = new List<string>(items.Count);
        string? unknown = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsUnknown)
            {
                unknown ??= resource.Kind == ValueKind.Array ? FormattableString.Invariant($"{path}[{i}]") : path;
            }
            else if (item.Kind is ValueKind.String or ValueKind.ResourceReference)
            {
                known.Add(item.StringValue!);
            }
            else if (!item.IsNull)
            {
                throw new PolicyDataException(path, $"expected a resource string, found {item.Kind}");
            }
        }

        return (known.ToArray(), unknown);
    }

    /// <summary>The principals under one key of an object Principal (`AWS`, `Federated`); empty for a string Principal.</summary>
    private static string[] PrincipalsOfKind(PropertyValue statement, string kind, string path)
    {
        var principal = statement.Known("Principal");
        if (principal is not { Kind: ValueKind.Object } || principal[kind] is not { } value || value.IsNull)
        {
            return [];
        }

        return (value.Kind == ValueKind.Array ? value.Items : [value])
            .Select(v => v.IsUnknown ? throw new UnknownValueException(path) : v.StringValue ?? string.Empty)
            .ToArray();
    }

    /// <summary>The known strings of a statement element; unknown items (an ARN computed later) are listed in <paramref name="unknownParts"/>, not read as anything.</summary>
    /// <remarks>Tolerant so the resource policies that never read these elements keep deciding on the rest of the statement.</remarks>
    private static string[] KnownStrings(PropertyValue statement, string key, string path, List<string> unknownParts)
    {
        var value = statement.Find(key);
        if (value is { IsUnknown: true })
        {
            unknownParts.Add($"{path}.{key}");
            return [];
        }

        var items = value is null ? [] : value.Kind == ValueKind.Array ? value.Items : [value];
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsUnknown)
            {
                unknownParts.Add($"{path}.{key}[{i}]");
            }
            else if (items[i].Kind is ValueKind.String or ValueKind.ResourceReference)
            {
                result.Add(items[i].StringValue!);
            }
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

    /// <summary>Keys whose values are opaque ids: a wildcard in one admits ids of strangers (`vpce-*`, `o-*`).</summary>
    private static readonly HashSet<string> IdKeys = new(
        [
            "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceVpc", "aws:SourceVpce",
            "kms:CallerAccount", "s3:DataAccessPointAccount",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> OrgPathKeys = new(["aws:PrincipalOrgPaths", "aws:SourceOrgPaths"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ArnKeys = new(["aws:PrincipalArn", "aws:SourceArn", "s3:DataAccessPointArn"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> AddressKeys = new(["aws:SourceIp", "aws:VpcSourceIp"], StringComparer.OrdinalIgnoreCase);

    private static ConditionTest[] ConditionTests(PropertyValue condition, string path) =>
        condition.Fields
            .Where(op => op.Value.Kind == ValueKind.Object)
            .SelectMany(op => op.Value.Fields.Select(key => new ConditionTest(op.Key, key.Key, Limits(op.Key, key.Key, key.Value)) { Values = Values(key.Value) }))
            .ToArray();

    private static string[]? Values(PropertyValue value)
    {
        var items = value.Kind == ValueKind.Array ? value.Items : [value];
        return items.Any(item => item.IsUnknown) ? null : items.Select(Text).ToArray();
    }

    /// <summary>Whether one test narrows the caller: a caller key, an operator that requires a match, and values that are not "everyone".</summary>
    private static bool? Limits(string condition, string key, PropertyValue value)
    {
        // ForAllValues passes when the key is absent; ForAnyValue behaves like the plain operator on a single-valued key.
        if (!CallerKeys.Contains(key) || condition.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var op = condition.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase) ? condition["ForAnyValue:".Length..] : condition;

        // …IfExists passes when the request lacks the key (aws:SourceVpce outside a VPC endpoint); Not… operators admit everyone else.
        if (op.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase) || op.Contains("Not", StringComparison.Ordinal))
        {
            return false;
        }

        var items = value.Kind == ValueKind.Array ? value.Items : [value];
        if (items.Count == 0)
        {
            return false;
        }

        if (items.Any(item => item.IsUnknown))
        {
            return null;
        }

        var values = items.Select(Text).ToArray();
        if (string.Equals(op, "Bool", StringComparison.OrdinalIgnoreCase))
        {
            // aws:PrincipalIsAWSService true admits AWS service principals only; the other value, and other boolean keys, admit everyone.
            return string.Equals(key, "aws:PrincipalIsAWSService", StringComparison.OrdinalIgnoreCase)
                   && values.All(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
        }

        if (AddressKeys.Contains(key))
        {
            return string.Equals(op, "IpAddress", StringComparison.OrdinalIgnoreCase) && !AdmitsEveryAddress(values);
        }

        var isArnOperator = op is "ArnEquals" or "ArnLike";
        var isStringOperator = op is "StringEquals" or "StringEqualsIgnoreCase" or "StringLike";
        if (!isStringOperator && !(isArnOperator && ArnKeys.Contains(key)))
        {
            return false;
        }

        var matchesPatterns = op is "StringLike" || isArnOperator;
        return values.All(v => IsConcrete(key, v, matchesPatterns));
    }

    private static string Text(PropertyValue value) => value.Kind switch
    {
        ValueKind.String => value.StringValue!,
        ValueKind.Number => value.NumberValue.ToString(CultureInfo.InvariantCulture),
        ValueKind.Bool => value.BoolValue ? "true" : "false",
        _ => string.Empty,
    };

    /// <summary>True when the value names particular callers; policy variables (`${aws:PrincipalAccount}`) match every caller.</summary>
    private static bool IsConcrete(string key, string value, bool matchesPatterns)
    {
        if (value.Length == 0 || value.Contains("${", StringComparison.Ordinal))
        {
            return false;
        }

        if (!matchesPatterns)
        {
            return true;
        }

        if (IdKeys.Contains(key))
        {
            return !HasWildcard(value);
        }

        if (OrgPathKeys.Contains(key))
        {
            return !HasWildcard(value.Split('/')[0]);
        }

        var arn = value.Split(':', 6);
        if (arn.Length == 6 && string.Equals(arn[0], "arn", StringComparison.Ordinal))
        {
            // An ARN with any account (`arn:aws:iam::*:role/app`) admits whoever creates that name; account-less ARNs (S3) need a resource.
            return arn[4].Length > 0 ? !HasWildcard(arn[4]) : !IsWildcardOnly(arn[5]);
        }

        return !IsWildcardOnly(value);
    }

    private static bool HasWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;

    private static bool IsWildcardOnly(string value) => value.All(c => c is '*' or '?');

    /// <summary>True when the ranges, together, cover the whole IPv4 or IPv6 space; unparseable entries count as everyone.</summary>
    private static bool AdmitsEveryAddress(IEnumerable<string> values)
    {
        var ranges = new List<IpRange>();
        foreach (var value in values)
        {
            if (!IpRange.TryParse(value, out var range))
            {
                return true;
            }

            ranges.Add(range);
        }

        return CoversFamily(ranges.Where(r => !r.IsIPv6), IpRange.AnyIPv4) || CoversFamily(ranges.Where(r => r.IsIPv6), IpRange.AnyIPv6);
    }

    private static bool CoversFamily(IEnumerable<IpRange> ranges, IpRange everything)
    {
        var next = everything.First;
        foreach (var range in ranges.OrderBy(r => r.First))
        {
            if (range.First > next)
            {
                return false;
            }

            if (range.Last >= everything.Last)
            {
                return true;
            }

            next = UInt128.Max(next, range.Last + 1);
        }

        return false;
    }
}
