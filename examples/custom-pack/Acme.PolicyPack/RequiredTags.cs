using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace Acme.PolicyPack;

/// <summary>ACME-1: every taggable resource names its owner and carries a known data classification.</summary>
public sealed class RequiredTags : ResourcePolicy
{
    public const string Id = "required-tags";
    public const string OwnerTag = "owner";
    public const string ClassificationTag = "data-classification";

    /// <summary>The classifications of Acme's data-handling standard, most open first.</summary>
    public static IReadOnlyList<string> DefaultClassifications { get; } = ["public", "internal", "confidential", "restricted"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = Id,
        Title = "Resources carry an owner and a data-classification tag",
        Description = "Every aws, azure and azure-native resource with a `tags` input must carry each tag of requiredTags (default owner and data-classification) with a non-empty value, and its classificationTag must hold one of classifications.",
        Message = "The resource lacks a required tag or carries an unknown data classification.",
        Control = AcmeControls.Ownership,
        Severity = Severity.Low,
        ResourceTypes = [.. ResourceTypeCatalogue.TagProperties.Keys.Order(StringComparer.Ordinal)],
        ConfigSchema = $$"""
            {
              "requiredTags": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "default": ["{{OwnerTag}}", "{{ClassificationTag}}"],
                "description": "Tags every taggable resource must carry with a non-empty value."
              },
              "classificationTag": {
                "type": "string",
                "minLength": 1,
                "default": "{{ClassificationTag}}",
                "description": "The tag whose value must be one of classifications; it is required even when requiredTags omits it."
              },
              "classifications": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "minItems": 1,
                "default": [{{string.Join(", ", DefaultClassifications.Select(c => $"\"{c}\""))}}],
                "description": "The values the classification tag may take (compared exactly)."
              }
            }
            """,
        Help = "Add `tags: { owner: \"<team or person>\", \"data-classification\": \"internal\" }` (one of the configured classifications) to the resource. On aws, provider-level `defaultTags` do not count: set the tags on the resource, or waive the policy for it.",
        AbsentMeans = "Absent `tags` means the resource has no tags: a violation. The policy reads only the resource's own `tags` input: tags the aws provider adds from its `defaultTags` configuration (visible only in the `tagsAll` output after deployment) and tags Azure Policy inherits from a resource group are not among the inputs and cannot be seen. Tag names match exactly on aws (AWS tag keys are case-sensitive) and ignoring case on azure and azure-native (Azure tag names are case-insensitive); values always match exactly. An unknown `tags` map or tag value during preview makes the policy not applicable for the resource until the value is known. Types whose tags are not a string map (aws autoscaling groups' `tags` blocks) are not covered.",
        Tags = ["tags", "ownership", "data-classification", "acme"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override IEnumerable<string> ValidateParameters(PolicyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var duplicate = parameters.GetStrings("classifications").GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            yield return $"classifications lists \"{duplicate.Key}\" twice";
        }
    }

    public override void Evaluate(ResourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var property = ResourceTypeCatalogue.TagProperties[context.Resource.Type];
        var tags = context.Properties.Known(property);
        if (tags is not null && tags.Kind != ValueKind.Object)
        {
            throw new PolicyDataException(property, $"expected a map of tags, found {tags.Kind}");
        }

        // Azure compares tag names ignoring case; AWS keeps them case-sensitive.
        var names = context.Resource.Type.StartsWith("aws:", StringComparison.Ordinal) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var classificationTag = context.Parameters.GetString("classificationTag") ?? ClassificationTag;
        var required = context.Parameters.Has("requiredTags") ? context.Parameters.GetStrings("requiredTags") : [OwnerTag, ClassificationTag];
        var classifications = context.Parameters.Has("classifications") ? context.Parameters.GetStrings("classifications") : DefaultClassifications;

        var missing = new List<string>();
        foreach (var name in required.Append(classificationTag).Distinct(names))
        {
            // Each tag on its own, so an unknown value of one tag does not hide another tag's absence.
            context.Guard(() =>
            {
                if (Value(tags, property, name, names) is not { } value || string.IsNullOrWhiteSpace(value.Value))
                {
                    missing.Add(name);
                }
            });
        }

        if (missing.Count > 0)
        {
            context.Report($"{property} lacks {string.Join(", ", missing)} (or gives {(missing.Count == 1 ? "it" : "them")} an empty value): Acme cannot tell who owns the resource or how its data must be handled. Fix: add {string.Join(", ", missing.Select(m => $"{property}.{m}"))}.");
        }

        context.Guard(() =>
        {
            if (Value(tags, property, classificationTag, names) is { } value && !string.IsNullOrWhiteSpace(value.Value) && !classifications.Contains(value.Value, StringComparer.Ordinal))
            {
                // Shown prints a secret tag value as [secret], never its text.
                context.Report($"{property}.{classificationTag} is {value}, not one of {string.Join(", ", classifications)}. Fix: set it to the classification of the data the resource holds.");
            }
        });
    }

    /// <summary>The value of tag <paramref name="name"/>, or null when absent; throws when it is unknown during preview.</summary>
    private static Shown? Value(PropertyValue? tags, string property, string name, StringComparer names)
    {
        if (tags is null)
        {
            return null;
        }

        var key = tags.Fields.Keys.FirstOrDefault(k => names.Equals(k, name));
        if (key is null || tags.Fields[key] is not { IsNull: false } value)
        {
            return null;
        }

        var path = $"{property}.{key}";
        return value.Kind switch
        {
            ValueKind.Unknown => throw new UnknownValueException(path),
            ValueKind.String => new Shown(value.StringValue!, value.IsSecret),
            _ => throw new PolicyDataException(path, $"expected a string tag value, found {value.Kind}"),
        };
    }
}
