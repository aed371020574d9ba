namespace SecurityBaseline.Tests.Reporting;

/// <summary>A clock stopped at noon UTC of one day, so waiver expiry is decided by the test.</summary>
internal sealed class FixedClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
