namespace SecurityBaseline.Policies;

/// <summary>The other resources one finding's message names (e.g. the blocks of a bucket): each once, at most a few, the rest counted.</summary>
/// <remarks>
/// Stack files can make every resource a companion of every other (n buckets and n blocks sharing one `bucket` value); listing them
/// all makes each message grow with n and the report with n². Only the first <see cref="Shown"/> are kept; later ones are counted.
/// </remarks>
internal sealed class CompanionList
{
    /// <summary>How many companions a message names before it only counts them.</summary>
    public const int Shown = 10;

    private readonly List<string> listed = [];
    private int more;

    /// <summary>Whether nothing was added.</summary>
    public bool IsEmpty => listed.Count == 0;

    public void Add(string companion)
    {
        if (listed.Contains(companion, StringComparer.Ordinal))
        {
            return;
        }

        if (listed.Count < Shown)
        {
            listed.Add(companion);
        }
        else
        {
            more++;
        }
    }

    /// <summary>"a; b; … and 3 more" with the given separator.</summary>
    public string Join(string separator) =>
        more == 0 ? string.Join(separator, listed) : $"{string.Join(separator, listed)}{separator}… and {more} more";
}
