using System.Text.Json.Serialization;
using DescentLab.Experiments.Results;
using DescentLab.Output.Baselines;
using DescentLab.Output.Pipeline;

namespace DescentLab.Output.Json;

/// <summary>The JSON contracts of the files DescentLab writes and reads back, generated at compile time.</summary>
/// <remarks>Every run writes .resume.json and manifest.json: built by reflection, their contracts cost a cold process
/// about 0.1–0.2 s of emitted and JIT-compiled code; generated, they are precompiled with the rest. Each file keeps its
/// own options (<see cref="JsonFormat"/>, <see cref="ResumeRequest"/>, <see cref="BaselineMeta"/>), which decide names,
/// converters and layout as before; this context only supplies the contracts.</remarks>
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(ResumeRequest))]
[JsonSerializable(typeof(BaselineMeta))]
[JsonSerializable(typeof(double))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
