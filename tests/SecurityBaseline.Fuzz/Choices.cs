namespace SecurityBaseline.Fuzz;

/// <summary>The decisions of one mutation, drawn from an array CsCheck generates, so shrinking the array shrinks the input.</summary>
public sealed class Choices(IReadOnlyList<int> plan)
{
    private int next;

    /// <summary>A number in [0, <paramref name="bound"/>); cycles through the plan (zeros when it is empty).</summary>
    public int Next(int bound)
    {
        if (bound <= 1 || plan.Count == 0)
        {
            return 0;
        }

        var value = plan[next++ % plan.Count];
        return (int)((uint)value % (uint)bound);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>How many decisions are left before the plan repeats.</summary>
    public int Remaining => Math.Max(0, plan.Count - next);
}
