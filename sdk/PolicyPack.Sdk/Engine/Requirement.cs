using System.Globalization;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>One row of a control's table: a plain property requirement on one resource type.</summary>
/// <remarks>
/// <para>The value at <see cref="Path"/> must meet <see cref="Expect"/>; when it is absent (or null) <see cref="Absent"/> says
/// whether the provider's default complies. An unknown value makes the row undecided (not applicable until known).</para>
/// <para>With <see cref="Within"/>, the row is checked once per object found there (`list[]` walks every item) and the
/// paths of <see cref="Path"/> and <see cref="When"/> are relative to that object; no object found means the row does not apply.</para>
/// </remarks>
public sealed record Requirement
{
    /// <summary>The canonical type token the row judges.</summary>
    public required string Type { get; init; }

    /// <summary>The property path whose value decides (`a.b`, relative to <see cref="Within"/> when set).</summary>
    public required string Path { get; init; }

    public required Expectation Expect { get; init; }

    /// <summary>What an absent value means (the cloud's default) and whether that complies.</summary>
    public required AbsentReading Absent { get; init; }

    /// <summary>What a violation exposes, one sentence ending with a period.</summary>
    public required string Problem { get; init; }

    /// <summary>How to fix a violation, one sentence ending with a period.</summary>
    public required string Fix { get; init; }

    /// <summary>Objects the row is checked on, one at a time (`rules[]`, `a.items[].b`); null for the resource itself.</summary>
    public string? Within { get; init; }

    /// <summary>The row applies only when this holds (e.g. a Redis engine, an internet-facing load balancer).</summary>
    public Condition? When { get; init; }

    /// <summary>The types of <paramref name="rows"/>, each once, in order of first appearance: what a control's descriptor covers.</summary>
    public static IReadOnlyList<string> TypesOf(IEnumerable<Requirement> rows) => rows.Select(r => r.Type).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The row's requirement in words, for the catalogue: "`encryptionType` one of "KMS"".</summary>
    public string Describe()
    {
        var subject = Within is null ? $"`{Path}`" : $"`{Within}.{Path}` (each)";
        var when = When is null ? string.Empty : $", when {When.Describe()}";
        return $"{subject} {Expect.Text}{when}";
    }

    /// <summary>Checks the row on one resource; false when the row did not apply to it (condition unmet, nothing to check).</summary>
    internal bool Check(ResourceContext context)
    {
        var root = context.Properties;
        var scopes = Within is null ? [string.Empty] : Scopes.Expand(root, Within);
        var applied = false;
        foreach (var scope in scopes)
        {
            context.Guard(() =>
            {
                if (When is not null && !When.Holds(root, scope))
                {
                    return;
                }

                applied = true;
                var path = Scopes.Join(scope, Path);
                var value = root.Known(path);
                if (value is null)
                {
                    if (!Absent.Complies)
                    {
                        context.Report($"{path} is absent, which means {Absent.Means}: {Problem} Fix: {Fix}");
                    }
                }
                else if (!Expect.IsMetBy(value, path))
                {
                    context.Report($"{path} is {value.Describe()}, not {Expect.Text}: {Problem} Fix: {Fix}");
                }
            });
        }

        return applied;
    }
}

/// <summary>What an absent property means for a row: the provider's default, and whether it complies.</summary>
public sealed record AbsentReading(bool Complies, string Means)
{
    /// <summary>Absent is compliant: <paramref name="means"/> names the secure default ("SSE-S3 encryption").</summary>
    public static AbsentReading Passes(string means) => new(true, means);

    /// <summary>Absent is a violation: <paramref name="means"/> names the insecure default ("no encryption").</summary>
    public static AbsentReading Fails(string means) => new(false, means);

    public string Describe() => $"{(Complies ? "passes" : "violation")}: {Means}";
}

/// <summary>A precondition of a row: the value at <see cref="Path"/> meets <see cref="Expect"/> (or is absent, when <see cref="WhenAbsent"/>).</summary>
public sealed record Condition(string Path, Expectation Expect, bool WhenAbsent = false)
{
    /// <summary>A further condition that must hold too (e.g. neither of two source blocks is set).</summary>
    public Condition? And { get; init; }

    /// <summary>The condition that <paramref name="path"/> names nothing: absent, or an empty string, list or object.</summary>
    public static Condition Unset(string path) => new(path, Must.BeEmpty(), WhenAbsent: true);

    public string Describe() => $"`{Path}` {Expect.Text}{(WhenAbsent ? " or absent" : string.Empty)}{(And is null ? string.Empty : $" and {And.Describe()}")}";

    internal bool Holds(PropertyValue root, string scope)
    {
        var path = Scopes.Join(scope, Path);
        var value = root.Known(path);
        var holds = value is null ? WhenAbsent : Expect.IsMetBy(value, path);
        return holds && (And is null || And.Holds(root, scope));
    }
}

/// <summary>What a row requires of a known value. Build one with <see cref="Must"/>.</summary>
public abstract record Expectation
{
    /// <summary>The requirement in words, as it follows the property's name ("true", "one of "KMS"").</summary>
    public abstract string Text { get; }

    /// <summary>True when <paramref name="value"/> complies; throws <see cref="PolicyDataException"/> on a shape no provider writes.</summary>
    public abstract bool IsMetBy(PropertyValue value, string path);

    /// <summary>The value as a string for comparisons: strings, numbers, booleans and references; anything else is a data error.</summary>
    private protected static string Scalar(PropertyValue value, string path) =>
        value.Kind switch
        {
            ValueKind.String or ValueKind.ResourceReference => value.StringValue!,
            ValueKind.Number => value.NumberValue.ToString(CultureInfo.InvariantCulture),
            ValueKind.Bool => value.BoolValue ? "true" : "false",
            _ => throw new PolicyDataException(path, $"expected a scalar, found {value.Kind}"),
        };

