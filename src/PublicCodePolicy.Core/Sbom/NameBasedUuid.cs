// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Security.Cryptography;
using System.Text;

namespace PublicCodePolicy.Sbom;

/// <summary>Name-based UUIDs, version 5 (RFC 9562 §5.5, SHA-1): the same namespace and name always give the same UUID.</summary>
public static class NameBasedUuid
{
    /// <summary>The RFC 9562 namespace for URLs (<c>6ba7b811-9dad-11d1-80b4-00c04fd430c8</c>).</summary>
    public static Guid UrlNamespace { get; } = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>The RFC 9562 namespace for DNS names (<c>6ba7b810-9dad-11d1-80b4-00c04fd430c8</c>).</summary>
    public static Guid DnsNamespace { get; } = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>The namespace of PublicCodePolicy SBOM identities: the v5 UUID of the product's SBOM documentation URL.</summary>
    public static Guid SbomNamespace { get; } = Create(UrlNamespace, "https://github.com/publiccodepolicy/publiccodepolicy/blob/main/docs/sbom.md");

    /// <summary>The v5 UUID of a UTF-8 name.</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Create(namespaceId, Encoding.UTF8.GetBytes(name));
    }

    /// <summary>The v5 UUID of a name given as bytes.</summary>
    public static Guid Create(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        Span<byte> ns = stackalloc byte[16];
        // RFC 9562 hashes the namespace in network byte order.
        if (!namespaceId.TryWriteBytes(ns, bigEndian: true, out _)) throw new InvalidOperationException("A GUID is 16 bytes.");
        var buffer = new byte[16 + name.Length];
        ns.CopyTo(buffer);
        name.CopyTo(buffer.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; it names, it does not protect.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The lower-case <c>8-4-4-4-12</c> form, as CycloneDX serial numbers require.</summary>
    public static string Format(Guid uuid) => uuid.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
