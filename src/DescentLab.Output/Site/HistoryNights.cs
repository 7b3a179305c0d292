using System.Globalization;
using DescentLab.Output.History;

namespace DescentLab.Output.Site;

/// <summary>Lists the nights of a history database: every complete, unsharded run set with its config and folder, which
/// the store's own queries (one config at a time) do not give.</summary>
public static class HistoryNights
{
    /// <summary>The machine of a night whose history row does not record one.</summary>
    public const string UnknownMachine = "unknown";

    /// <summary>The nights of <paramref name="store"/>, oldest id first.</summary>
    /// <exception cref="HistoryException">The history cannot be read.</exception>
    public static IReadOnlyList<SiteNight> Read(HistoryStore store) =>
        [.. store.Nights().Select(n => new SiteNight(
            n.Id,
            n.Record.ConfigName,
            DateTimeOffset.ParseExact(n.Record.StartedUtc, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            n.Record.GitCommit,
            n.Record.RunDir,
            MachineOf(n.Record.Environment)))];

    /// <summary>The one place a night's machine is read: the machine its run set recorded, where it recorded one.</summary>
    private static string MachineOf(HistoryEnvironment environment) =>
        environment.Machine is { Length: > 0 } machine ? machine : UnknownMachine;
}
