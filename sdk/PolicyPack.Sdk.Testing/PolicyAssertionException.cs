namespace PolicyPack.Sdk.Testing;

/// <summary>A verdict was not the one a test expected; every test runner reports it as a failure with this message.</summary>
public sealed class PolicyAssertionException : Exception
{
    public PolicyAssertionException()
    {
    }

    public PolicyAssertionException(string message)
        : base(message)
    {
    }

    public PolicyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
