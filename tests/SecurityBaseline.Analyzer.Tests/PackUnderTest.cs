namespace SecurityBaseline.Analyzer.Tests;

/// <summary>A pack executable the protocol-conformance tests start: its name, where its project builds it, and its override variable.</summary>
/// <param name="Name">The executable's name, which is also the pack name the analyzer reports.</param>
/// <param name="ProjectDirectory">The project directory relative to the repository root.</param>
/// <param name="OverrideVariable">The environment variable that names another build of it (a NativeAOT publish).</param>
public sealed record PackUnderTest(string Name, string ProjectDirectory, string OverrideVariable)
{
    public static PackUnderTest SecurityBaseline { get; } = new("security-baseline", "policy-pack/SecurityBaseline.Pack", "SECURITY_BASELINE_EXE");

    /// <summary>The worked example of a team's own pack (examples/custom-pack): Acme's policies plus every security-baseline policy.</summary>
    public static PackUnderTest Acme { get; } = new("acme-policy-pack", "examples/custom-pack/Acme.PolicyPack.Cli", "ACME_POLICY_PACK_EXE");

    /// <summary>Every pack the conformance tests run against, by name (xunit shows the name in each case).</summary>
    public static TheoryData<string> Names => new(SecurityBaseline.Name, Acme.Name);

    public static PackUnderTest Named(string name) =>
        name == SecurityBaseline.Name ? SecurityBaseline : name == Acme.Name ? Acme : throw new ArgumentException($"no pack under test named {name}", nameof(name));

    public override string ToString() => Name;
}
