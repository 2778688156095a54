using Terminal.Host;

return await TerminalProgram.RunAsync(args).ConfigureAwait(false);
