using Baseline;
using Pulumi;

return await Deployment.RunAsync<BaselineStack>().ConfigureAwait(false);
