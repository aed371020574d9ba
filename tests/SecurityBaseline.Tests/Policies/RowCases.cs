using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Compliant and violating resources for the rows of a control: (type, expected outcome, message fragment, inputs JSON).</summary>
/// <remarks>The catalogue meta-test reads every static <see cref="RowCases"/> member of a control's test class and requires a Pass and a Fail case for each type of its table.</remarks>
public sealed class RowCases : TheoryData<string, Outcome, string, string>
{
    /// <summary>A resource of <paramref name="type"/> the control lets through.</summary>
    public RowCases Pass(string type, string inputs)
    {
        Add(type, Outcome.Pass, string.Empty, inputs);
        return this;
    }

    /// <summary>A resource of <paramref name="type"/> the control blocks, with a message naming <paramref name="fragment"/> (the property).</summary>
    public RowCases Fail(string type, string fragment, string inputs)
    {
        Add(type, Outcome.Fail, fragment, inputs);
        return this;
    }

    /// <summary>A resource the control cannot judge yet (unknown value) or that no row applies to; <paramref name="fragment"/> is in the reason.</summary>
    public RowCases NotApplicable(string type, string fragment, string inputs)
    {
        Add(type, Outcome.NotApplicable, fragment, inputs);
        return this;
    }

    /// <summary>Runs <paramref name="policy"/> on the case and asserts its outcome, level and message or reason.</summary>
    public static void Verify(ResourcePolicy policy, string type, Outcome expected, string fragment, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.True(expected == result.Outcome, $"{type}: expected {expected}, got {result.Outcome}: {string.Join(" | ", result.Messages)} {result.Reason}");
        switch (expected)
        {
            case Outcome.Fail:
                Assert.Equal(EnforcementLevel.Mandatory, result.Level);
                Assert.Contains(fragment, Assert.Single(result.Messages), StringComparison.Ordinal);
                Assert.Contains("Fix: ", result.Messages[0], StringComparison.Ordinal);
                break;
            case Outcome.NotApplicable:
                Assert.Contains(fragment, result.Reason, StringComparison.Ordinal);
                break;
            default:
                Assert.Empty(result.Messages);
                break;
        }
    }
}
