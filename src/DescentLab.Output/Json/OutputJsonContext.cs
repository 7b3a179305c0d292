using System.Text.Json.Serialization;
using DescentLab.Experiments.Results;
using DescentLab.Output.Baselines;
using DescentLab.Output.Pipeline;

namespace DescentLab.Output.Json;

/// <summary>The JSON contracts of the files DescentLab writes and reads back, generated at compile time.</summary>
/// <remarks>Every run writes .resume.json and manifest.json. Built by reflection, their contracts were emitted and
/// JIT-compiled in every cold process (about 20 ms of the nightly's report and manifest); generated, they are
/// precompiled with the rest. Each file keeps its own options (<see cref="JsonFormat"/>, <see cref="ResumeRequest"/>,
/// <see cref="BaselineMeta"/>), which decide names, converters and layout as before; this context only supplies the
/// contracts. <c>double</c> is listed for the parameter-list converter, which writes and reads each value through the
/// options.</remarks>
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(ResumeRequest))]
[JsonSerializable(typeof(BaselineMeta))]
[JsonSerializable(typeof(double))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
