namespace SecurityBaseline.Engine;

/// <summary>The sections of the company's security policy (SECURITY-POLICY.md) that policies enforce.</summary>
public static class CompanyPolicy
{
    public const string FrameworkName = "Company information-security policy";
    public const string FrameworkVersion = "2022-03-24";

    private static readonly Dictionary<int, string> Titles = new()
    {
        [1] = "Network protection",
        [2] = "Access management",
        [3] = "Encryption in transit",
        [4] = "Incident response",
        [5] = "Deletion and return requests",
        [6] = "Data governance",
        [7] = "Encryption and storage",
        [8] = "Least privilege",
        [9] = "Logging and monitoring",
        [10] = "Audits",
        [11] = "Contact",
    };

    public static IReadOnlyDictionary<int, string> Sections => Titles;

    public static string Title(int section) =>
        Titles.TryGetValue(section, out var title) ? title : throw new ArgumentOutOfRangeException(nameof(section), section, "no such section");

    /// <summary>The reference as reports print it, e.g. "§7".</summary>
    public static string Reference(int section) => $"§{section}";
}
