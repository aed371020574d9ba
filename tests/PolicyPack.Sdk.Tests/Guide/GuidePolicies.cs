// The policies of docs/writing-policies.md. Each `// guide:Name` … `// end guide` region is printed verbatim in the guide
// (GuideSnippetTests compares them), so the guide's code always compiles and GuideTests proves it behaves as described.
#pragma warning disable CA1812 // Nested sample types are instantiated by the tests and the guide's pack.
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Tests.Guide;

// guide:RequiredOwnerTag
/// <summary>Every bucket and volume names its owner in a tag.</summary>
public sealed class RequiredOwnerTag : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = "required-owner-tag",
        Title = "Resources name their owner",
        Description = "Buckets and volumes carry the tags that name the team that owns them.",
        Message = "A required tag is missing.",
        Control = "TAG-1",
        Severity = Severity.Medium,
        DefaultEnforcement = EnforcementLevel.Mandatory,
        ResourceTypes = ["aws:s3/bucket:Bucket", "aws:ebs/volume:Volume"],
        // The `properties` of a JSON schema: `--policy-pack-config` values are validated against it before any run.
        ConfigSchema = """
            {
              "requiredTags": { "type": "array", "items": { "type": "string", "minLength": 1 }, "default": ["owner"] },
              "defaultOwner": { "type": "string" }
            }
            """,
        Help = "Add the missing tags to the resource's `tags`.",
        AbsentMeans = "No `tags`: every required tag is missing.",
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        // Known() throws on an unknown value (a preview of a tag computed from another resource's output): the engine
        // then reports the resource as not applicable for `tags`, never as passed.
        var tags = context.Properties.Known("tags");
        foreach (var tag in context.Parameters.GetStrings("requiredTags"))
        {
            if (tags?[tag] is null)
            {
                context.Report($"tag `{tag}` is missing (tags: {context.Properties.Show("tags")}).");
            }
        }
    }

    // At level `remediate`, Pulumi applies the returned properties instead of reporting the violation.
    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Parameters.GetString("defaultOwner") is not { } owner)
        {
            return null;
        }

        var tags = new Dictionary<string, PropertyValue>(context.Properties.Known("tags")?.Fields ?? new Dictionary<string, PropertyValue>(), StringComparer.Ordinal);
        tags.TryAdd("owner", PropertyValue.FromString(owner));
        return context.PropertiesWith(("tags", PropertyValue.FromObject(tags)));
    }
}
// end guide

// guide:StackHasTrail
/// <summary>A stack with AWS resources also records their API calls.</summary>
public sealed class StackHasTrail : StackPolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = "trail-in-every-stack",
        Title = "AWS stacks have a CloudTrail trail",
        Description = "A stack that creates AWS resources also creates a trail that records their API calls.",
        Message = "The stack has no CloudTrail trail.",
        Control = "LOG-1",
        Severity = Severity.Medium,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = ["aws:cloudtrail/trail:Trail"],
        Help = "Add an `aws.cloudtrail.Trail` to the stack.",
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        // A preview of part of a stack cannot prove that something is missing.
        if (!context.Stack.IsWholeStack)
        {
            context.NotApplicable("the input is not a whole stack");
            return;
        }

        var usesAws = context.Stack.Resources.Any(r => r.Type.StartsWith("aws:", StringComparison.Ordinal));
        if (usesAws && !context.Stack.OfType("aws:cloudtrail/trail:Trail").Any())
        {
            context.ReportStack("no aws:cloudtrail/trail:Trail in a stack with AWS resources.");
        }
    }
}
// end guide

// guide:VolumeEncrypted
/// <summary>Volumes are encrypted at rest: one declarative row per resource type, no code.</summary>
public sealed class VolumeEncrypted : ControlPolicy
{
    private static readonly Requirement[] Rows =
    [
        new()
        {
            Type = "aws:ebs/volume:Volume",
            Path = "encrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default, unless the account encrypts by default)"),
            Problem = "the volume's data and snapshots are stored unencrypted.",
            Fix = "Set `encrypted: true` (and `kmsKeyId` for a customer-managed key).",
        },
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = "volume-encrypted",
        Title = "Volumes are encrypted",
        Description = "Block storage volumes encrypt their data at rest.",
        Message = "The volume is not encrypted.",
        Control = "ENC-1",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Turn encryption on with the property the table names.",
    };

    public override PolicyDescriptor Descriptor => Rule;
}
// end guide

// guide:MyPack
/// <summary>The pack: its policies, the controls they enforce and the parameters a stack sets once.</summary>
public static class MyPack
{
    public static ControlFramework Controls { get; } = new(
        "Platform rules",
        "2025-01",
        [
            new ControlDefinition("TAG-1", "Resources are tagged with their owner"),
            new ControlDefinition("LOG-1", "API calls are recorded"),
            new ControlDefinition("ENC-1", "Data is encrypted at rest"),
        ]);

    public static PackDefinition Definition { get; } = new()
    {
        Name = "my-policy-pack",
        Version = "0.1.0",
        DisplayName = "My policy pack",
        Description = "The platform team's rules.",
        Policies = [new RequiredOwnerTag(), new StackHasTrail(), new VolumeEncrypted()],
        Controls = Controls,
        // `my-policy-pack:requiredTags` in Pulumi.<stack>.yaml sets `requiredTags` of every policy that declares it.
        StackParameters = ["requiredTags"],
    };
}
// end guide
