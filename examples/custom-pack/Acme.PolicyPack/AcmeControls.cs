using PolicyPack.Sdk.Engine;
using SecurityBaseline;

namespace Acme.PolicyPack;

/// <summary>The controls the Acme pack reports against: the company security policy's sections plus Acme's own two.</summary>
/// <remarks>
/// The security-baseline policies name the company's sections (§1–§11), so the framework keeps every one of them, with
/// their titles and reasons, and adds Acme's controls after them: one audit report then covers both.
/// </remarks>
public static class AcmeControls
{
    /// <summary>Acme cloud standard, part 1: every resource has an owner and a data classification.</summary>
    public const string Ownership = "ACME-1";

    /// <summary>Acme cloud standard, part 2: data stays in approved regions.</summary>
    public const string Residency = "ACME-2";

    public static ControlFramework Framework { get; } = new(
        $"Acme cloud standard with the {CompanyPolicy.FrameworkName}",
        $"acme-2026-01 / {CompanyPolicy.FrameworkVersion}",
        [
            .. CompanyPolicy.Framework.Controls,
            new(Ownership, "Ownership and data classification"),
            new(Residency, "Data residency"),
        ]);
}
