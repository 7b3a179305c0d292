using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DescentLab.Core.Datasets;
using NUnit.Framework;

namespace DescentLab.Tests.Architecture;

/// <summary>Core is pure: the BCL only, and no files, console, clock, ambient randomness or threads.</summary>
/// <remarks>Reads the compiled DescentLab.Core.dll's metadata (assembly, type and member references), so whatever the
/// source looks like — a fully qualified name, a using alias, a static import — a use of a forbidden API is seen.</remarks>
public sealed class CorePurityTests
{
    /// <summary>Whole namespaces Core must not touch.</summary>
    private static readonly string[] ForbiddenNamespaces = ["System.IO", "System.Net", "System.Threading.Tasks", "Microsoft"];

    /// <summary>Types Core must not touch (namespace-qualified).</summary>
    private static readonly string[] ForbiddenTypes =
    [
        "System.Console", "System.Random", "System.Environment", "System.TimeProvider", "System.Threading.Thread",
        "System.Threading.ThreadPool", "System.Threading.Timer", "System.Diagnostics.Stopwatch", "System.Diagnostics.Process",
    ];

    /// <summary>Members Core must not call: the ambient clock.</summary>
    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow",
    ];

    [Test]
    public void Core_ReferencesOnlyTheBcl()
    {
        using var metadata = CoreMetadata.Open();

        var references = metadata.Reader.AssemblyReferences
            .Select(h => metadata.Reader.GetString(metadata.Reader.GetAssemblyReference(h).Name))
            .ToArray();

        Assert.That(references, Is.Not.Empty);
        Assert.That(references.Where(name => name != "System" && !name.StartsWith("System.", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Core_UsesNoFileConsoleClockRandomOrThreadApis()
    {
        using var metadata = CoreMetadata.Open();

        var types = metadata.TypeNames().ToArray();
        var members = metadata.MemberNames().ToArray();
        var offending = types
            .Where(t => ForbiddenTypes.Contains(t) || ForbiddenNamespaces.Any(ns => t == ns || t.StartsWith(ns + ".", StringComparison.Ordinal)))
            .Concat(members.Where(ForbiddenMembers.Contains))
            .Distinct()
            .ToArray();

        Assert.That(types, Does.Contain("System.Math"), "the scan sees the type references Core really makes");
        Assert.That(offending, Is.Empty);
    }

    private sealed class CoreMetadata : IDisposable
    {
        private readonly FileStream _stream;
        private readonly PEReader _pe;

        private CoreMetadata(string path)
        {
            _stream = File.OpenRead(path);
            _pe = new PEReader(_stream);
            Reader = _pe.GetMetadataReader();
        }

        public MetadataReader Reader { get; }

        public static CoreMetadata Open() => new(typeof(Dataset).Assembly.Location);

        public IEnumerable<string> TypeNames() => Reader.TypeReferences.Select(h => Name(Reader.GetTypeReference(h)));

        public IEnumerable<string> MemberNames()
        {
            foreach (var handle in Reader.MemberReferences)
            {
                var member = Reader.GetMemberReference(handle);
                if (member.Parent.Kind == HandleKind.TypeReference)
                {
                    yield return Name(Reader.GetTypeReference((TypeReferenceHandle)member.Parent)) + "::" + Reader.GetString(member.Name);
                }
            }
        }

        public void Dispose()
        {
            _pe.Dispose();
            _stream.Dispose();
        }

        private string Name(TypeReference type)
        {
            // Nested types carry their enclosing type as resolution scope and no namespace of their own.
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return Name(Reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope)) + "+" + Reader.GetString(type.Name);
            }

            string ns = Reader.GetString(type.Namespace);
            return ns.Length == 0 ? Reader.GetString(type.Name) : ns + "." + Reader.GetString(type.Name);
        }
    }
}
