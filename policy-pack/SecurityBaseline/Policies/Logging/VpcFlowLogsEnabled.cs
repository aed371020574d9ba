using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: every VPC of the stack records its traffic in a flow log.</summary>
public sealed class VpcFlowLogsEnabled : StackPolicy
{
    private const string FlowLog = "aws:ec2/flowLog:FlowLog";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.VpcFlowLogsEnabled,
        Title = "Every VPC has a flow log",
        Description = "Every VPC the stack creates must have an aws.ec2.FlowLog whose vpcId names it.",
        Message = "The VPC's traffic is not recorded in a flow log.",
        Control = "§9",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:ec2/vpc:Vpc"],
        Help = "Add an `aws.ec2.FlowLog` with `vpcId: <vpc>.id`, `trafficType: \"ALL\"` and a destination (a CloudWatch log group with `iamRoleArn`, or an S3 bucket via `logDestinationType: \"s3\"`).",
        AbsentMeans = "A VPC has no flow log unless a FlowLog resource names it (AWS records nothing by default): a violation. Flow logs on a subnet or interface only do not cover the whole VPC.",
        Tags = ["vpc", "logging", "network"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var flowLogs = Attachments.Collect(context, [FlowLog], "vpcId");
        foreach (var vpc in context.Stack.OfType(Rule.ResourceTypes))
        {
            if (!flowLogs.Cover(vpc) && !flowLogs.Unresolved)
            {
                context.Report(vpc, "No aws:ec2/flowLog:FlowLog names this VPC in `vpcId`: its traffic leaves no record. Fix: add an aws.ec2.FlowLog with vpcId set to the VPC's id and trafficType \"ALL\".");
            }
        }
    }
}
