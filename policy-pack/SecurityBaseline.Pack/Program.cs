using PolicyPack.Sdk.Hosting;
using SecurityBaseline.Policies;

return PackHost.Run(args, PolicyCatalog.Pack);
