using System.Diagnostics;
using System.Globalization;

namespace DescentLab.Output.Files;

/// <summary>Fault injection for the test suite: with <c>DESCENTLAB_TEST_KILL_AT=k</c> in the environment the process
/// kills itself with SIGKILL (as <c>kill -9</c> would) at the k-th write point, i.e. just before a file is renamed into
/// place, a run is journaled, history is marked complete or <c>latest</c> moves. Unset, it costs one comparison.</summary>
/// <remarks>This puts a real kill -9 at an exact, seeded moment of a run, without timing-dependent tests.</remarks>
public static class CrashPoint
{
    private static readonly long KillAt = long.TryParse(
        Environment.GetEnvironmentVariable("DESCENTLAB_TEST_KILL_AT"), NumberStyles.None, CultureInfo.InvariantCulture, out long k) ? k : 0;

    private static long _reached;

    /// <summary>Whether a kill point is set: writers that group their writes hand over what precedes each point first,
    /// so a point means the same moment however the writes are grouped.</summary>
    public static bool Armed => KillAt > 0;

    /// <summary>Counts a write point; kills the process when it is the chosen one.</summary>
    public static void Reached()
    {
        if (KillAt > 0 && Interlocked.Increment(ref _reached) == KillAt)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
