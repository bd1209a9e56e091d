// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: Commune de Valmont
using System.Globalization;
using CsvHelper;
using Valmont.Domain;

namespace Valmont.Data;

/// <summary>Exporte les actes au format CSV (données ouvertes).</summary>
public static class ExportCsv
{
    public static void Ecrire(IEnumerable<ActeEtatCivil> actes, TextWriter sortie)
    {
        using var csv = CsvWriter.Create(sortie, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteRecords(actes);
    }
}
