using PolicyPack.Sdk.Engine;

namespace SecurityBaseline;

/// <summary>The sections of the company's security policy (SECURITY-POLICY.md) that the pack's policies enforce.</summary>
public static class CompanyPolicy
{
    public const string FrameworkName = "Company information-security policy";
    public const string FrameworkVersion = "2022-03-24";

    /// <summary>Every section, in the policy's order; where no code-checkable control exists, why (the audit report, §10, prints it).</summary>
    public static ControlFramework Framework { get; } = new(FrameworkName, FrameworkVersion,
    [
        new("§1", "Network protection"),
        new("§2", "Access management"),
        new("§3", "Encryption in transit"),
        new("§4", "Incident response", "Incident roles, procedures, escalation paths and the 72-hour notification are organisational duties that no resource property expresses; the §9 logging and alarm policies provide the evidence they rely on."),
        new("§5", "Deletion and return requests", "Answering data requests within 72 hours and confirming permanent deletion are processes, not resource settings; the pack checks only that old object versions expire (s3-noncurrent-version-expiration)."),
        new("§6", "Data governance", "The privacy and data-handling policy is a document kept and followed by people; the pack's control mapping (this report) is its only code-checkable part."),
        new("§7", "Encryption and storage"),
        new("§8", "Least privilege", "Least privilege depends on who needs which data, which no resource property states; the pack checks only the plainly public grants (resource-policy-not-public, kms-key-policy-not-public)."),
        new("§9", "Logging and monitoring"),
        new("§10", "Audits", "The audit is this report itself: it lists every control, policy and resource checked, so there is nothing further to check in the resources."),
        new("§11", "Contact", "How the company is contacted and what it never asks for concern people and channels, not cloud resources."),
    ], heading: "§");
}
