using DescentLab.Experiments.Running;

namespace DescentLab.Output.Files;

/// <summary>One value of a journal record: its name in the journal's header, how it is written from a finished run and
/// read back into a <see cref="JournalEntry"/>.</summary>
/// <param name="Name">The name in the header.</param>
/// <param name="Write">Writes the value of a run.</param>
/// <param name="Read">Reads the value into an entry.</param>
internal sealed record JournalColumn(string Name, Action<BinaryWriter, RunResult> Write, Action<BinaryReader, JournalEntry> Read);
