using System.Globalization;
using PolicyPack.Sdk.Engine;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PolicyPack.Sdk.Waivers;

/// <summary>The waivers of one file (docs/waivers.md): parsed from text, validated, and applied to findings on a given day.</summary>
public sealed class WaiverSet
{
    private static readonly string[] EntryKeys = ["policy", "resource", "reason", "owner", "expires", "ticket"];
    private static readonly string[] SelectorKeys = ["urn", "type", "name"];

    /// <summary>How deep mappings and lists may nest; a waiver needs three levels, and the loader recurses once per level.</summary>
    public const int MaxDepth = 16;

    /// <summary>Waivers whose selector names one exact URN, by policy and URN, each list in file order.</summary>
    private readonly Dictionary<(string Policy, string Urn), List<int>> byUrn = [];

    /// <summary>Every other waiver (type, name or URN patterns), by policy, each list in file order.</summary>
    private readonly Dictionary<string, List<int>> patternsByPolicy = new(StringComparer.Ordinal);

    private long examined;

    private WaiverSet(IReadOnlyList<Waiver> waivers)
    {
        All = waivers;
        for (var i = 0; i < waivers.Count; i++)
        {
            var waiver = waivers[i];
            var list = waiver.Resource.Urn is { } urn && !urn.Contains('*', StringComparison.Ordinal)
                ? Bucket(byUrn, (waiver.Policy, urn))
                : Bucket(patternsByPolicy, waiver.Policy);
            list.Add(i);
        }
    }

    public static WaiverSet Empty { get; } = new([]);

    public IReadOnlyList<Waiver> All { get; }

    /// <summary>How many waivers <see cref="Match"/> has compared with a finding so far; tests read it to see the index at work.</summary>
    internal long Examined => Interlocked.Read(ref examined);

    public IEnumerable<Waiver> Expired(DateOnly today) => All.Where(w => !w.IsActiveOn(today));

    /// <summary>Active waivers whose selector matches none of <paramref name="resources"/>, in file order.</summary>
    public IReadOnlyList<Waiver> Stale(IEnumerable<ResourceRef> resources, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var active = All.Where(w => w.IsActiveOn(today)).ToList();
        if (active.Count == 0)
        {
            return [];
        }

        var matched = new HashSet<Waiver>(ReferenceEqualityComparer.Instance);
        foreach (var resource in resources)
        {
            foreach (var waiver in active)
            {
                if (waiver.Resource.Matches(resource))
                {
                    matched.Add(waiver);
                }
            }

            if (matched.Count == active.Count)
            {
                break;
            }
        }

        return active.Where(w => !matched.Contains(w)).ToArray();
    }

    /// <summary>The first active waiver (in file order) that covers the policy on the resource, or null.</summary>
    /// <remarks>Only the waivers of the finding's policy come into question: those naming its exact URN and that policy's patterns.</remarks>
    public Waiver? Match(string policyId, ResourceRef resource, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resource);
        // A short-form URN (no parent chain) names the resource too, so both spellings are looked up.
        var shortUrn = ResourceSelector.WithoutParents(resource.Urn);
        IEnumerable<int> candidates = byUrn.TryGetValue((policyId, resource.Urn), out var e) ? e : [];
        if (!string.Equals(shortUrn, resource.Urn, StringComparison.Ordinal) && byUrn.TryGetValue((policyId, shortUrn), out var s))
        {
            candidates = candidates.Concat(s);
        }

        if (patternsByPolicy.TryGetValue(policyId, out var p))
        {
            candidates = candidates.Concat(p);
        }

        // Sorting the few candidates restores file order, so "the first waiver in the file wins".
        foreach (var index in candidates.Order())
        {
            Interlocked.Increment(ref examined);
            var waiver = All[index];
            if (waiver.IsActiveOn(today) && waiver.Covers(policyId, resource))
            {
                return waiver;
            }
        }

