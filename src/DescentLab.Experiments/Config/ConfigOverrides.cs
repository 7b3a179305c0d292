using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Validation;

namespace DescentLab.Experiments.Config;

/// <summary>Applies <c>--set</c> overrides to a parsed config's node tree, before validation, so an overridden value is
/// checked exactly like one in the file; the nodes an override writes carry it (<see cref="OverrideSource"/>), and errors
/// there name the override.</summary>
/// <remarks>A key step at a mapping is a key (added when absent); at a list it picks the item of that name: a variant or
/// model by its name (<c>variants.sgd.lr</c>, the step then also reads the item's one key), a dataset by its recipe or file
/// name (<c>datasets.beans1.n</c>). <c>[i]</c> picks an item by position, as error messages write it. Later overrides
/// of the same key win. The tree is rebuilt along the key's path; the rest is shared with the file's tree.</remarks>
internal static class ConfigOverrides
{
    /// <summary>The tree of <paramref name="root"/> with every override applied in order; an override that cannot be
    /// applied adds its error to <paramref name="errors"/> and is skipped.</summary>
    public static ConfigNode Apply(ConfigNode? root, IReadOnlyList<ConfigOverride> overrides, string file, List<ConfigError> errors)
    {
        var tree = root ?? new MappingNode([], 1, 1);
        foreach (var given in overrides)
        {
            if (ConfigOverridePath.Parse(given.Key, out string keyError) is not { } steps)
            {
                errors.Add(Error(file, given, string.Empty, keyError));
                continue;
            }

            if (ReadValue(given, file, errors) is not { } value)
            {
                continue;
            }

            try
            {
                tree = new Walk(given, steps, value).Set(tree, 0, string.Empty);
            }
            catch (OverrideException ex)
            {
                errors.Add(Error(file, given, ex.Path, ex.Message));
            }
        }

        return tree;
    }

    private static ConfigError Error(string file, ConfigOverride given, string path, string message) =>
        new(file, 0, 0, path, message) { Override = given.Text };

    /// <summary>The value read as YAML (empty is null), or null after a syntax error.</summary>
    private static ConfigNode? ReadValue(ConfigOverride given, string file, List<ConfigError> errors)
    {
        var syntax = new List<ConfigError>();
        var node = YamlNodeReader.Read(new StringReader(given.Value), file, syntax);
        if (syntax.Count > 0)
        {
            errors.Add(Error(file, given, string.Empty, $"{syntax[0].Message} (at column {syntax[0].Column} of the value)"));
            return null;
        }

        return node ?? new ScalarNode(string.Empty, ScalarKind.Null, 0, 0);
    }

    /// <summary>The word for an item of the list at <paramref name="path"/>, for messages.</summary>
    private static string ItemKind(string path) => (path.LastIndexOf('.') is var dot and >= 0 ? path[(dot + 1)..] : path) switch
    {
        "variants" => "variant",
        "models" => "model",
        "datasets" => "dataset",
        "plugins" => "plug-in",
        _ => "item",
    };

    /// <summary>The name an item of a list goes by: a dataset's recipe or file name, else a bare name or the one key of a
    /// mapping (<c>sgd</c> of <c>sgd: {lr: 0.1}</c>); null for an item without one.</summary>
    private static string? ItemName(ConfigNode item, bool dataset) => (item, dataset) switch
    {
        (MappingNode mapping, true) => mapping.Entries.FirstOrDefault(e => e.Key.Text is "recipe" or "file") is { Value: ScalarNode { Kind: ScalarKind.String } name } entry
            ? (entry.Key.Text == "file" ? Path.GetFileNameWithoutExtension(name.Text) : name.Text)
            : null,
        (ScalarNode { Kind: ScalarKind.String } bare, false) => bare.Text,
        (MappingNode { Entries.Count: 1 } mapping, false) => mapping.Entries[0].Key.Text,
        _ => null,
    };

    /// <summary>One override on its way down the tree.</summary>
    private sealed class Walk(ConfigOverride given, IReadOnlyList<ConfigOverridePath.Step> steps, ConfigNode value)
    {
        private readonly Dictionary<ConfigNode, ConfigNode> _copies = new(ReferenceEqualityComparer.Instance);
        private OverrideSource? _source;

        /// <summary>Where nodes this override writes come from; known once the walk has reached the key it sets.</summary>
        private OverrideSource Source => _source ?? throw new InvalidOperationException("the override's target is not reached yet");

        /// <summary><paramref name="node"/> (null: absent) with steps <paramref name="at"/>.. applied.</summary>
        public ConfigNode Set(ConfigNode? node, int at, string path)
        {
            if (at == steps.Count)
            {
                _source = new OverrideSource(given.Text, path);
                return Copy(value);
            }

            var step = steps[at];
            return (node, step.Name) switch
            {
                (null or ScalarNode { Kind: ScalarKind.Null }, not null) => SetKey(new MappingNode([], 0, 0), at, path, created: true),
                (MappingNode mapping, not null) => SetKey(mapping, at, path, created: false),
                (SequenceNode list, { } name) => SetNamedItem(list, name, at, path),
                (SequenceNode list, null) => SetItem(list, step.Index!.Value, at + 1, path),
                (null or ScalarNode { Kind: ScalarKind.Null }, null) => throw new OverrideException(path, $"there is no list here to pick item [{step.Index}] from"),
                (MappingNode, null) => throw new OverrideException(path, $"this is a mapping: name one of its keys rather than item [{step.Index}]"),
                (_, { } name) => throw new OverrideException(path, $"this is {node.Describe()}, which has no key '{name}'"),
                _ => throw new OverrideException(path, $"this is {node.Describe()}, not a list: it has no item [{step.Index}]"),
            };
        }

