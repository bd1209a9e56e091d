// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using Microsoft.CodeAnalysis;

namespace PublicCodePolicy.Analyzers;

/// <summary>A fixed text (data, or a message of the shared parser) where a localisable string is expected.</summary>
internal sealed class LocalizableStringValue : LocalizableString
{
    private readonly string _value;

    public LocalizableStringValue(string value) => _value = value;

    protected override string GetText(IFormatProvider? formatProvider) => _value;

    protected override bool AreEqual(object? other) => other is LocalizableStringValue o && string.Equals(o._value, _value, StringComparison.Ordinal);

    protected override int GetHash() => StringComparer.Ordinal.GetHashCode(_value);
}
