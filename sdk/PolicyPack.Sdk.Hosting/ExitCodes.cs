namespace PolicyPack.Sdk.Hosting;

/// <summary>The scanner's exit codes, as CI reads them.</summary>
public static class ExitCodes
{
    public const int Compliant = 0;
    public const int Violations = 1;
    public const int BadInput = 2;
}
