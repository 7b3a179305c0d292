using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DescentLab.Experiments.Config.Nodes;

/// <summary>Reads YAML text into a <see cref="ConfigNode"/> tree from YamlDotNet's parser events, keeping their marks.</summary>
/// <remarks>Events rather than the representation model, because the model rejects the first duplicate key and the
/// validator wants to report every one. Built with an explicit stack, so deep nesting cannot overflow the call stack.</remarks>
internal static partial class YamlNodeReader
{
    /// <summary>The document's root, or null when the text is empty or not valid YAML (then <paramref name="errors"/> says why).</summary>
    public static ConfigNode? Read(TextReader text, string file, List<ConfigError> errors)
    {
        var parser = new Parser(text);
        var builder = new Builder(file, errors);
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
                if (!builder.Accept(parser.Current))
                {
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            errors.Add(SyntaxErrors.Create(file, (int)ex.Start.Line, (int)ex.Start.Column, ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (with no position) for some unterminated flow collections, e.g. "a: [1, 2\nb: 3".
            errors.Add(SyntaxErrors.Create(file, (int)last.Line, (int)last.Column, "the YAML after this point cannot be parsed (an unclosed '[' or '{'?)"));
            return null;
        }

        return builder.Root;
    }

    /// <summary>The kind of a scalar under the YAML 1.2 core schema: quoted ones are strings, plain ones are resolved.</summary>
    private static ScalarKind Resolve(Scalar scalar)
    {
        if (scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any)
        {
            return ScalarKind.String;
        }

        string v = scalar.Value;
        return v switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ => CoreSchemaNumber().IsMatch(v) ? ScalarKind.Number : ScalarKind.String,
        };
    }

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreSchemaNumber();

    /// <summary>Assembles nodes from events; collections under construction live on a stack.</summary>
    private sealed class Builder(string file, List<ConfigError> errors)
    {
        private const int MaxDepth = 64;

        private readonly Stack<Frame> _open = new();
        private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);
        private int _documents;

        public ConfigNode? Root { get; private set; }

        /// <summary>Takes one event; false when reading must stop (the error is recorded).</summary>
        public bool Accept(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    if (++_documents == 1)
                    {
                        return true;
                    }

                    errors.Add(new ConfigError(file, Line(e), Column(e), string.Empty, "expected one YAML document; a second one starts here"));
                    return false;
                case MappingStart or SequenceStart when _open.Count >= MaxDepth:
                    // YamlDotNet's scanner does work proportional to the open depth for every token, so stopping here
                    // keeps validation linear in the input (30,000 nested '[' took 24 s); JSON has the same limit.
                    errors.Add(new ConfigError(file, Line(e), Column(e), string.Empty, $"syntax error: nesting deeper than {MaxDepth} levels"));
                    return false;
                case MappingStart m:
                    _open.Push(new Frame(true, m.Anchor, Line(e), Column(e)));
                    return true;
                case SequenceStart s:
                    _open.Push(new Frame(false, s.Anchor, Line(e), Column(e)));
                    return true;
                case MappingEnd or SequenceEnd:
                    var frame = _open.Pop();
                    return Add(frame.Build(), frame.Anchor);
                case Scalar scalar:
                    return Add(new ScalarNode(scalar.Value, Resolve(scalar), Line(e), Column(e)), scalar.Anchor);
                case AnchorAlias alias when _anchors.TryGetValue(alias.Value.Value, out var target):
                    return Add(target, AnchorName.Empty);
                case AnchorAlias alias:
                    errors.Add(new ConfigError(file, Line(e), Column(e), string.Empty, $"alias '*{alias.Value.Value}' refers to no anchor defined before it"));
                    return false;
                default:
                    return true;
            }
        }

        private bool Add(ConfigNode node, AnchorName anchor)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            if (_open.Count == 0)
            {
                Root = node;
                return true;
            }

            var top = _open.Peek();
            if (top.IsMapping && top.PendingKey is null)
            {
                if (node is not ScalarNode key)
                {
                    errors.Add(new ConfigError(file, node.Line, node.Column, string.Empty, $"expected a key name, got {node.Describe()}"));
                    return false;
                }

                top.PendingKey = key;
                return true;
            }

            top.Add(node);
            return true;
        }

        private static int Line(ParsingEvent e) => (int)e.Start.Line;

        private static int Column(ParsingEvent e) => (int)e.Start.Column;
    }

    /// <summary>A mapping or sequence whose end event has not come yet.</summary>
    private sealed class Frame(bool isMapping, AnchorName anchor, int line, int column)
    {
        private readonly List<ConfigNode> _items = [];
        private readonly List<MappingEntry> _entries = [];

        public bool IsMapping => isMapping;

        public AnchorName Anchor => anchor;

        public ScalarNode? PendingKey { get; set; }

        public void Add(ConfigNode node)
        {
            if (PendingKey is { } key)
            {
                _entries.Add(new MappingEntry(key, node));
                PendingKey = null;
            }
            else
            {
                _items.Add(node);
            }
        }

        public ConfigNode Build() => isMapping ? new MappingNode(_entries, line, column) : new SequenceNode(_items, line, column);
    }
}
