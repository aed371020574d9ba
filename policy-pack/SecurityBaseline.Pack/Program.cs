using SecurityBaseline.Pack;

return Cli.Run(args, Console.Out, Console.Error);
