using System.Globalization;
using System.Text;
using System.Text.Json;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.External;

/// <summary>One run's conversation with an external process: init, then a step per update (with any evaluations it asks
/// for). The process is the caller's: it ends the run, and ends or reuses the process.</summary>
public sealed class ExternalSession
{
    private readonly ExternalProcess _process;
    private readonly StringBuilder _text = new(256);
    private readonly int _sampleCount;
    private readonly int _batchSize;
    private readonly long _updatesPerEpoch;
    private readonly double[] _evaluateTheta;
    private readonly double[] _evaluateGradient;
    private long _step;

    private ExternalSession(ExternalProcess process, int parameterCount, int sampleCount, TrainingOptions options)
    {
        _process = process;
        _sampleCount = sampleCount;
        _batchSize = options.BatchSize;
        _updatesPerEpoch = options.UpdatesPerEpoch(sampleCount);
        _evaluateTheta = new double[parameterCount];
        _evaluateGradient = new double[parameterCount];
    }

    /// <summary>Sends <paramref name="process"/> the run's <c>init</c> and waits for its <c>{"type":"ready"}</c>.</summary>
    /// <exception cref="ExternalProtocolException">It does not answer ready.</exception>
    public static ExternalSession Start(
        ExternalProcess process,
        IReadOnlyList<string> names,
        IReadOnlyList<HyperParameter> described,
        HyperParameters hyperParameters,
        TrainingOptions options,
        int sampleCount)
    {
        var session = new ExternalSession(process, names.Count, sampleCount, options);
        session.Init(names, described, hyperParameters, options);
        return session;
    }

    /// <summary>Sends one step and writes the process's new parameters into <paramref name="theta"/>.</summary>
    /// <exception cref="ExternalProtocolException">A malformed or wrong-length answer, an early exit or a timeout.</exception>
    public void Step<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        _step++;
        long indexInEpoch = (_step - 1) % _updatesPerEpoch;
        long batch = Math.Min(_batchSize, _sampleCount - (indexInEpoch * _batchSize));
        _text.Clear().Append(CultureInfo.InvariantCulture, $"{{\"type\":\"step\",\"step\":{_step},\"epoch\":{((_step - 1) / _updatesPerEpoch) + 1},\"batch_size\":{batch},\"params\":");
        _text.Numbers(theta).Append(",\"loss\":").Number(loss).Append(",\"grad\":").Numbers(gradient).Append('}');
        _process.Send(_text.ToString());
        string what = string.Create(CultureInfo.InvariantCulture, $"step {_step}");
        while (true)
        {
            string line = _process.Receive(what);
            using var document = Parse(line, what);
            var root = document.RootElement;
            if (root.TryGetProperty("params", out var parameters))
            {
                Read(parameters, theta, "params", what, line);
                return;
            }

            if (!root.TryGetProperty("evaluate", out var evaluate))
            {
                throw _process.Failure($"{what}: expected {{\"params\":[...]}} or {{\"evaluate\":[...]}}, got {Quote(line)}");
            }

            Read(evaluate, _evaluateTheta, "evaluate", what, line);
            Evaluate(ref probe, what);
        }
    }

    private void Init(IReadOnlyList<string> names, IReadOnlyList<HyperParameter> described, HyperParameters hyperParameters, TrainingOptions options)
    {
        _text.Clear().Append("{\"type\":\"init\",\"run_id\":").String(options.RunId).Append(",\"names\":[");
        for (int i = 0; i < names.Count; i++)
        {
            (i > 0 ? _text.Append(',') : _text).String(names[i]);
        }

        _text.Append("],\"params\":").Numbers(options.InitialTheta).Append(",\"hyper\":{");
        for (int i = 0; i < described.Count; i++)
        {
            (i > 0 ? _text.Append(',') : _text).String(described[i].Name).Append(':').Number(hyperParameters[described[i].Name]);
        }

        _text.Append(CultureInfo.InvariantCulture, $"}},\"seed\":{options.Seed}}}");
        _process.Send(_text.ToString());
        string line = _process.Receive("init");
        using var document = Parse(line, "init");
        if (!document.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "ready")
        {
            throw _process.Failure($"init: expected {{\"type\":\"ready\"}}, got {Quote(line)}");
        }
    }

    private void Evaluate<TProbe>(ref TProbe probe, string what)
        where TProbe : struct, ILossProbe
    {
        if (probe is not IGradientProbe gradientProbe)
        {
            throw _process.Failure($"{what}: this trainer cannot evaluate gradients");
        }

        double loss = gradientProbe.LossGradientAt(_evaluateTheta, _evaluateGradient);
        _text.Clear().Append("{\"loss\":").Number(loss).Append(",\"grad\":").Numbers(_evaluateGradient).Append('}');
        _process.Send(_text.ToString());
    }

    private JsonDocument Parse(string line, string what)
    {
        try
        {
            return ExternalMessages.Parse(line);
        }
        catch (JsonException)
        {
            throw _process.Failure($"{what}: malformed line {Quote(line)}");
        }
    }

    private void Read(JsonElement array, Span<double> values, string key, string what, string line)
    {
        if (ExternalMessages.TryReadNumbers(array, values, key) is { } error)
        {
            throw _process.Failure($"{what}: {error} in {Quote(line)}");
        }
    }

    private static string Quote(string line) => line.Length > 200 ? $"'{line[..200]}...'" : $"'{line}'";
}
