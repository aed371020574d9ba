using PolicyPack.Sdk.Engine;

namespace Acme.PolicyPack;

/// <summary>ACME-2: resources are placed only in the regions Acme's data-residency standard allows.</summary>
public sealed class AllowedRegions : ResourcePolicy
{
    public const string Id = "allowed-regions";

    /// <summary>The parameter and the stack config key (`acme-policy-pack:allowedRegions`) that list the allowed regions.</summary>
    public const string AllowedRegionsParameter = "allowedRegions";

    /// <summary>Acme's EU regions: Frankfurt and Ireland on AWS, West Europe, North Europe and Germany West Central on Azure.</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } = ["eu-central-1", "eu-west-1", "westeurope", "northeurope", "germanywestcentral"];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = Id,
        Title = "Resources are placed only in allowed regions",
        Description = "Every aws resource with a `region` input and every azure and azure-native resource with a `location` input must name one of allowedRegions (Azure locations compared ignoring case and spaces, so `West Europe` is `westeurope`).",
        Message = "The resource is placed in a region outside the allowed regions.",
        Control = AcmeControls.Residency,
        Severity = Severity.High,
        ResourceTypes = [.. ResourceTypeCatalogue.PlaceProperties.Keys.Order(StringComparer.Ordinal)],
        ConfigSchema = $$"""
            {
              "{{AllowedRegionsParameter}}": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "minItems": 1,
                "default": [{{string.Join(", ", DefaultRegions.Select(r => $"\"{r}\""))}}],
                "description": "AWS region codes and Azure location names resources may be placed in; a stack may set them once as `acme-policy-pack:allowedRegions`."
              },
              "allowGlobal": {
                "type": "boolean",
                "default": true,
                "description": "Whether an Azure resource with location `global` (DNS zones, Front Door, Traffic Manager: services with no region) passes."
              }
            }
            """,
        Help = "Set `region` (aws) or `location` (azure, azure-native) to one of the allowed regions, or, when the placement is approved, add the region to `allowedRegions` (policy config or `acme-policy-pack:allowedRegions` in the stack's config).",
        AbsentMeans = "An absent aws `region` means the resource is managed in the provider's configured region (`aws:region`, `AWS_REGION` or the profile), which the resource's inputs do not show, so the policy is not applicable to it: set `region` on resources that must be checked, or pin the provider's region by other means. An absent azure-native `location` means the type's default (for most types the resource group's location), which the inputs do not show either: not applicable. Classic azure resources require `location` where they have one. Global aws services without a `region` input (IAM, Route 53 zones, CloudFront) are not covered. An unknown region or location during preview makes the policy not applicable until it is known.",
        Tags = ["region", "location", "data-residency", "acme"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var property = ResourceTypeCatalogue.PlaceProperties[context.Resource.Type];
        var aws = context.Resource.Type.StartsWith("aws:", StringComparison.Ordinal);
        if (context.Properties.GetShownString(property) is not { } place)
        {
            context.NotApplicable(aws
                ? $"{property} absent: the resource is managed in the aws provider's configured region, which its inputs do not show"
                : $"{property} absent: the resource takes its type's default location (for most types its resource group's), which its inputs do not show");
            return;
        }

        var allowed = context.Parameters.Has(AllowedRegionsParameter) ? context.Parameters.GetStrings(AllowedRegionsParameter) : DefaultRegions;
        var normalised = aws ? place.Value : Normalise(place.Value);
        if (!aws && normalised == "global" && context.Parameters.GetBool("allowGlobal", true))
        {
            return;
        }

        if (!allowed.Any(region => string.Equals(aws ? region : Normalise(region), normalised, StringComparison.Ordinal)))
        {
            context.Report($"{property} is {place}, not one of the allowed regions {string.Join(", ", allowed)}: Acme's data must stay in approved regions. Fix: place the resource in an allowed region, or have the region approved and added to allowedRegions.");
        }
    }

    /// <summary>Azure's canonical location name: `West Europe` and `westeurope` are the same location.</summary>
    private static string Normalise(string location) =>
        string.Concat(location.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
