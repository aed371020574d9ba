using System.Collections;
using System.Globalization;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Inputs;

/// <summary>One resource registered under Pulumi's mocks, as two views: its inputs (resource policies) and inputs plus mock state (stack policies).</summary>
public sealed record MockResource(PulumiResource Inputs, PulumiResource Outputs);

/// <summary>Converts a resource as Pulumi's <c>IMocks.NewResourceAsync</c> sees it (type token, name, inputs as plain .NET values) into the pack's model.</summary>
/// <remarks>
/// <para>The .NET SDK hands the mocks inputs without unknowns (dropped) and without secret markers (unwrapped), so a captured
/// value cannot show whether it was a secret. Generated provider SDKs always wrap the inputs their schema marks secret
/// (passwords, keys, tokens, connection strings) in a secret, so the engine and the analyzer never see them in plaintext;
/// the adapter restores that by marking the values of those input names secret (<see cref="IsSecretInputName"/>).
/// What it cannot restore is a secret the program made itself with <c>Output.CreateSecret</c> under any other name, so a
/// <c>secrets-not-plaintext</c> finding on such an input under mocks says nothing about the real deployment.</para>
/// <para>Values arrive as string, bool, double (or any other number), null, lists (<c>ImmutableArray&lt;object&gt;</c> or any
/// <see cref="IEnumerable"/>) and maps (<c>ImmutableDictionary&lt;string, object&gt;</c> or any string-keyed dictionary).
/// A value that is already a <see cref="PropertyValue"/> is taken as it is (still marked secret by its input name).</para>
/// <para>An input with an unknown anywhere inside it is absent as a whole: the .NET SDK's mock monitor keeps only inputs
/// whose deserialized value is known and not null.</para>
/// </remarks>
public static class MockResourceAdapter
{
    /// <summary>Input names that providers' schemas mark secret (compared case-insensitively, as whole names or name endings).</summary>
    private static readonly string[] SecretNameEndings =
    [
        "password", "passwordwo", "passwords", "secret", "secretwo", "secretstring", "secretstringwo", "secretbinary", "secrettext",
        "token", "tokenwo", "authtoken", "authtokenwo", "privatekey", "privatekeywo", "accesskey", "secretkey", "accountkey",
        "sharedkey", "presharedkey", "apikey", "apikeywo", "connectionstring", "sastoken", "sharedaccesssignature", "passphrase",
    ];

    /// <summary>Converts one registered resource; <paramref name="state"/> is what the mock returned (inputs echoed plus computed outputs).</summary>
    public static MockResource Convert(
        string type,
        string name,
        IReadOnlyDictionary<string, object> inputs,
        IReadOnlyDictionary<string, object>? state = null,
        string? id = null,
        string stack = "stack",
        string project = "project")
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputs);
        var urn = $"urn:pulumi:{stack}::{project}::{type}::{name}";
        var inputProperties = ToProperties(inputs);
        var resource = new PulumiResource
        {
            Type = type,
            Urn = urn,
            Name = name,
            Id = string.IsNullOrEmpty(id) ? null : id,
            Properties = inputProperties,
        };

        var merged = new Dictionary<string, PropertyValue>(inputProperties, StringComparer.Ordinal);
        if (state is not null)
        {
            foreach (var (key, value) in ToProperties(state))
            {
                merged[key] = value;
            }
        }

        return new MockResource(resource, resource with { Properties = merged });
    }

    /// <summary>Converts a property bag; each value's path names it in errors.</summary>
    public static IReadOnlyDictionary<string, PropertyValue> ToProperties(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            properties[key] = ToValue(value, key, IsSecretInputName(key));
        }

        return properties;
    }

    /// <summary>Converts one value; <paramref name="path"/> names it in errors.</summary>
    public static PropertyValue ToValue(object? value, string path = "", bool secret = false)
    {
        var converted = value switch
        {
            null => PropertyValue.Null,
            // Already in the model: what a Pulumi-bound caller makes of values only it can read (assets, resource references).
            PropertyValue model => model,
            string text => PulumiSignatures.UnknownTypeOf(text) is { } unknown ? PropertyValue.Unknown(unknown) : PropertyValue.FromString(text),
            bool flag => PropertyValue.FromBool(flag),
            double or float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort =>
                PropertyValue.FromNumber(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            IDictionary<string, object?> map => Object(map, path),
            IReadOnlyDictionary<string, object?> map => Object(map, path),
            IDictionary map => Object(map.Keys.Cast<object>().Select(k => KeyValuePair.Create(k as string ?? throw new PropertyFormatException(path, "a map key is not a string"), map[k])), path),
            IEnumerable items => PropertyValue.FromArray(items.Cast<object?>().Select((item, i) => ToValue(item, $"{path}[{i}]")).ToArray()),
            _ => throw new PropertyFormatException(path.Length == 0 ? "(root)" : path, $"a {value.GetType().Name} is no value Pulumi's mocks hand over"),
        };

        return secret ? converted.AsSecret() : converted;
    }

    /// <summary>True when providers mark an input of this name secret, so the engine would have seen it as a secret.</summary>
    public static bool IsSecretInputName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SecretNameEndings.Any(ending => name.EndsWith(ending, StringComparison.OrdinalIgnoreCase));
    }

    private static PropertyValue Object(IEnumerable<KeyValuePair<string, object?>> fields, string path)
    {
        var result = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = ToValue(value, PropertyDecoder.Join(path, key), IsSecretInputName(key));
        }

        return PropertyValue.FromObject(result);
    }
}
