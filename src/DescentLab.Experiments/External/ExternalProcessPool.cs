using System.Collections.Concurrent;

namespace DescentLab.Experiments.External;

/// <summary>The idle processes of a variant that serves many runs (protocol version 2): a run takes one (or starts one),
/// and gives it back when its conversation ended cleanly. At most one process per worker is ever alive, since a worker
/// holds its process for the whole run.</summary>
public sealed class ExternalProcessPool(ExternalCommand command)
{
    private readonly ConcurrentBag<ExternalProcess> _idle = [];

    /// <summary>An idle live process, or a freshly started one (one that died while idle is dropped).</summary>
    /// <exception cref="ExternalProtocolException">The program cannot be started.</exception>
    public ExternalProcess Take()
    {
        while (_idle.TryTake(out var process))
        {
            if (!process.HasExited)
            {
                return process;
            }

            process.Dispose();
        }

        return ExternalProcess.Start(command);
    }

    /// <summary>Keeps <paramref name="process"/> for the next run; its last run has ended.</summary>
    public void Return(ExternalProcess process) => _idle.Add(process);

    /// <summary>Closes the stdin of every idle process and lets it exit: the workers have no more runs.</summary>
    public void EndAll()
    {
        while (_idle.TryTake(out var process))
        {
            process.Dispose();
        }
    }
}