        return null;
    }

    private static List<int> Bucket<TKey>(Dictionary<TKey, List<int>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        return list;
    }

    /// <summary>Splits findings into waived (with their waiver) and still counting, and lists the waivers that have expired.</summary>
    public WaiverReview Apply(IEnumerable<Finding> findings, DateOnly today)
    {
        var waived = new List<(Finding, Waiver)>();
        var open = new List<Finding>();
        foreach (var finding in findings)
        {
            if (Match(finding.Policy.Id, finding.Resource, today) is { } waiver)
            {
                waived.Add((finding, waiver));
            }
            else
            {
                open.Add(finding);
            }
        }

        return new WaiverReview(waived, open, Expired(today).ToArray());
    }

    /// <summary>Parses a waiver file's text; <paramref name="source"/> names it in errors; ids outside <paramref name="policyIds"/> are rejected.</summary>
    public static WaiverSet Parse(string yaml, string source, IReadOnlyCollection<string> policyIds)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(policyIds);
        var errors = new List<string>();
        var known = policyIds as IReadOnlySet<string> ?? policyIds.ToHashSet(StringComparer.Ordinal);
        CheckShape(yaml, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new WaiverFormatException([AtMark(source, e.Start, $"invalid YAML ({FirstLine(e.Message)})")]);
        }
        catch (ArgumentException e)
        {
            // The loader keeps mappings in a dictionary: a repeated key surfaces as ArgumentException, with no position.
            throw new WaiverFormatException([$"{source}: invalid YAML ({FirstLine(e.Message)})"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Empty;
        }

        if (stream.Documents.Count > 1)
        {
            throw new WaiverFormatException([At(source, stream.Documents[1].RootNode, "expected one YAML document")]);
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMap)
        {
            throw new WaiverFormatException([At(source, root, "expected a mapping with a `waivers:` list")]);
        }

        YamlSequenceNode? list = null;
        foreach (var (key, value) in rootMap.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name == "waivers")
            {
                if (value is YamlSequenceNode sequence)
                {
                    list = sequence;
                }
                else if (value is not YamlScalarNode { Value: null or "" })
                {
                    errors.Add(At(source, value, "`waivers` must be a list"));
                }
            }
            else
            {
                errors.Add(At(source, key, $"unknown key \"{name}\" (expected `waivers`)"));
            }
        }

        var waivers = new List<Waiver>();
        foreach (var item in list?.Children ?? [])
        {
            if (ReadWaiver(item, source, known, errors) is { } waiver)
            {
                waivers.Add(waiver);
            }
        }

        if (errors.Count > 0)
        {
            throw new WaiverFormatException(errors);
        }

        return new WaiverSet(waivers);
    }

    private static Waiver? ReadWaiver(YamlNode item, string source, IReadOnlySet<string> policyIds, List<string> errors)
    {
        if (item is not YamlMappingNode entry)
        {
            errors.Add(At(source, item, "a waiver must be a mapping with policy, resource, reason, owner and expires"));
            return null;
        }

        var before = errors.Count;
        var fields = Fields(entry, EntryKeys, "waiver", source, errors);
        var policy = RequiredText(fields, "policy", entry, source, errors);
        if (policy is not null && !policyIds.Contains(policy))
        {
            errors.Add(At(source, fields["policy"], $"unknown policy id \"{policy}\""));
        }

        var reason = RequiredText(fields, "reason", entry, source, errors);
        var owner = RequiredText(fields, "owner", entry, source, errors);
        var expiresText = RequiredText(fields, "expires", entry, source, errors);
        var expires = default(DateOnly);
        if (expiresText is not null && !DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
        {
            errors.Add(At(source, fields["expires"], $"`expires` must be a date YYYY-MM-DD, found \"{expiresText}\""));
        }

        var selector = ReadSelector(fields, entry, source, errors);
        var ticket = fields.TryGetValue("ticket", out var t) ? Text(t, "ticket", source, errors) : null;
        if (errors.Count > before)
        {
            return null;
        }

        return new Waiver
        {
            Policy = policy!,
            Resource = selector!,
            Reason = reason!,
            Owner = owner!,
            Expires = expires,
            Ticket = ticket,
            Source = source,
            Line = checked((int)entry.Start.Line),
        };
    }

    private static ResourceSelector? ReadSelector(Dictionary<string, YamlNode> fields, YamlMappingNode entry, string source, List<string> errors)
    {
        if (!fields.TryGetValue("resource", out var node))
        {
            errors.Add(At(source, entry, "the waiver has no `resource` (give urn, type and/or name)"));
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(At(source, node, "`resource` must be a mapping with urn, type and/or name"));
            return null;
        }

        var parts = Fields(map, SelectorKeys, "resource", source, errors);
        var urn = parts.TryGetValue("urn", out var u) ? Text(u, "resource.urn", source, errors) : null;
        var type = parts.TryGetValue("type", out var ty) ? Text(ty, "resource.type", source, errors) : null;
        var name = parts.TryGetValue("name", out var n) ? Text(n, "resource.name", source, errors) : null;
        if (urn is null && type is null && name is null)
        {
            errors.Add(At(source, map, "`resource` must give at least one of urn, type, name"));
            return null;
        }

        if (new[] { urn, type, name }.Any(p => p is not null && p.Trim('*').Length == 0))
        {
            errors.Add(At(source, map, "a selector made only of `*` would waive the policy everywhere; name the resources"));
            return null;
        }

        return new ResourceSelector(urn, type, name);
    }

    private static Dictionary<string, YamlNode> Fields(YamlMappingNode map, string[] known, string what, string source, List<string> errors)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(At(source, key, $"unknown {what} key \"{name}\" (expected {string.Join(", ", known)})"));
            }
            else if (!fields.TryAdd(name, value))
            {
                errors.Add(At(source, key, $"duplicate key \"{name}\""));
            }
        }

        return fields;
    }

    private static string? RequiredText(Dictionary<string, YamlNode> fields, string name, YamlNode entry, string source, List<string> errors)
    {
        if (!fields.TryGetValue(name, out var node))
        {
            errors.Add(At(source, entry, $"the waiver has no `{name}`"));
            return null;
        }

        var text = Text(node, name, source, errors);
        if (text is null && node is YamlScalarNode)
        {
            errors.Add(At(source, node, $"`{name}` is empty"));
        }

        return text;
    }

    private static string? Text(YamlNode node, string name, string source, List<string> errors)
    {
        if (node is not YamlScalarNode scalar)
        {
            errors.Add(At(source, node, $"`{name}` must be a single value"));
            return null;
        }

        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    /// <summary>
    /// Reads the file's events once, without building nodes, and rejects what would make loading it dangerous: anchors and aliases
    /// (aliases used as keys make the loader's work double per level, the "billion laughs" shape) and nesting deeper than
    /// <see cref="MaxDepth"/> (the loader recurses per level and would overflow the stack). Any parser error becomes a waiver error.
    /// </summary>
    private static void CheckShape(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var at = Mark.Empty;
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                at = current.Start;
                if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
                {
                    throw new WaiverFormatException([AtMark(source, at, "YAML anchors and aliases are not allowed in waiver files; write each waiver out in full")]);
                }

                if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    throw new WaiverFormatException([AtMark(source, at, $"mappings and lists are nested deeper than {MaxDepth} levels")]);
                }

                if (current is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
        }
        catch (YamlException e)
        {
            throw new WaiverFormatException([AtMark(source, e.Start, $"invalid YAML ({FirstLine(e.Message)})")]);
        }
        catch (Exception e) when (e is not WaiverFormatException)
        {
            // YamlDotNet throws other types on some malformed input (e.g. an alias right after a quoted scalar); the file is still just bad.
            throw new WaiverFormatException([AtMark(source, at, $"invalid YAML ({FirstLine(e.Message)})")]);
        }
    }

    private static string AtMark(string source, Mark mark, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{source}:{Math.Max(mark.Line, 1)}:{Math.Max(mark.Column, 1)}: {message}");

    private static string At(string source, YamlNode node, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{source}:{node.Start.Line}:{node.Start.Column}: {message}");

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}

/// <summary>Findings after waivers: those waived (with the waiver), those that still count, and the waivers that expired.</summary>
public sealed record WaiverReview(IReadOnlyList<(Finding Finding, Waiver Waiver)> Waived, IReadOnlyList<Finding> Open, IReadOnlyList<Waiver> Expired);
