using System.Globalization;
using System.Text;
using System.Text.Json;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.External;

namespace DescentLab.PluginHost;

/// <summary>The plug-in side of one run of the external optimizer protocol: init makes the rule, each step applies it once
/// (asking descentlab for the batch's loss and gradient when the rule probes), end finishes.</summary>
/// <param name="hosted">The variant served and its rule source.</param>
/// <param name="lines">stdin.</param>
/// <param name="stdout">Where answers go, one line each, flushed.</param>
internal sealed class HostSession((IVariant Variant, IRuleSource Source) hosted, StdinLines lines, Stream stdout)
{
    private readonly StreamWriter _output = new(stdout, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = false };
    private readonly StringBuilder _text = new(256);
    private IUpdateRule? _rule;
    private double[] _theta = [];
    private double[] _gradient = [];

    /// <summary>Samples in the current step's batch.</summary>
    public int BatchSize { get; private set; }

    /// <summary>Answers messages until <c>end</c>; returns the exit code.</summary>
    /// <exception cref="InvalidOperationException">A message out of protocol.</exception>
    public int Run()
    {
        while (true)
        {
            string line = lines.Next();
            using var message = ExternalMessages.Parse(line);
            var root = message.RootElement;
            string? type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "init":
                    Init(root);
                    Send("{\"type\":\"ready\"}");
                    break;
                case "step" when _rule is not null:
                    Step(root);
                    break;
                case "end":
                    return 0;
                default:
                    throw new InvalidOperationException($"unexpected message '{line}'");
            }
        }
    }

    /// <summary>Asks descentlab for the loss (and gradient) of the current batch at <paramref name="theta"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        _text.Clear().Append("{\"evaluate\":").Numbers(theta).Append('}');
        Send(_text.ToString());
        string line = lines.Next();
        using var answer = ExternalMessages.Parse(line);
        var root = answer.RootElement;
        if (!root.TryGetProperty("loss", out var loss) || !ExternalMessages.TryGetNumber(loss, out double value))
        {
            throw new InvalidOperationException($"expected {{\"loss\":...,\"grad\":[...]}}, got '{line}'");
        }

        Numbers(root, "grad", gradient);
        return value;
    }

    private void Init(JsonElement root)
    {
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in root.GetProperty("hyper").EnumerateObject())
        {
            given[entry.Name] = ExternalMessages.TryGetNumber(entry.Value, out double value)
                ? value
                : throw new InvalidOperationException($"init: hyper-parameter '{entry.Name}' is not a number");
        }

        int count = root.GetProperty("names").GetArrayLength();
        _theta = new double[count];
        _gradient = new double[count];
        _rule = hosted.Source.CreateRule(HyperParameters.Resolve(hosted.Variant, given));
        _rule.Init(count);
    }

    private void Step(JsonElement root)
    {
        BatchSize = root.GetProperty("batch_size").GetInt32();
        Numbers(root, "params", _theta);
        Numbers(root, "grad", _gradient);
        if (!ExternalMessages.TryGetNumber(root.GetProperty("loss"), out double loss))
        {
            throw new InvalidOperationException("step: 'loss' is not a number");
        }

        var probe = new PipeProbe(this);
        _rule!.Apply(_theta, _gradient, loss, ref probe);
        _text.Clear().Append("{\"params\":").Numbers(_theta).Append('}');
        Send(_text.ToString());
    }

    private static void Numbers(JsonElement root, string key, Span<double> values)
    {
        if (!root.TryGetProperty(key, out var array))
        {
            throw new InvalidOperationException($"missing '{key}'");
        }

        if (ExternalMessages.TryReadNumbers(array, values, key) is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    private void Send(string line)
    {
        _output.Write(line);
        _output.Write('\n');
        _output.Flush();
    }
}
