// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Sbom;

/// <summary>
/// Everything a package's component (CycloneDX) or package element (SPDX) is written from. Two nodes with equal keys
/// are written as the same bytes: the writers read nothing else of a package node. <see cref="Metadata"/> and
/// <see cref="License"/> compare by reference (the engine shares one per package).
/// </summary>
internal readonly record struct SbomFragmentKey(
    string Format,
    string Ref,
    string? ElementId,
    string Name,
    string? Version,
    DependencyScope? Scope,
    string Frameworks,
    string? Deliverable,
    string PackageId,
    string PackageVersion,
    string? Sha512,
    object? Metadata,
    object License);

/// <summary>An element written once: its bytes (at array-element depth, see <see cref="SbomJson.WriteElementArray{T}"/>) and what writing it collected.</summary>
internal sealed record SbomFragment(byte[] Bytes, object? State);

/// <summary>
/// Written package elements shared by every document made with one <see cref="SbomOptions"/>: a solution's dossier
/// writes the same package into hundreds of SBOMs, which then costs a copy instead of a serialisation.
/// </summary>
internal sealed class SbomFragmentCache
{
    // Bounded: a very large solution must not keep every element of every document alive.
    private const int MaxEntries = 200_000;
    private readonly ConcurrentDictionary<SbomFragmentKey, SbomFragment> _entries = new();

    /// <summary>How many elements are kept.</summary>
    public int Count => _entries.Count;

    public SbomFragment GetOrAdd(SbomFragmentKey key, Func<SbomFragment> create)
    {
        if (_entries.TryGetValue(key, out var found)) return found;
        var made = create();
        return _entries.Count < MaxEntries ? _entries.GetOrAdd(key, made) : made;
    }

    /// <summary>The key of a package node, or null for a node that is not a package (written every time).</summary>
    public static SbomFragmentKey? KeyOf(string format, SbomNode node, string? elementId)
    {
        if (node.Package is not { } package || node.Subject != null || node.Kind != SbomNodeKind.Package) return null;
        return new SbomFragmentKey(format, node.Ref, elementId, node.Name, node.Version, node.Scope, string.Join("\n", node.Frameworks), node.Deliverable,
            package.Id, package.Version, package.Sha512, package.Metadata, package.License);
    }
}

internal static partial class SbomJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_fragment;

    /// <summary>
    /// Writes <c>"name": [ … ]</c>, a property of the document's root object that follows another property, whose
    /// elements are objects made by <paramref name="write"/> or taken from <paramref name="cache"/> when
    /// <paramref name="key"/> gives a key: the bytes are exactly those of writing every element with
    /// <paramref name="writer"/>. Only for a writer made by <see cref="WriteDraft"/> (its buffer receives the copies);
    /// any other writer, or another depth, writes the elements one by one.
    /// </summary>
    public static void WriteElementArray<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> items, Func<T, SbomFragmentKey?> key, Func<Utf8JsonWriter, T, object?> write, Action<object?> replay, SbomFragmentCache cache)
    {
        if (!ReferenceEquals(writer, t_writer) || writer.CurrentDepth != 1 || items.Count == 0)
        {
            writer.WriteStartArray(name);
            foreach (var item in items) replay(write(writer, item));
            writer.WriteEndArray();
            return;
        }
        writer.Flush();
        var output = t_buffer!;
        Append(output, ",\n  \"" + name + "\": [");
        var first = true;
        foreach (var item in items)
        {
            var k = key(item);
            SbomFragment fragment;
            fragment = k is { } cacheKey ? cache.GetOrAdd(cacheKey, () => Fragment(item, write)) : Fragment(item, write);
            replay(fragment.State);
            Append(output, first ? "\n    " : ",\n    ");
            output.Write(fragment.Bytes);
            first = false;
        }
        Append(output, "\n  ]");
    }

    // One element written by a writer of the same options at the same depth (an object in an array of the root
    // object), from its opening brace to its closing one, line ends as LF.
    private static SbomFragment Fragment<T>(T item, Func<Utf8JsonWriter, T, object?> write)
    {
        var buffer = t_fragment ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        object? state;
        int start;
        using (var w = new Utf8JsonWriter(buffer, s_options))
        {
            w.WriteStartObject();
            w.WriteStartArray("a");
            w.Flush();
            start = buffer.WrittenCount;
            state = write(w, item);
            w.Flush();
        }
        var span = MemoryMarshal.AsMemory(buffer.WrittenMemory).Span[start..];
        span = span[span.IndexOf((byte)'{')..];
        return new SbomFragment(span[..RemoveCarriageReturns(span)].ToArray(), state);
    }

    private static void Append(ArrayBufferWriter<byte> output, string ascii) => output.Write(Encoding.ASCII.GetBytes(ascii));
}
