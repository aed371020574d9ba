using System.Globalization;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Engine;

/// <summary>Thrown when a policy reads a value that is unknown during preview; the engine turns it into "not applicable".</summary>
public sealed class UnknownValueException(string path) : Exception($"{path} is unknown during preview")
{
    public string PropertyPath { get; } = path;
}

/// <summary>Thrown when a property has a shape no provider writes; the engine fails closed on it.</summary>
public sealed class PolicyDataException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string PropertyPath { get; } = path;
}

/// <summary>Typed reads of property paths (`a.b[0].c`) that separate absent, unknown and known values.</summary>
/// <remarks>Absent (or null) reads as null so a policy can apply the provider's default; unknown throws <see cref="UnknownValueException"/>.</remarks>
public static class PropertyAccess
{
    /// <summary>The value at <paramref name="path"/>, or null when it (or a parent) is absent or null.</summary>
    public static PropertyValue? Find(this PropertyValue root, string path)
    {
        var current = root;
        var walked = string.Empty;
        foreach (var segment in Segments(path))
        {
            if (current.IsUnknown)
            {
                throw new UnknownValueException(walked.Length == 0 ? "(value)" : walked);
            }

            PropertyValue? next;
            if (segment.Index is int index)
            {
                walked = $"{walked}[{index}]";
                next = current.Kind == ValueKind.Array && index < current.Items.Count ? current.Items[index] : null;
            }
            else
            {
                walked = PropertyDecoder.Join(walked, segment.Name!);
                next = current[segment.Name!];
            }

            if (next is null || next.IsNull)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The known value at <paramref name="path"/>, or null when absent; throws when unknown.</summary>
    public static PropertyValue? Known(this PropertyValue root, string path)
    {
        var value = root.Find(path);
        if (value is { IsUnknown: true })
        {
            throw new UnknownValueException(path);
        }

        return value;
    }

    public static bool? GetBool(this PropertyValue root, string path)
    {
        var value = root.Known(path);
        return value?.Kind switch
        {
            null => null,
            ValueKind.Bool => value.BoolValue,
            ValueKind.String when bool.TryParse(value.StringValue, out var parsed) => parsed,
            _ => throw new PolicyDataException(path, $"expected a boolean, found {value.Kind}"),
        };
    }

    public static string? GetString(this PropertyValue root, string path)
    {
        var value = root.Known(path);
        return value?.Kind switch
        {
            null => null,
            ValueKind.String or ValueKind.ResourceReference => value.StringValue,
            ValueKind.Number => value.NumberValue.ToString(CultureInfo.InvariantCulture),
            ValueKind.Bool => value.BoolValue ? "true" : "false",
            _ => throw new PolicyDataException(path, $"expected a string, found {value.Kind}"),
        };
    }

    /// <summary>The string at <paramref name="path"/> with its secret mark, for a policy that decides on it and may print it.</summary>
    public static Shown? GetShownString(this PropertyValue root, string path) =>
        root.GetString(path) is { } text ? new Shown(text, root.Find(path)!.IsSecret) : null;

    public static double? GetNumber(this PropertyValue root, string path)
    {
        var value = root.Known(path);
        return value?.Kind switch
        {
            null => null,
            ValueKind.Number => value.NumberValue,
            ValueKind.String when double.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new PolicyDataException(path, $"expected a number, found {value.Kind}"),
        };
    }

    /// <summary>The items at <paramref name="path"/>: empty when absent, one item when a single object stands where providers renamed a list.</summary>
    public static IReadOnlyList<PropertyValue> GetList(this PropertyValue root, string path)
    {
        var value = root.Known(path);
        return value?.Kind switch
        {
            null => [],
            ValueKind.Array => value.Items.Where(i => !i.IsNull).ToArray(),
            _ => [value],
        };
    }

    /// <summary>The strings at <paramref name="path"/> (a list of strings or a single string); throws when any is unknown.</summary>
    public static IReadOnlyList<string> GetStrings(this PropertyValue root, string path)
    {
        var items = root.GetList(path);
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsUnknown)
            {
                throw new UnknownValueException($"{path}[{i}]");
            }

            if (item.Kind is not (ValueKind.String or ValueKind.ResourceReference))
            {
                throw new PolicyDataException($"{path}[{i}]", $"expected a string, found {item.Kind}");
            }

            result.Add(item.StringValue!);
        }

        return result;
    }

    /// <summary>The paths of the non-null items at <paramref name="path"/> (`path[i]`); a single object standing for a one-item list is its own path.</summary>
    /// <remarks>Full paths keep the unknown-value reasons and messages pointing at the exact item.</remarks>
    public static IReadOnlyList<string> ItemPaths(this PropertyValue root, string path)
    {
        var value = root.Known(path);
        if (value is null)
        {
            return [];
        }

        if (value.Kind != ValueKind.Array)
        {
            return [path];
        }

        var paths = new List<string>(value.Items.Count);
        for (var i = 0; i < value.Items.Count; i++)
        {
            if (!value.Items[i].IsNull)
            {
                paths.Add(FormattableString.Invariant($"{path}[{i}]"));
            }
        }

        return paths;
    }

    /// <summary>The value at <paramref name="path"/> for a message: "absent" when absent, "[secret]" for a secret, never a secret's value.</summary>
    public static string Show(this PropertyValue root, string path) => root.Find(path)?.Describe() ?? "absent";

    private readonly record struct Segment(string? Name, int? Index);

    private static IEnumerable<Segment> Segments(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                yield return new Segment(part, null);
                continue;
            }

            if (bracket > 0)
            {
                yield return new Segment(part[..bracket], null);
            }

            var rest = part[bracket..];
            while (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                yield return new Segment(null, int.Parse(rest[1..close], CultureInfo.InvariantCulture));
                rest = rest[(close + 1)..];
            }
        }
    }
}
