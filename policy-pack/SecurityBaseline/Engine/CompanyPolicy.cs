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

    /// <summary>Why a section has no code-checkable control: the audit report (§10) prints it where no policy enforces the section.</summary>
    private static readonly Dictionary<int, string> OutOfScopeReasons = new()
    {
        [4] = "Incident roles, procedures, escalation paths and the 72-hour notification are organisational duties that no resource property expresses; the §9 logging and alarm policies provide the evidence they rely on.",
        [5] = "Answering data requests within 72 hours and confirming permanent deletion are processes, not resource settings; the pack checks only that old object versions expire (s3-noncurrent-version-expiration).",
        [6] = "The privacy and data-handling policy is a document kept and followed by people; the pack's control mapping (this report) is its only code-checkable part.",
        [8] = "Least privilege depends on who needs which data, which no resource property states; the pack checks only the plainly public grants (resource-policy-not-public, kms-key-policy-not-public).",
        [10] = "The audit is this report itself: it lists every control, policy and resource checked, so there is nothing further to check in the resources.",
        [11] = "How the company is contacted and what it never asks for concern people and channels, not cloud resources.",
    };

    public static IReadOnlyDictionary<int, string> Sections => Titles;

    /// <summary>One sentence on why <paramref name="section"/> has no code-checkable control, or a generic sentence for any other section without a policy.</summary>
    public static string WhyNoPolicy(int section) =>
        OutOfScopeReasons.TryGetValue(section, out var reason) ? reason : "No resource property expresses this section's requirement, so its evidence is kept outside this report.";

    public static string Title(int section) =>
        Titles.TryGetValue(section, out var title) ? title : throw new ArgumentOutOfRangeException(nameof(section), section, "no such section");

    /// <summary>The reference as reports print it, e.g. "§7".</summary>
    public static string Reference(int section) => $"§{section}";
}
