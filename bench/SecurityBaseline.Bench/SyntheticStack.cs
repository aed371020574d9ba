using System.Globalization;
using System.Text;

namespace SecurityBaseline.Bench;

/// <summary>Builds a stack export of N resources with the shapes the policies join on (buckets and their side resources).</summary>
internal static class SyntheticStack
{
    public static string Export(int resources)
    {
        var builder = new StringBuilder();
        builder.Append("""{"version":3,"deployment":{"resources":[""");
        for (var i = 0; i < resources; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var n = (i / 4).ToString(CultureInfo.InvariantCulture);
            var (type, inputs) = (i % 4) switch
            {
                0 => ("aws:s3/bucket:Bucket", $$"""{"bucket":"bucket-{{n}}"}"""),
                1 => ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", $$"""{"bucket":"bucket-{{n}}","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}"""),
                2 => ("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "{\"bucket\":\"bucket-" + n + "\",\"rules\":[{\"applyServerSideEncryptionByDefault\":{\"sseAlgorithm\":\"aws:kms\"}}]}"),
                _ => ("aws:ec2/securityGroup:SecurityGroup", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.0.0.0/8","203.0.113.0/24"]}]}"""),
            };
            builder.Append(CultureInfo.InvariantCulture, $$"""{"urn":"urn:pulumi:prod::bench::{{type}}::r{{i}}","custom":true,"id":"r{{i}}","type":"{{type}}","inputs":{{inputs}},"outputs":{{inputs}}}""");
        }

        builder.Append("]}}");
        return builder.ToString();
    }
}
