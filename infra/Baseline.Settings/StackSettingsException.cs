namespace Baseline.Settings;

/// <summary>Stack config that would build a non-compliant or broken stack; lists every problem, each naming its key.</summary>
public sealed class StackSettingsException : Exception
{
    public StackSettingsException()
        : this([])
    {
    }

    public StackSettingsException(string message)
        : this([message])
    {
    }

    public StackSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public StackSettingsException(IReadOnlyList<string> problems)
        : base(problems.Count == 0 ? "invalid stack settings" : "invalid stack settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
