using MyPolicyPack;
using PolicyPack.Sdk.Hosting;

// One executable, three uses: a Pulumi analyzer when Pulumi starts it with an engine address, `scan` of
// `pulumi preview --json` / `pulumi stack export` files in CI, and `policies` (the catalogue).
return PackHost.Run(args, MyPack.Definition);
