// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: Commune de Valmont
using Newtonsoft.Json;
using NodaTime;
using Serilog;
using Valmont.Domain;

Log.Logger = new LoggerConfiguration().CreateLogger();
var acte = new ActeEtatCivil("2026-0001", "naissance", new LocalDate(2026, 1, 2), "Martin");
Console.WriteLine(JsonConvert.SerializeObject(acte));
