using Acme.PolicyPack;
using PolicyPack.Sdk.Hosting;

return PackHost.Run(args, AcmePack.Definition);
