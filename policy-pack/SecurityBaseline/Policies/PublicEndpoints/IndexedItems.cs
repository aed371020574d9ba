using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>Visits the items of a list property by their real index, so messages and unknown reasons name `list[i]` exactly.</summary>
internal static class IndexedItems
{
    /// <summary>Runs <paramref name="check"/> with the path of each item of <paramref name="listPath"/>; an unknown item does not hide a violation in another.</summary>
    public static void ForEach(ResourceContext context, string listPath, Action<string> check)
    {
        var list = context.Properties.Known(listPath);
        if (list is null)
        {
            return;
        }

        if (list.Kind != ValueKind.Array)
        {
            throw new PolicyDataException(listPath, $"expected a list, found {list.Kind}");
        }

        context.Each(Enumerable.Range(0, list.Items.Count), i => check($"{listPath}[{i}]"));
    }
}
