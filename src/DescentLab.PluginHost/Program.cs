using DescentLab.PluginHost;

// descentlab-pluginhost PLUGIN.dll VARIANT: one run of one plug-in variant, spoken over stdin/stdout.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: descentlab-pluginhost PLUGIN.dll VARIANT (started by descentlab for `isolation: process`)");
    return 2;
}

try
{
    var source = HostedRule.Find(args[0], args[1]);
    using var lines = StdinLines.Start();
    return new HostSession(source, lines, Console.OpenStandardOutput()).Run();
}
catch (Exception ex)
{
    // The parent puts the last lines of stderr into the run's message.
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}
