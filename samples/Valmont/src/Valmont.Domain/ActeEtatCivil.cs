// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: Commune de Valmont
using NodaTime;

namespace Valmont.Domain;

/// <summary>Un acte d'état civil (naissance, mariage, décès).</summary>
public sealed record ActeEtatCivil(string Numero, string Nature, LocalDate Date, string Nom);
