// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: Commune de Valmont
using NodaTime;
using Valmont.Domain;
using Xunit;

namespace Valmont.Tests;

public class ActeTests
{
    [Fact]
    public void Numero_EstConserve() => Assert.Equal("2026-0001", new ActeEtatCivil("2026-0001", "naissance", new LocalDate(2026, 1, 2), "Martin").Numero);
}