    private protected static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}

/// <summary>The requirements a row can state.</summary>
public static class Must
{
    /// <summary>A boolean flag equal to <paramref name="expected"/> (providers that send "true"/"false" strings are read too).</summary>
    public static Expectation Be(bool expected) => new BoolExpectation(expected);

    /// <summary>A value from an allowed set, compared without regard to case (Azure's enums are case-insensitive).</summary>
    public static Expectation BeOneOf(params string[] allowed) => new SetExpectation(allowed, Allowed: true);

    /// <summary>Any value outside a forbidden set, compared without regard to case.</summary>
    public static Expectation NotBeOneOf(params string[] forbidden) => new SetExpectation(forbidden, Allowed: false);

    /// <summary>A value that is set: a non-empty string, list or object, or a resource reference (a key ARN, a key vault key id).</summary>
    public static Expectation BeSet() => new SetValueExpectation();

    /// <summary>A list (or single string) none of whose items is one of <paramref name="forbidden"/>, compared without regard to case.</summary>
    public static Expectation NotContain(params string[] forbidden) => new NotContainExpectation(forbidden);

    /// <summary>An empty value: a blank string, a list without items or an object without fields (what a program sends for a block it leaves out).</summary>
    public static Expectation BeEmpty() => new EmptyExpectation();

    /// <summary>A number of at least <paramref name="minimum"/>.</summary>
    public static Expectation BeAtLeast(double minimum) => new MinimumExpectation(minimum);

    private sealed record BoolExpectation(bool Expected) : Expectation
    {
        public override string Text => Expected ? "true" : "false";

        public override bool IsMetBy(PropertyValue value, string path) =>
            value.Kind switch
            {
                ValueKind.Bool => value.BoolValue == Expected,
                ValueKind.String when bool.TryParse(value.StringValue, out var parsed) => parsed == Expected,
                _ => throw new PolicyDataException(path, $"expected a boolean, found {value.Kind}"),
            };
    }

    private sealed record SetExpectation(IReadOnlyList<string> Values, bool Allowed) : Expectation
    {
        public override string Text => Allowed
            ? Values.Count == 1 ? Quoted(Values) : $"one of {Quoted(Values)}"
            : Values.Count == 1 ? $"anything but {Quoted(Values)}" : $"none of {Quoted(Values)}";

        public override bool IsMetBy(PropertyValue value, string path) =>
            Values.Contains(Scalar(value, path), StringComparer.OrdinalIgnoreCase) == Allowed;
    }

    private sealed record SetValueExpectation : Expectation
    {
        public override string Text => "set";

        public override bool IsMetBy(PropertyValue value, string path) =>
            value.Kind switch
            {
                ValueKind.String => !string.IsNullOrWhiteSpace(value.StringValue),
                ValueKind.ResourceReference => true,
                ValueKind.Array => value.Items.Any(i => !i.IsNull),
                ValueKind.Object => value.Fields.Count > 0,
                _ => throw new PolicyDataException(path, $"expected a string, list or object, found {value.Kind}"),
            };
    }

    private sealed record NotContainExpectation(IReadOnlyList<string> Values) : Expectation
    {
        public override string Text => $"without {Quoted(Values)}";

        public override bool IsMetBy(PropertyValue value, string path)
        {
            var items = value.Kind == ValueKind.Array ? value.Items : [value];
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var itemPath = value.Kind == ValueKind.Array ? FormattableString.Invariant($"{path}[{i}]") : path;
                if (item.IsUnknown)
                {
                    throw new UnknownValueException(itemPath);
                }

                if (!item.IsNull && Values.Contains(Scalar(item, itemPath), StringComparer.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed record EmptyExpectation : Expectation
    {
        public override string Text => "empty";

        public override bool IsMetBy(PropertyValue value, string path) =>
            value.Kind switch
            {
                ValueKind.String => string.IsNullOrWhiteSpace(value.StringValue),
                ValueKind.Array => value.Items.All(i => i.IsNull),
                ValueKind.Object => value.Fields.Count == 0,
                ValueKind.ResourceReference => false,
                _ => throw new PolicyDataException(path, $"expected a string, list or object, found {value.Kind}"),
            };
    }

    private sealed record MinimumExpectation(double Minimum) : Expectation
    {
        public override string Text => FormattableString.Invariant($"at least {Minimum}");

        public override bool IsMetBy(PropertyValue value, string path) =>
            value.Kind switch
            {
                ValueKind.Number => value.NumberValue >= Minimum,
                ValueKind.String when double.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed >= Minimum,
                _ => throw new PolicyDataException(path, $"expected a number, found {value.Kind}"),
            };
    }
}

/// <summary>Expands a row's <see cref="Requirement.Within"/> pattern into the paths of the objects found there.</summary>
internal static class Scopes
{
    public static string Join(string scope, string path) => scope.Length == 0 ? path : $"{scope}.{path}";

    /// <summary>The concrete paths (`rules[0].action`) of the non-null values at <paramref name="pattern"/>; `name[]` walks every item.</summary>
    public static IReadOnlyList<string> Expand(PropertyValue root, string pattern)
    {
        IReadOnlyList<string> current = [string.Empty];
        foreach (var part in pattern.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var each = part.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? part[..^2] : part;
            var next = new List<string>();
            foreach (var scope in current)
            {
                var path = Join(scope, name);
                if (each)
                {
                    next.AddRange(root.ItemPaths(path));
                }
                else if (root.Known(path) is not null)
                {
                    next.Add(path);
                }
            }

            current = next;
        }

        return current;
    }
}
