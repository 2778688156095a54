using Terminal.Cli;

return await CliVerbs.CreateRoot().Parse(args).InvokeAsync().ConfigureAwait(false);
