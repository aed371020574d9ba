using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Waivers;

/// <summary>An accepted exception: one policy on the resources a selector picks, with a reason, an owner and an expiry date.</summary>
public sealed record Waiver
{
    /// <summary>The policy id the waiver exempts.</summary>
    public required string Policy { get; init; }
    public required ResourceSelector Resource { get; init; }
    public required string Reason { get; init; }
    public required string Owner { get; init; }

    /// <summary>The last day the waiver counts; from the next day on it is expired and reported.</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>An optional ticket or risk-register reference.</summary>
    public string? Ticket { get; init; }

    /// <summary>The waiver file, as given, so reports can point at it.</summary>
    public required string Source { get; init; }

    /// <summary>The 1-based line of the waiver's entry in <see cref="Source"/>.</summary>
    public required int Line { get; init; }

    public bool IsActiveOn(DateOnly today) => today <= Expires;

    public bool Covers(string policyId, ResourceRef resource) =>
        string.Equals(policyId, Policy, StringComparison.Ordinal) && Resource.Matches(resource);

    /// <summary>"s3-no-public-acl on name=legacy-*", as warnings name a waiver.</summary>
    public string Describe() => $"{Policy} on {Resource.Describe()}";
}

/// <summary>Picks resources by URN, type and/or name; each given part must match, and `*` matches any run of characters.</summary>
/// <remarks>
/// A Pulumi URN is `urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type chain&gt;::&lt;name&gt;`, where the type chain lists the
/// parents' types before the resource's own, joined by `$` (`my:app:Web$aws:s3/bucketV2:BucketV2`). A `urn` pattern matches
/// the full URN; one whose type part holds no `$` also matches the URN with the parent chain left out, so the short form
/// `urn:pulumi:prod::baseline::aws:s3/bucketV2:BucketV2::logs` names that bucket whichever component declares it.
/// </remarks>
public sealed record ResourceSelector(string? Urn, string? Type, string? Name)
{
    public bool Matches(ResourceRef resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return (Urn is null || MatchesUrn(Urn, resource.Urn)) &&
        (Type is null || Glob.Matches(Type, resource.Type)) &&
        (Name is null || Glob.Matches(Name, resource.Name));
    }

    /// <summary>The URN without the parent chain: `…::parent$child::name` becomes `…::child::name`; other text is returned unchanged.</summary>
    public static string WithoutParents(string urn)
    {
        ArgumentNullException.ThrowIfNull(urn);

        // The name may itself contain "::", so only the first three separators delimit stack, project and type chain.
        var parts = urn.Split("::", 4);
        if (parts.Length < 4)
        {
            return urn;
        }

        var dollar = parts[2].LastIndexOf('$');
        return dollar < 0 ? urn : $"{parts[0]}::{parts[1]}::{parts[2][(dollar + 1)..]}::{parts[3]}";
    }

    private static bool MatchesUrn(string pattern, string urn)
    {
        if (Glob.Matches(pattern, urn))
        {
            return true;
        }

        var typePart = pattern.Split("::", 4) is { Length: 4 } p ? p[2] : pattern;
        return !typePart.Contains('$', StringComparison.Ordinal) && Glob.Matches(pattern, WithoutParents(urn));
    }

    public string Describe() =>
        string.Join(", ", new[] { ("urn", Urn), ("type", Type), ("name", Name) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));
}

/// <summary>`*` wildcards, nothing else: URNs are full of characters that other pattern languages treat specially.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        if (!text.StartsWith(parts[0], StringComparison.Ordinal) || !text.EndsWith(parts[^1], StringComparison.Ordinal) ||
            text.Length < parts[0].Length + parts[^1].Length)
        {
            return false;
        }

        var position = parts[0].Length;
        var end = text.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}

/// <summary>A waiver file that cannot be accepted; each error names the file and line.</summary>
public sealed class WaiverFormatException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
