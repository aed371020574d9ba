using System.Globalization;

namespace PolicyPack.Sdk.Model;

/// <summary>The kind of a property value as Pulumi's engine describes it.</summary>
public enum ValueKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
    /// <summary>Not known yet (computed during a preview), or a secret whose value the input does not carry.</summary>
    Unknown,
    Asset,
    Archive,
    ResourceReference,
}

/// <summary>A property value: plain JSON plus Pulumi's unknowns, secrets, assets, archives and resource references.</summary>
public sealed class PropertyValue
{
    private static readonly IReadOnlyList<PropertyValue> NoItems = [];
    private static readonly IReadOnlyDictionary<string, PropertyValue> NoFields = new Dictionary<string, PropertyValue>();

    // Shared rather than one empty dictionary per value: a 50,000-resource export decodes to millions of values.
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    private PropertyValue(ValueKind kind, bool isSecret)
    {
        Kind = kind;
        IsSecret = isSecret;
    }

    public ValueKind Kind { get; }

    /// <summary>True when the value was marked secret (or sits inside a secret). Policies may read it; nothing may print it.</summary>
    public bool IsSecret { get; }

    public bool BoolValue { get; private init; }
    public double NumberValue { get; private init; }

    /// <summary>The string of a string value; for a resource reference, its id (or URN when it has no id).</summary>
    public string? StringValue { get; private init; }
    public IReadOnlyList<PropertyValue> Items { get; private init; } = NoItems;
    public IReadOnlyDictionary<string, PropertyValue> Fields { get; private init; } = NoFields;

    /// <summary>Why the value is unknown: the sentinel's type ("string", "bool", …) or "secret".</summary>
    public string? UnknownType { get; private init; }

    /// <summary>Asset/archive fields (hash, path, text, uri) or resource-reference fields (urn, id, packageVersion).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; private init; } = NoAttributes;

    public bool IsNull => Kind == ValueKind.Null;
    public bool IsUnknown => Kind == ValueKind.Unknown;

    public static PropertyValue Null { get; } = new(ValueKind.Null, false);
    public static PropertyValue True { get; } = new(ValueKind.Bool, false) { BoolValue = true };
    public static PropertyValue False { get; } = new(ValueKind.Bool, false) { BoolValue = false };

    public static PropertyValue FromBool(bool value, bool secret = false) =>
        secret ? new(ValueKind.Bool, true) { BoolValue = value } : value ? True : False;

    public static PropertyValue FromNumber(double value, bool secret = false) => new(ValueKind.Number, secret) { NumberValue = value };

    public static PropertyValue FromString(string value, bool secret = false) => new(ValueKind.String, secret) { StringValue = value };

    /// <summary>A list; a secret list marks its items secret too, so nothing read from inside it can print as plain.</summary>
    public static PropertyValue FromArray(IReadOnlyList<PropertyValue> items, bool secret = false) =>
        secret ? new(ValueKind.Array, true) { Items = SecretItems(items) } : new(ValueKind.Array, false) { Items = items };

    /// <summary>An object; a secret object marks its fields secret too, so nothing read from inside it can print as plain.</summary>
    public static PropertyValue FromObject(IReadOnlyDictionary<string, PropertyValue> fields, bool secret = false) =>
        secret ? new(ValueKind.Object, true) { Fields = SecretFields(fields) } : new(ValueKind.Object, false) { Fields = fields };

    public static PropertyValue Unknown(string type, bool secret = false) => new(ValueKind.Unknown, secret) { UnknownType = type };

    /// <summary>A secret whose value the input does not carry (ciphertext, or "[secret]" in a preview digest).</summary>
    public static PropertyValue RedactedSecret() => Unknown("secret", secret: true);

    public static PropertyValue Asset(IReadOnlyDictionary<string, string> attributes, bool secret = false) =>
        new(ValueKind.Asset, secret) { Attributes = attributes };

    public static PropertyValue Archive(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, PropertyValue> assets, bool secret = false) =>
        new(ValueKind.Archive, secret) { Attributes = attributes, Fields = secret ? SecretFields(assets) : assets };

    public static PropertyValue ResourceReference(string urn, string? id, IReadOnlyDictionary<string, string> attributes, bool secret = false) =>
        new(ValueKind.ResourceReference, secret) { StringValue = string.IsNullOrEmpty(id) ? urn : id, Attributes = attributes };

    /// <summary>The same value, marked secret throughout.</summary>
    public PropertyValue AsSecret()
    {
        if (IsSecret)
        {
            return this;
        }

        return new PropertyValue(Kind, true)
        {
            BoolValue = BoolValue,
            NumberValue = NumberValue,
            StringValue = StringValue,
            Items = SecretItems(Items),
            Fields = SecretFields(Fields),
            UnknownType = UnknownType,
            Attributes = Attributes,
        };
    }

    private static IReadOnlyList<PropertyValue> SecretItems(IReadOnlyList<PropertyValue> items) =>
        items.Count == 0 || items.All(i => i.IsSecret) ? items : items.Select(i => i.AsSecret()).ToArray();

    private static IReadOnlyDictionary<string, PropertyValue> SecretFields(IReadOnlyDictionary<string, PropertyValue> fields) =>
        fields.Count == 0 || fields.Values.All(f => f.IsSecret) ? fields : fields.ToDictionary(f => f.Key, f => f.Value.AsSecret(), StringComparer.Ordinal);

    /// <summary>The value as messages may print it: its text for a string, number or boolean, "[secret]" for a secret.</summary>
    /// <remarks>Null for a value with no scalar text (list, object, unknown, asset).</remarks>
    public Shown? AsShown() =>
        Kind switch
        {
            ValueKind.String or ValueKind.ResourceReference => new Shown(StringValue!, IsSecret),
            ValueKind.Number => Model.Shown.Number(NumberValue, IsSecret),
            ValueKind.Bool => new Shown(BoolValue ? "true" : "false", IsSecret),
            _ => null,
        };

    /// <summary>The field named <paramref name="key"/> of an object, or null when absent or not an object.</summary>
    public PropertyValue? this[string key] => Kind == ValueKind.Object && Fields.TryGetValue(key, out var v) ? v : null;

    /// <summary>True when this value or anything beneath it is unknown.</summary>
    public bool ContainsUnknown() =>
        Kind switch
        {
            ValueKind.Unknown => true,
            ValueKind.Array => Items.Any(i => i.ContainsUnknown()),
            ValueKind.Object => Fields.Values.Any(f => f.ContainsUnknown()),
            _ => false,
        };

    /// <summary>A short description for messages. Secret values are never rendered.</summary>
    public string Describe()
    {
        if (IsSecret)
        {
            return "[secret]";
        }

        return Kind switch
        {
            ValueKind.Null => "null",
            ValueKind.Bool => BoolValue ? "true" : "false",
            ValueKind.Number => NumberValue.ToString(CultureInfo.InvariantCulture),
            ValueKind.String => $"\"{StringValue}\"",
            ValueKind.Array => $"[{Items.Count} item(s)]",
            ValueKind.Object => "{…}",
            ValueKind.Unknown => "(unknown during preview)",
            ValueKind.Asset => "(asset)",
            ValueKind.Archive => "(archive)",
            ValueKind.ResourceReference => $"(reference to {StringValue})",
            _ => "?",
        };
    }

    public override string ToString() => Describe();
}
