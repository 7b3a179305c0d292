using DescentLab.Host.Commands;

return await DescentLabCommandLine.InvokeAsync(args, Console.Out, Console.Error);
