namespace SecurityBaseline.Policies.AtRest;

/// <summary>Recognises KMS key identifiers that name an AWS-managed key rather than one of the company's own.</summary>
internal static class AwsManagedKey
{
    // AWS reserves the alias/aws/ prefix for the keys it manages per service (alias/aws/s3, alias/aws/dynamodb, …);
    // nobody else can create an alias under it, so the prefix identifies them as a name or inside an alias ARN.
    private const string ReservedAliasPrefix = "alias/aws/";

    /// <summary>True when <paramref name="keyId"/> is an AWS-managed alias, bare or as an ARN.</summary>
    /// <remarks>A bare key id or key ARN could still belong to an AWS-managed key; only the alias says so without an API call.</remarks>
    public static bool Is(string keyId) =>
        keyId.StartsWith(ReservedAliasPrefix, StringComparison.Ordinal) ||
        (keyId.StartsWith("arn:", StringComparison.Ordinal) && keyId.Contains(":" + ReservedAliasPrefix, StringComparison.Ordinal));
}