        /// <summary>Sets the key of step <paramref name="at"/> in <paramref name="mapping"/>: the value of its first entry is
        /// replaced, or an entry is added.</summary>
        private MappingNode SetKey(MappingNode mapping, int at, string path, bool created)
        {
            int length = KeyLength(mapping, at, path);
            string key = string.Join('.', steps.Skip(at).Take(length).Select(s => s.Name));
            int index = mapping.Entries.ToList().FindIndex(e => e.Key.Text == key);
            var child = Set(index >= 0 ? mapping.Entries[index].Value : null, at + length, KeyPath.Child(path, key));
            var entries = mapping.Entries.ToList();
            if (index >= 0)
            {
                entries[index] = entries[index] with { Value = child };
            }
            else
            {
                entries.Add(new MappingEntry(new ScalarNode(key, ScalarKind.String, 0, 0) { Override = Source }, child));
            }

            return new MappingNode(entries, mapping.Line, mapping.Column) { Override = created ? Source : mapping.Override };
        }

        /// <summary>How many steps the key at <paramref name="at"/> takes: parameter names may hold dots (<c>init.h1.w</c>),
        /// so the longest run of steps that names an existing key, else every remaining step under <c>init</c>, else one.</summary>
        private int KeyLength(MappingNode mapping, int at, string path)
        {
            int names = steps.Skip(at).TakeWhile(s => s.Name is not null).Count();
            for (int length = names; length > 1; length--)
            {
                string joined = string.Join('.', steps.Skip(at).Take(length).Select(s => s.Name));
                if (mapping.Entries.Any(e => e.Key.Text == joined))
                {
                    return length;
                }
            }

            return path == "init" ? names : 1;
        }

        private SequenceNode SetItem(SequenceNode list, int index, int next, string path)
        {
            if (index >= list.Items.Count)
            {
                string count = list.Items.Count == 1 ? "1 item" : $"{list.Items.Count} items";
                throw new OverrideException(path, $"there is no item [{index}]: the list has {count}");
            }

            var items = list.Items.ToList();
            items[index] = Set(items[index], next, KeyPath.Item(path, index));
            return new SequenceNode(items, list.Line, list.Column) { Override = list.Override };
        }

        /// <summary>Picks the one item named <paramref name="name"/>. A dataset's name is a step of its own; a variant's or
        /// model's is also its one key, so the walk goes on at the item with the same step (a bare name becomes a
        /// mapping from the name to nothing).</summary>
        private SequenceNode SetNamedItem(SequenceNode list, string name, int at, string path)
        {
            string kind = ItemKind(path);
            bool dataset = kind == "dataset";
            var names = list.Items.Select(item => ItemName(item, dataset)).ToList();
            var matches = Enumerable.Range(0, names.Count).Where(i => names[i] == name).ToList();
            if (matches.Count == 0)
            {
                var known = names.OfType<string>().Distinct().ToList();
                string? hint = Suggestions.Closest(name, known);
                string mean = hint is null ? string.Empty : $" (did you mean '{hint}'?)";
                string listed = known.Count == 0 ? $"its items have no names; pick one by position, e.g. {KeyPath.Item(path, 0)}" : $"its {kind}s: {string.Join(", ", known)}";
                throw new OverrideException(path, $"no {kind} '{name}' in the list{mean}; {listed}");
            }

            if (matches.Count > 1)
            {
                string where = string.Join(", ", matches.Select(i => KeyPath.Item(path, i)));
                throw new OverrideException(path, $"{matches.Count} {kind}s are named '{name}' ({where}); pick one by position, e.g. {KeyPath.Item(path, matches[0])}");
            }

            int index = matches[0];
            if (dataset)
            {
                return SetItem(list, index, at + 1, path);
            }

            if (list.Items[index] is ScalarNode bare)
            {
                var items = list.Items.ToList();
                items[index] = new MappingNode([new MappingEntry(bare, new ScalarNode(string.Empty, ScalarKind.Null, bare.Line, bare.Column))], bare.Line, bare.Column);
                list = new SequenceNode(items, list.Line, list.Column) { Override = list.Override };
            }

            return SetItem(list, index, at, path);
        }

        /// <summary>The value's nodes, each marked as written by this override; a node the value shares (a YAML alias) is
        /// copied once, so the copy stays as small as the value.</summary>
        private ConfigNode Copy(ConfigNode node)
        {
            if (_copies.TryGetValue(node, out var copy))
            {
                return copy;
            }

            copy = node switch
            {
                ScalarNode scalar => new ScalarNode(scalar.Text, scalar.Kind, 0, 0) { Override = Source },
                SequenceNode list => new SequenceNode([.. list.Items.Select(Copy)], 0, 0) { Override = Source },
                MappingNode mapping => new MappingNode([.. mapping.Entries.Select(e => new MappingEntry((ScalarNode)Copy(e.Key), Copy(e.Value)))], 0, 0) { Override = Source },
                _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
            };
            _copies.Add(node, copy);
            return copy;
        }
    }

    /// <summary>An override whose key leads nowhere; <see cref="Path"/> is where the walk stopped.</summary>
    private sealed class OverrideException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
