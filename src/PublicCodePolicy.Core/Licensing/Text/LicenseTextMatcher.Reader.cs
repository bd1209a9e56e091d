// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PublicCodePolicy.Licensing.Text;

/// <summary>
/// Issue 12: reading licence files the way a careful reader does — named-licence statements, licence URLs inside the
/// text, <c>SPDX-License-Identifier</c> tags, documents made of sections, and full texts with harmless extras.
/// Every rule here concludes only when nothing in the text restricts the licence; see docs/licence-identification.md.
/// </summary>
public sealed partial class LicenseTextMatcher
{
    /// <summary>Largest text (significant words) read as a notice made of statements.</summary>
    public const int MaxStatementNoticeWords = 160;

    // A run of this many words found in the licence's own template (its appendix, its standard notice) is the
    // licence's own wording, not an extra.
    private const int OwnTextRun = 6;

    private const int MaxSectionIntroWords = 80;

    // How far after a statement whose licence it cannot name the URL that names it may be.
    private const int MaxWordsBeforeUrl = 16;
    private const int MaxSections = 16;
    private const int MaxSectionedWords = 8000;

    // Extra words that restrict, beyond s_restrictionWords: payment, evaluation, conditional grants, and French.
    private static readonly HashSet<string> s_moreRestrictionWords = new(StringComparer.Ordinal)
    {
        "if", "revenue", "purchase", "purchased", "subscription", "evaluation", "trial", "pricing", "paid", "noncommercial",
        "solely", "exclusively", "pas", "interdit", "interdite", "interdits", "interdites", "interdiction", "uniquement",
        "seulement", "sauf", "payant", "payante", "redevance", "réserve", "limite",
        // The French of the English list: obligations ("vous devez citer l'auteur", "doivent être reversées"), needs and
        // prior consent ("nécessite l'accord écrit", "soumise à autorisation préalable"), "commerciale(s)", "jamais"…
        "doit", "doivent", "devez", "devra", "devront", "devrez", "obligatoire", "obligatoirement", "obligation", "obligations",
        "exige", "exigent", "requiert", "requis", "requise", "nécessite", "nécessitent", "soumis", "soumise", "soumises",
        "préalable", "préalables", "commerciale", "commerciales", "militaire", "militaires", "jamais", "aucun", "aucune", "ni",
        "redevances", "payants", "payantes", "restreint", "restreinte", "excepté", "hormis",
        // Terms that are not free, named rather than stated: "parts of this package are proprietary", "see the EULA".
        "proprietary", "propriétaire", "propriétaires", "eula", "confidential", "exclusivement", "cgu", "cgv",
        // Terms that can be taken back or that end: "Acme may revoke this license", "this license expires after a year",
        // "version d'essai".
        "revoke", "revoked", "revocable", "revocation", "expire", "expires", "expired", "expiration", "expiry", "terminate",
        "terminates", "terminated", "termination", "révoquer", "révocable", "révocation", "résiliation", "résilier", "dessai",
        // Forms of "prohibited" and "forbidden", and a condition the user accepts: "Acme forbids resale", "resale is
        // disallowed", "use in weapons is barred", "you agree to cite the authors".
        "prohibit", "prohibits", "prohibiting", "prohibition", "forbid", "forbids", "forbidding", "disallow", "disallows",
        "disallowed", "ban", "bans", "banned", "barred", "agree", "agrees",
        // Use made to depend on something: "l'utilisation est conditionnée à la signature d'une convention".
        "conditionné", "conditionnée", "conditionnés", "conditionnées", "subordonné", "subordonnée", "subordonnés", "subordonnées",
        // Packages come from everywhere: the plainest restriction words of German, Spanish, Italian and Portuguese
        // ("Nur für den privaten Gebrauch", "Prohibido su uso comercial", "Vietato l'uso commerciale").
        "nicht", "nur", "verboten", "kommerziell", "kommerzielle", "kommerziellen", "ausschließlich", "gewerbliche",
        "prohibido", "prohibida", "únicamente", "solamente", "vietato", "vietata", "esclusivamente", "proibido", "proibida",
        "não", "apenas",
    };

    // Idioms made of restriction words that restrict nothing.
    private static readonly string[][] s_benignIdioms =
    {
        new[] { "but", "not", "limited", "to" }, new[] { "without", "any", "warranty" }, new[] { "without", "even", "the", "implied", "warranty" },
        new[] { "without", "warranty" }, new[] { "without", "warranties" }, new[] { "all", "rights", "reserved" }, new[] { "rights", "are", "reserved" },
        new[] { "aucune", "garantie" }, new[] { "aucune", "sorte" }, new[] { "daucune", "sorte" },
        // The law a licence is under, as the CeCILL header says it: "soumise au droit français".
        new[] { "soumise", "au", "droit", "français" }, new[] { "soumis", "au", "droit", "français" },
    };

    private static readonly string[][] s_sameTerms =
    {
        new[] { "under", "the", "same", "terms" }, new[] { "under", "the", "same", "license" }, new[] { "same", "terms", "as" },
    };

    private static readonly string[][] s_moreChoicePhrases = { new[] { "may", "choose" }, new[] { "multi", "licensed" }, new[] { "recipients", "may", "choose" } };

    private static readonly string[] s_paymentWords = { "purchase", "purchased", "subscription", "pricing", "fee", "fees", "paid", "price", "buy" };

    private LicenceStatementGrammar? _grammar;
    private readonly Dictionary<string, HashSet<long>> _ownText = new(StringComparer.Ordinal);
    private HashSet<long>? _allHeaderText;

    private LicenceStatementGrammar Grammar => LazyInitializer.EnsureInitialized(ref _grammar, () => new LicenceStatementGrammar(_tokenizer, LicenseList.Default, LoadAliases()))!;

    private static List<(string, string, string?)> LoadAliases()
    {
        using var doc = EmbeddedData.ReadJson("license-name-aliases.json");
        return doc.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("alias").GetString()!, i.GetProperty("family").GetString()!, i.TryGetProperty("version", out var v) ? v.GetString() : null))
            .ToList();
    }

    /// <summary>The named-licence statements of a text (for tests and the report).</summary>
    internal IReadOnlyList<LicenceStatement> Statements(string text) => Grammar.Find(_tokenizer.Tokenize(text));

    private static bool IsRestrictionWord(string w) => s_restrictionWords.Contains(w) || s_moreRestrictionWords.Contains(w) || IsContracted(w);

    // Words that restrict only in their context, so that a company's name or an ordinary sentence keeps its meaning
    // ("Cary, NC", "Educational Testing Service", "production ready", "until further notice", "Tous droits réservés").
    private static readonly HashSet<string> s_limitedUses = new(StringComparer.Ordinal)
    {
        "personal", "educational", "academic", "research", "production", "internal", "reference", "demonstration", "demo",
        "testing", "development", "learning", "profit", "nonprofit",
    };
    private static readonly HashSet<string> s_useNouns = new(StringComparer.Ordinal) { "use", "uses", "usage", "purpose", "purposes", "only", "environment", "environments" };
    // Who a gratis grant may be limited to ("free for open source projects", "free of charge for non-profits",
    // "free for students"): what the others get is not said.
    private static readonly HashSet<string> s_limitedAudiences = new(StringComparer.Ordinal)
    {
        "open", "oss", "non", "nonprofit", "nonprofits", "student", "students", "individual", "individuals", "education",
        "schools", "hobby", "hobbyist", "hobbyists", "private", "home", "small", "startups", "community", "evaluation",
        // French ("gratuit pour les associations", "gratuite pour un usage personnel", "pour les projets libres").
        "association", "associations", "particulier", "particuliers", "étudiant", "étudiants", "étudiante", "étudiantes",
        "élèves", "école", "écoles", "enseignement", "recherche", "personnel", "personnelle", "personnels", "personnelles",
        "privé", "privée", "privés", "privées", "interne", "internes", "éducatif", "éducative", "éducatifs", "éducatives",
        "pédagogique", "pédagogiques", "académique", "académiques", "collectivités", "administrations", "communes",
        "évaluation", "essai", "libre", "libres",
        // Customers and members: "licensed to Acme customers", "available to registered users", "réservé aux adhérents".
        "customer", "customers", "client", "clients", "subscriber", "subscribers", "member", "members", "registered", "paying",
        "membres", "adhérents", "adhérentes", "abonnés",
        // Staff and partners: "licensed to Acme employees", "available to Acme partners".
        "employee", "employees", "staff", "partner", "partners", "employés", "salariés", "agents", "partenaires",
        // Public bodies: "available to government agencies", "licensed to the City of Valmont", "gratuit pour les mairies".
        "government", "governments", "agency", "agencies", "sector", "city", "cities", "county", "counties", "municipality",
        "municipalities", "council", "councils", "department", "departments", "ministry", "ministries", "mairie", "mairies",
        "ville", "villes", "département", "départements", "région", "régions", "ministère", "ministères", "métropole",
        "agglomération",
    };

    // Words that grant, gratis or not, before whom the grant is for: "free for students", "permission is granted for use
    // in non-profit projects", "usage autorisé pour les associations".
    private static readonly HashSet<string> s_grantWords = new(StringComparer.Ordinal)
    {
        "free", "freely", "charge", "cost", "gratis", "gratuit", "gratuite", "gratuits", "gratuites", "gratuitement",
        "granted", "permitted", "allowed", "authorized", "authorised", "autorisé", "autorisée", "autorisés", "autorisées",
        "licensed", "available",
        // "Utilisation libre pour les collectivités adhérentes", "mise à disposition des communes membres".
        "libre", "disposition",
    };

    // Words between a grant word and the audience: "free of charge to", "free to use in", "free for use by all",
    // "gratuit pour les", "gratuite pour un usage", "gratuit pour tous les projets".
    private static readonly HashSet<string> s_audienceGlue = new(StringComparer.Ordinal)
    {
        "of", "charge", "available", "for", "to", "use", "used", "in", "by", "all", "any", "the", "our",
        "pour", "à", "au", "aux", "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "tous", "toutes", "usage", "usages",
        "utilization", "utilisations", "fins", "projet", "projets", "logiciels", "disponible",
    };
    // ("des" is "to the" after "à disposition".)
    private static readonly HashSet<string> s_audiencePrepositions = new(StringComparer.Ordinal) { "for", "to", "in", "by", "pour", "à", "au", "aux", "des" };

    // After the audience, "and"/"or" one of these widens it to everyone: "free for individuals and companies alike".
    private static readonly HashSet<string> s_everyone = new(StringComparer.Ordinal)
    {
        "closed", "proprietary", "commercial", "company", "companies", "business", "businesses", "enterprise", "enterprises",
        "corporate", "corporations", "everyone", "anyone", "all", "organizations", "organisations",
        "tous", "toutes", "tout", "entreprise", "entreprises", "sociétés", "professionnels", "commerciaux", "commerciale",
        "commerciales", "propriétaire", "propriétaires",
    };

    private static readonly HashSet<string> s_months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    // The restriction at words[i], as the words that make it (null if none): a restriction word; "NC" in "BY-NC"; a
    // limited use ("personal use", "for educational purposes", "usage personnel"); a grant for a limited audience ("free
    // for open source projects", "licensed to paying customers"); "with permission"; seat-based terms; "until" a date;
    // a licence or activation key; a service's terms of use; "réservée à(ux)", "limitée à(ux)"; a part licensed
    // separately; someone to contact before using the work.
    private static string? RestrictionAt(IReadOnlyList<string> words, int i)
    {
        var w = words[i];
        if (IsRestrictionWord(w)) return w;
        string? next = i + 1 < words.Count ? words[i + 1] : null;
        if (s_grantWords.Contains(w) && LimitedAudienceAfter(words, i) is { } audience) return string.Join(' ', words.Skip(i).Take(audience - i + 1));
        // Each case decides and words the restriction at once, so that the two cannot disagree.
        return w switch
        {
            "nc" => i > 0 && words[i - 1] == "by" ? "by nc" : null,
            // Someone else's work "used with permission": a permission to the author, none to the recipients.
            "permission" or "autorisation" or "lautorisation" => i > 0 && words[i - 1] is "with" or "avec" or "for" ? words[i - 1] + " " + w : null,
            // Seat-based terms: "licensed for use on a single machine", "per developer seat".
            "single" or "per" => next is "machine" or "machines" or "computer" or "user" or "developer" or "seat" or "seats" or "server" or "device" or "cpu" or "core"
                ? w + " " + next : null,
            // French negation without "pas", and leave to be asked: "le logo ne peut être utilisé sans autorisation".
            "ne" => next is "peut" or "peuvent" or "pouvez" or "pourra" or "pourront" or "saurait" or "sauraient" ? w + " " + next : null,
            "sans" => next is "autorisation" or "lautorisation" or "accord" or "laccord" or "permission" or "consentement" ? w + " " + next : null,
            // "Use is limited to the Department" ("including but not limited to" is a harmless idiom, read out first).
            "limited" => next == "to" ? "limited to" : null,
            "until" => next is { Length: > 0 } && (next.All(char.IsAsciiDigit) || s_months.Contains(next)) ? w + " " + next : null,
            "license" or "product" or "activation" => next is "key" or "keys" ? w + " " + next : null,
            // A service's terms named as the terms of the software: "subject to the Acme Terms of Service".
            "terms" => next == "of" && i + 2 < words.Count && words[i + 2] is "service" or "use" ? "terms of " + words[i + 2] : null,
            // A part under terms given elsewhere, like "under their own license": "the logo is licensed separately",
            // "software licensed from Acme under a separate agreement", "une licence distincte".
            "separately" => i > 0 && s_licensedWords.Contains(words[i - 1]) ? words[i - 1] + " " + w
                : next != null && s_licensedWords.Contains(next) ? w + " " + next : null,
            "separate" => next is "license" or "licenses" or "licensing" or "agreement" or "agreements" or "terms" or "contract" ? w + " " + next : null,
            "séparé" or "séparée" or "séparés" or "séparées" or "distinct" or "distincte" or "distincts" or "distinctes" =>
                i > 0 && words[i - 1] is "license" or "licenses" or "contrat" or "accord" or "termes" ? words[i - 1] + " " + w : null,
            // Terms added to the licence or a licence changed: "MIT License with additional terms", "a modified MIT
            // license" ("the Modified BSD License" is a name of BSD-3-Clause), "conditions supplémentaires".
            "additional" or "supplementary" or "supplemental" => next is "term" or "terms" or "clause" or "clauses" or "provisions" or "requirements"
                ? w + " " + next : null,
            "supplémentaires" or "additionnelles" or "additionnels" => i > 0 && words[i - 1] is "conditions" or "clauses" or "termes" or "dispositions"
                ? words[i - 1] + " " + w : null,
            "modified" or "modifiée" or "modifié" => next != "bsd" && NearLicenseWord(words, i) ? w : null,
            // Rights kept back: "reproduction reserved to the Ministry" ("all rights reserved" keeps nothing back from the
            // licence it stands beside), "we reserve the right to change these terms".
            "reserved" => next is "to" or "for" && (i == 0 || words[i - 1] is not ("rights" or "right")) ? w + " " + next : null,
            "reserve" or "reserves" => next == "the" && i + 2 < words.Count && words[i + 2] is "right" or "rights" ? w + " the " + words[i + 2] : null,
            // Terms of a private agreement: "in accordance with your agreement with Acme", "selon votre contrat", "dans le
            // cadre d'une convention" ("par convention", "the Berne Convention" are no agreement).
            "agreement" or "agreements" or "contract" or "contrat" or "accord" =>
                i > 0 && words[i - 1] is "your" or "our" or "written" or "signed" or "votre" or "notre" ? words[i - 1] + " " + w : null,
            "convention" or "conventions" => i > 0 && words[i - 1] is "une" or "dune" or "la" or "cette" or "ces" or "sa" or "leur" or "leurs"
                or "votre" or "vos" or "notre" or "nos" ? words[i - 1] + " " + w : null,
            // Someone to reach before using or passing the work on: "contact sales@acme.example before redistributing",
            // "merci de contacter l'auteur avant toute utilisation". A free licence asks no one's leave.
            _ when s_askFirstWords.Contains(w) => BeforeAfter(words, i) is { } before ? string.Join(' ', words.Skip(i).Take(before - i + 1)) : null,
            _ when s_frenchUseNouns.Contains(w) => FrenchLimitedUseAfter(words, i) is { } limit ? w + " " + limit : null,
            _ => (s_limitedUses.Contains(w) && next != null && s_useNouns.Contains(next))
                || ((w.StartsWith("réservé", StringComparison.Ordinal) || w.StartsWith("limité", StringComparison.Ordinal)) && next is "à" or "a" or "au" or "aux")
                ? w + " " + next : null,
        };
    }

    // "License" within three words of words[i], either side.
    private static bool NearLicenseWord(IReadOnlyList<string> words, int i)
    {
        for (int j = Math.Max(0, i - 3); j < words.Count && j <= i + 3; j++)
        {
            if (words[j] is "license" or "licenses") return true;
        }
        return false;
    }

    private static readonly HashSet<string> s_licensedWords = new(StringComparer.Ordinal) { "licensed", "licenced", "licensable" };

    private static readonly HashSet<string> s_askFirstWords = new(StringComparer.Ordinal)
    {
        "contact", "contacting", "notify", "notifying", "inform", "informing", "ask", "asking",
        "contacter", "contactez", "prévenir", "prévenez", "informer", "informez", "demander", "demandez",
    };

    // Where "before" ("prior to", "avant", "préalablement") follows the asking word at words[i] within ten words (an
    // address, who is asked: "we ask that you get in touch with the project team before"), or null.
    private static int? BeforeAfter(IReadOnlyList<string> words, int i)
    {
        for (int j = i + 1; j < words.Count && j <= i + 10; j++)
        {
            if (words[j] is "before" or "prior" or "avant" or "préalablement") return j;
        }
        return null;
    }

    // French puts the limit after the noun: "usage personnel", "utilisation interne", "à des fins de recherche",
    // "fins pédagogiques". ("utilisation" reads as "utilization": the SPDX list makes the spellings equivalent.)
    private static readonly HashSet<string> s_frenchUseNouns = new(StringComparer.Ordinal) { "usage", "usages", "utilization", "utilisations", "fins" };
    private static readonly HashSet<string> s_frenchLimitedUses = new(StringComparer.Ordinal)
    {
        "personnel", "personnelle", "personnels", "personnelles", "privé", "privée", "privés", "privées", "interne", "internes",
        "éducatif", "éducative", "éducatifs", "éducatives", "pédagogique", "pédagogiques", "académique", "académiques",
        "recherche", "évaluation", "essai",
        // "usage réservé", "usage exclusif de la Ville".
        "réservé", "réservée", "réservés", "réservées", "exclusif", "exclusive", "exclusifs", "exclusives",
    };

    // The word that limits the French noun of use at words[i] ("personnel", "de recherche"), or null.
    private static string? FrenchLimitedUseAfter(IReadOnlyList<string> words, int i)
    {
        int j = i + 1;
        if (j < words.Count && words[j] is "de" or "d") j++;
        return j < words.Count && s_frenchLimitedUses.Contains(words[j]) ? string.Join(' ', words.Skip(i + 1).Take(j - i)) : null;
    }

    // Where the limited audience of the grant word at words[i] is ("free for open source projects", "free of charge to
    // non-profits", "free to use in student projects", "licensed to Acme employees"), or null: glue words only between
    // them, one a preposition, but for a name of one or two words right before the audience, and no wider audience
    // joined to it ("free for open and closed source projects").
    private static int? LimitedAudienceAfter(IReadOnlyList<string> words, int i)
    {
        bool preposition = false;
        int named = 0;
        for (int j = i + 1; j < words.Count && j <= i + 6; j++)
        {
            var x = words[j];
            if (preposition && IsLimitedAudience(x))
            {
                for (int k = j + 1; k < words.Count && k <= j + 3; k++)
                {
                    if (words[k] is "and" or "or" or "et" or "ou" && k + 1 < words.Count && EveryoneAfter(words, k + 1)) return null;
                }
                return j;
            }
            if (!s_audienceGlue.Contains(x))
            {
                // A name of one or two words right before the audience: "licensed to Acme employees", "available to
                // Acme Corp partners".
                bool audienceNext = j + 1 < words.Count && IsLimitedAudience(words[j + 1]);
                bool audienceAfterNext = named == 0 && j + 2 < words.Count && IsLimitedAudience(words[j + 2]);
                if (!preposition || named == 2 || !(audienceNext || audienceAfterNext)) return null;
                named++;
                continue;
            }
            preposition |= s_audiencePrepositions.Contains(x);
        }
        return null;
    }

    private static bool IsLimitedAudience(string w)
        => s_limitedAudiences.Contains(w) || Unelide(w, 4, static r => s_limitedAudiences.Contains(r)) != null || s_limitedUses.Contains(w);

    // The word a French elision was joined to by the tokenizer ("lexception" → "exception", "lenseignement" →
    // "enseignement"), when it has at least minLength letters and is known; else null.
    private static string? Unelide(string w, int minLength, Predicate<string> known)
    {
        foreach (var e in s_elisions)
        {
            if (w.Length < e.Length + minLength || !w.StartsWith(e, StringComparison.Ordinal)) continue;
            var rest = w[e.Length..];
            if (known(rest)) return rest;
        }
        return null;
    }

    // Everyone, right after "and"/"or", or after a French article: "and companies", "et les entreprises".
    private static bool EveryoneAfter(IReadOnlyList<string> words, int k)
    {
        if (words[k] is "les" or "des" or "aux" or "the" && k + 1 < words.Count) k++;
        return s_everyone.Contains(words[k]);
    }

    private static string? FirstRestriction(IReadOnlyList<string> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (RestrictionAt(words, i) is { } found) return found;
        }
        return null;
    }

    // French elisions: the tokenizer reads "l'exception" as one word, "lexception", which must still count.
    private static readonly string[] s_elisions = { "qu", "l", "d", "n", "j", "s", "c", "m", "t" };

    // English negative contractions ("can't" is read "cant"), "don't" aside: "dont" is a common French word.
    private static readonly HashSet<string> s_negativeContractions = new(StringComparer.Ordinal)
    {
        "cant", "wont", "mustnt", "shant", "shouldnt", "isnt", "arent", "doesnt", "didnt", "neednt", "maynt", "couldnt", "wouldnt",
    };

    private static bool IsContracted(string w)
    {
        // Only long restriction words: "s" + "not" must not make "snot" a restriction.
        return s_negativeContractions.Contains(w)
            || Unelide(w, 5, static rest => s_restrictionWords.Contains(rest) || s_moreRestrictionWords.Contains(rest)) != null;
    }

    // The first restriction word among words read in order, once benign idioms are taken out.
    private static string? FindRestriction(List<string> words)
    {
        var rest = words;
        foreach (var idiom in s_benignIdioms) rest = RemovePhrase(rest, idiom);
        return FirstRestriction(rest);
    }

    private static long RunHash(IReadOnlyList<int> ids, int start)
    {
        long h = 17;
        for (int k = 0; k < OwnTextRun; k++) h = unchecked((h * 1_000_003) + ids[start + k]);
        return h;
    }

    private static HashSet<long> Runs(int[] words)
    {
        var set = new HashSet<long>();
        for (int i = 0; i + OwnTextRun <= words.Length; i++) set.Add(RunHash(words, i));
        return set;
    }

    private HashSet<long> OwnTextOf(string id)
    {
        lock (_ownText)
        {
            if (_ownText.TryGetValue(id, out var set)) return set;
            set = new HashSet<long>();
            foreach (var t in _texts.Concat(_headers).Where(t => string.Equals(t.Id, id, StringComparison.Ordinal))) set.UnionWith(Runs(t.AllWords));
            _ownText[id] = set;
            return set;
        }
    }

    private HashSet<long> AllHeaderText()
    {
        lock (_ownText)
        {
            if (_allHeaderText != null) return _allHeaderText;
            var set = new HashSet<long>();
            foreach (var h in _headers) set.UnionWith(Runs(h.AllWords));
            return _allHeaderText = set;
        }
    }

    // Marks the words (outside what is already explained) that belong to runs of the given own text.
    private static void MarkOwnText(bool[] explained, TokenizedText tokens, int[] ids, HashSet<long> own)
    {
        if (own.Count == 0) return;
        var positions = new List<int>();
        for (int i = 0; i < tokens.Count; i++) if (!explained[i] && !tokens.Skippable[i]) positions.Add(i);
        var seq = positions.Select(p => ids[p]).ToArray();
        for (int k = 0; k + OwnTextRun <= seq.Length; k++)
        {
            bool known = true;
            for (int j = 0; j < OwnTextRun && known; j++) known = seq[k + j] >= 0;
            if (!known || !own.Contains(RunHash(seq, k))) continue;
            for (int j = 0; j < OwnTextRun; j++) explained[positions[k + j]] = true;
        }
    }

    private sealed record TextUrl(int StartWord, int EndWord, string Url, string? License);

    private List<TextUrl> Urls(TokenizedText tokens)
    {
        var result = new List<TextUrl>();
        foreach (Match m in UrlPattern().Matches(tokens.Source))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', ']', '>', '*', '_');
            int end = m.Index + url.Length;
            int first = -1, last = -1;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens.Starts[i] >= m.Index && tokens.Ends[i] <= end)
                {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            if (first < 0) continue;
            result.Add(new TextUrl(first, last + 1, url, LicenseUrlTable.Default.Find(url)?.License));
        }
        return result;
    }

    // Lines following a copyright line up to the end of its paragraph: the rest of the holders' list.
    private static bool[] CopyrightBlocks(TokenizedText tokens)
    {
        var block = new bool[tokens.Count];
        bool inBlock = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && ParagraphBreak(tokens, i)) inBlock = false;
            if (tokens.Skippable[i] && tokens.LineStarts[i]) inBlock = true;
            else if (inBlock && !tokens.Skippable[i]) block[i] = true;
        }
        return block;
    }

    private static bool ParagraphBreak(TokenizedText tokens, int i)
    {
        var gap = tokens.GapBefore(i);
        int newlines = 0;
        foreach (char c in gap)
        {
            if (c == '\n') newlines++;
            else if (!char.IsWhiteSpace(c) && c != '>') newlines = 0;
            if (newlines >= 2) return true;
        }
        return false;
    }

    // Sentences saying bundled parts come "under the same terms": attribution, not a condition.
    private static void MarkSameTerms(bool[] benign, TokenizedText tokens)
    {
        int sentenceStart = 0;
        for (int i = 0; i <= tokens.Count; i++)
        {
            bool end = i == tokens.Count || (i > 0 && SentenceBreak(tokens, i));
            if (!end) continue;
            var words = tokens.Words.Skip(sentenceStart).Take(i - sentenceStart).ToList();
            if (s_sameTerms.Any(p => IndexOf(words, p) >= 0))
            {
                for (int k = sentenceStart; k < i; k++) benign[k] = true;
            }
            sentenceStart = i;
        }
    }

    // Words that address the licensee or grant, refuse or condition an act: a sentence holding one may restrict.
    private static readonly HashSet<string> s_licenseeWords = new(StringComparer.Ordinal)
    {
        "may", "might", "must", "shall", "should", "can", "cannot", "could", "you", "your", "yours", "licensee", "licensees", "user",
        "users", "recipient", "recipients", "permit", "permits", "permitted", "permission", "allow", "allows", "allowed", "authorized",
        "authorised", "prohibit", "prohibits", "grant", "granted",
    };

    // Beyond those, words that make a sentence more than a statement of past fact: the future, intent, and the acts a
    // licence governs.
    private static readonly HashSet<string> s_notFactWords = new(StringComparer.Ordinal)
    {
        "will", "would", "licensed", "use", "uses", "using", "copy", "modify", "distribute", "redistribute", "redistribution", "sell",
        "resale", "sublicense", "intended", "meant", "designed", "purpose", "purposes",
    };

    // Negations, the only restriction words a statement of fact may hold ("No code of customer projects was used").
    private static readonly HashSet<string> s_negations = new(StringComparer.Ordinal) { "no", "not", "nor", "never", "without" };

    // Nouns naming another work's licence terms ("the license and restrictions which apply to that software").
    private static readonly HashSet<string> s_termNouns = new(StringComparer.Ordinal) { "restriction", "restrictions", "restrict", "restricted", "condition", "conditions" };

    private static readonly string[] s_thirdPartyMarkers = { "third party", "third parties", "thirdparty" };

    private static readonly string[] s_otherWorkReferences = { "that software", "such software", "such code", "that code", "those components", "such components", "that component" };

    // In a sentence about other code, every word naming a work must be one of "that software", "such code", "third
    // party software": "… also apply to the Software" or "… to the LLVM Project" speaks of this work.
    private static readonly HashSet<string> s_workNouns = new(StringComparer.Ordinal)
    {
        "software", "code", "project", "projects", "work", "works", "program", "programs", "library", "libraries", "package", "packages",
        "product", "products", "component", "components", "module", "modules",
    };

    private static readonly HashSet<string> s_otherWorkDeterminers = new(StringComparer.Ordinal) { "that", "such", "those", "party", "parties", "thirdparty" };

    private static readonly string[] s_ownTermsPhrases =
    {
        "different license terms", "different license", "different licenses", "its own license", "their own license", "their own licenses",
        "own license file", "separately licensed", "licensed separately", "separate license", "separate licenses", "separate terms",
        "respective license", "respective licenses",
    };

    // Sentences that hold a restriction word yet restrict nothing of this work (issue 12, docs/licence-identification.md):
    // - a statement of fact about the work's origin: past tense ("was", "were", "been"), negations as its only
    //   restriction words, and no word addressed to the licensee or naming an act the licence governs;
    // - a paragraph about third-party code that it says is under its own, different terms, whose restriction words
    //   ("restrictions", "conditions") speak of that code ("that software"), never of this work ("this", "the
    //   Software", "the LLVM Project").
    // Each flag marks every word of such a sentence, so the words can be left out of the restriction check.
    private (bool[] Factual, bool[] ThirdParty) BenignSentences(TokenizedText tokens)
    {
        var factual = new bool[tokens.Count];
        var thirdParty = new bool[tokens.Count];
        var markers = s_thirdPartyMarkers.Select(_tokenizer.Words).ToArray();
        var references = s_otherWorkReferences.Select(_tokenizer.Words).ToArray();
        var ownTerms = s_ownTermsPhrases.Select(_tokenizer.Words).ToArray();
        int paragraphStart = 0;
        for (int p = 1; p <= tokens.Count; p++)
        {
            if (p < tokens.Count && !ParagraphBreak(tokens, p)) continue;
            var sentences = new List<(int Start, int End)>();
            int start = paragraphStart;
            for (int i = paragraphStart + 1; i <= p; i++)
            {
                if (i < p && !SentenceBreak(tokens, i) && !LineAfterColon(tokens, i)) continue;
                sentences.Add((start, i));
                start = i;
            }
            var paragraph = tokens.Words.Skip(paragraphStart).Take(p - paragraphStart).ToList();
            bool aboutOthers = markers.Any(m => IndexOf(paragraph, m) >= 0) && ownTerms.Any(m => IndexOf(paragraph, m) >= 0);
            bool allOthers = aboutOthers;
            foreach (var (s, e) in sentences)
            {
                var words = tokens.Words.Skip(s).Take(e - s).ToList();
                // "Separately licensed", "a separate license": in a paragraph about other code, what says its terms are its own.
                var own = aboutOthers ? Occurrences(words, ownTerms) : null;
                var restricting = Enumerable.Range(0, words.Count).Where(k => own?[k] != true && RestrictionAt(words, k) != null).Select(k => words[k]).ToList();
                bool addressed = words.Any(s_licenseeWords.Contains);
                if (restricting.Count > 0 && !addressed && !words.Any(s_notFactWords.Contains) && restricting.All(s_negations.Contains)
                    && words.Any(w => w is "was" or "were" or "been"))
                {
                    for (int k = s; k < e; k++) factual[k] = true;
                }
                if (allOthers && restricting.Count > 0)
                {
                    bool speaksOfOthers = markers.Concat(references).Any(m => IndexOf(words, m) >= 0);
                    bool onlyOthers = Enumerable.Range(0, words.Count).All(k => !s_workNouns.Contains(words[k]) || (k > 0 && s_otherWorkDeterminers.Contains(words[k - 1])));
                    allOthers = speaksOfOthers && onlyOthers && !addressed && !words.Contains("this") && restricting.All(s_termNouns.Contains);
                }
            }
            if (allOthers)
            {
                for (int k = paragraphStart; k < p; k++) thirdParty[k] = true;
            }
            paragraphStart = p;
        }
        return (factual, thirdParty);
    }

    // Which words belong to an occurrence of one of the phrases.
    private static bool[] Occurrences(List<string> words, string[][] phrases)
    {
        var found = new bool[words.Count];
        foreach (var phrase in phrases)
        {
            for (int at = IndexOf(words, phrase); at >= 0; at = IndexOf(words, phrase, at + 1))
            {
                for (int k = 0; k < phrase.Length; k++) found[at + k] = true;
            }
        }
        return found;
    }

    // "Software from third parties:" then a new line: a heading or an introduction, read apart from what follows.
    private static bool LineAfterColon(TokenizedText tokens, int i)
    {
        var gap = tokens.GapBefore(i);
        int colon = gap.IndexOf(':');
        return colon >= 0 && gap.Slice(colon).Contains('\n');
    }

    private static bool SentenceBreak(TokenizedText tokens, int i)
    {
        var gap = tokens.GapBefore(i);
        return (gap.Contains('.') && gap.IndexOfAny(" \n") >= 0) || ParagraphBreak(tokens, i);
    }

    private LicenseTextAnalysis? ConcludeWithExtras(List<LicenseTextRegion> regions, TokenizedText tokens, int[] ids, HashSet<long> bigrams, int significant)
    {
        var explained = new bool[tokens.Count];
        foreach (var r in regions) for (int i = r.StartWord; i < r.EndWord; i++) explained[i] = true;
        var all = new List<LicenseTextRegion>(regions);
        var notes = new List<string>();

        // A standard notice elsewhere in the text: the same licence restated by its author, or a second licence.
        foreach (var h in FindRegions(_headers, tokens, ids, bigrams))
        {
            if (all.Any(r => h.StartWord < r.EndWord && r.StartWord < h.EndWord)) continue;
            for (int i = h.StartWord; i < h.EndWord; i++) explained[i] = true;
            bool same = regions.Any(r => SameLicence(r.Id, h.Id));
            notes.Add(same ? "the standard notice of " + h.Id + " restates it" : "the standard notice of " + h.Id + " adds it");
            if (!same) all.Add(h with { });
        }
        foreach (var id in all.Select(r => r.Id).Distinct(StringComparer.Ordinal)) MarkOwnText(explained, tokens, ids, OwnTextOf(id));

        // Statements outside the texts: the author's own "either version 3 … or (at your option) any later version".
        bool orLater = false;
        foreach (var s in Grammar.Find(tokens))
        {
            if (explained[Math.Min(s.Start, tokens.Count - 1)] && InRegion(s.Start, regions)) continue;
            int statementEnd = s.End;
            if (s.Modified)
            {
                // "under the Apache License v2.0 with LLVM Exceptions" above the LLVM-exception text itself: the
                // modification is that exception, matched in full. Any other modification proves nothing.
                statementEnd = NamedExceptionEnd(tokens, s, regions);
                if (statementEnd < 0) return null;
            }
            if (s.Id == null)
            {
                // "The icons are licensed under the Apache License": another licence, of a version the text does not
                // say (Apache-1.0 is not OSI-approved, Apache-2.0 is). What it covers cannot be concluded.
                if (NamesAnotherFamily(tokens, s, all)) return null;
                continue;
            }
            if (!all.Any(r => SameLicence(r.Id, s.Id)))
            {
                all.Add(new LicenseTextRegion(s.Id, false, s.Start, s.End, Array.Empty<string>()));
                notes.Add("a statement names " + s.Id);
            }
            else if (s.OrLater && !PlaceholderNotice(tokens))
            {
                orLater = true;
            }
            for (int i = s.Start; i < statementEnd; i++) explained[i] = true;
        }
        // "The icons are licensed under a proprietary license", "… under CC BY-NC": a licence the reader cannot name
        // covers part of the work. It is not a title: nothing is concluded.
        var (factual, thirdParty) = BenignSentences(tokens);
        if (Grammar.FindUnnamed(tokens).Any(u => NamesAnUnreadLicence(u, regions, thirdParty))) return null;
        var urls = Urls(tokens);
        foreach (var u in urls)
        {
            if (u.License != null && !all.Any(r => SameLicence(r.Id, u.License))) return null;
            for (int i = u.StartWord; i < u.EndWord; i++) explained[i] = true;
        }

        var holders = CopyrightBlocks(tokens);
        var sameTerms = new bool[tokens.Count];
        MarkSameTerms(sameTerms, tokens);
        var scope = new List<string>();
        var unexplained = new List<string>();
        int holderWords = 0, sameTermWords = 0, factualWords = 0, thirdPartyWords = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (explained[i]) continue;
            if (thirdParty[i] || factual[i])
            {
                // Not this work's terms: kept out of the restriction check and counted in the note.
                if (tokens.Skippable[i]) continue;
                if (thirdParty[i]) thirdPartyWords++;
                else factualWords++;
                continue;
            }
            scope.Add(tokens.Words[i]);
            if (tokens.Skippable[i]) continue;
            if (holders[i]) holderWords++;
            else if (sameTerms[i]) sameTermWords++;
            else unexplained.Add(tokens.Words[i]);
        }
        if (FindRestriction(scope) != null) return null;
        // A second licence named among the extras, trigger or not ("Icons: CC BY 4.0"): what share of the work it covers,
        // the text does not say.
        if (UnstatedLicences(tokens, i => !explained[i] && !thirdParty[i] && !factual[i], all.Select(r => r.Id)).Any()) return null;
        if (holderWords > 0) notes.Add(holderWords.ToString(CultureInfo.InvariantCulture) + " words continue the copyright holders' list");
        if (sameTermWords > 0) notes.Add(sameTermWords.ToString(CultureInfo.InvariantCulture) + " words say bundled parts come under the same terms");
        if (thirdPartyWords > 0) notes.Add(thirdPartyWords.ToString(CultureInfo.InvariantCulture) + " words describe third-party code under its own, separate licence terms");
        if (factualWords > 0) notes.Add(factualWords.ToString(CultureInfo.InvariantCulture) + " words state facts about the work's origin, with no condition");
        if (unexplained.Count > 0) notes.Add(unexplained.Count.ToString(CultureInfo.InvariantCulture) + " other words (\"" + Excerpt(unexplained) + "\")");
        if (orLater)
        {
            all = all.Select(r => r.Id.EndsWith("-only", StringComparison.Ordinal) && r.Alternatives.Contains(r.Id[..^5] + "-or-later")
                ? r with { Id = r.Id[..^5] + "-or-later", Alternatives = r.Alternatives.Where(x => x != r.Id[..^5] + "-or-later").ToArray() } : r).ToList();
            notes.Add("the author's notice grants \"any later version\"");
        }
        all.Sort((a, b) => a.StartWord.CompareTo(b.StartWord));
        // Words explained as the licence's own wording (its appendix, its standard notice) leave nothing to say.
        return Conclude(all, tokens, significant, notice: false, unexplained, notes.Count == 0 ? null : "extra text: " + string.Join("; ", notes));
    }

    // A statement outside the texts that names another licence (with or without a version), or grants "any later
    // version" of the one found; or another licence named there, statement or not.
    private bool StatesMoreThanTheTexts(TokenizedText tokens, IReadOnlyList<LicenseTextRegion> regions)
        => Grammar.Find(tokens).Any(s => !InRegion(s.Start, regions)
            && (s.Id != null ? s.OrLater || !regions.Any(r => SameLicence(r.Id, s.Id)) : NamesAnotherFamily(tokens, s, regions)))
            || Grammar.FindUnnamed(tokens).Any(u => NamesAnUnreadLicence(u, regions))
            || UnstatedLicences(tokens, i => !InRegion(i, regions), regions.Select(r => r.Id)).Any();

    // Licences named (with their version, or in two words or more) at words the filter keeps, other than the given ones.
    private IEnumerable<LicenceStatement> UnstatedLicences(TokenizedText tokens, Func<int, bool> at, IEnumerable<string> stated)
        => Grammar.FindNames(tokens).Where(n => at(n.Start) && !stated.Any(id => SameLicence(id, n.Id!)));

    // Why a text is left unconcluded, for its note: the words of the first statement outside the texts that names a
    // licence the reader cannot fix (one it cannot name, a family without its version, a second licence stated
    // without a verb) and what that licence is to the reader; null if none.
    private string? UnreadStatement(TokenizedText tokens, IReadOnlyList<LicenseTextRegion> regions)
    {
        var (_, thirdParty) = BenignSentences(tokens);
        int start = -1, end = -1;
        string? id = null;
        foreach (var u in Grammar.FindUnnamed(tokens))
        {
            if (!NamesAnUnreadLicence(u, regions, thirdParty)) continue;
            (start, end, id) = (u.Start, u.End, u.Id);
            break;
        }
        var statements = Grammar.Find(tokens);
        foreach (var s in statements)
        {
            if (start >= 0 && s.Start >= start) break;
            if (InRegion(s.Start, regions) || !NamesAnotherFamily(tokens, s, regions)) continue;
            (start, end, id) = (s.Start, s.End, null);
            break;
        }
        if (start < 0)
        {
            // A second licence named outside any statement: "Icons from Font Awesome (CC BY 4.0)".
            var stated = regions.Select(r => r.Id).Concat(statements.Where(s => s.Id != null).Select(s => s.Id!)).ToList();
            var name = UnstatedLicences(tokens, i => !InRegion(i, regions) && !statements.Any(s => i >= s.Start && i < s.End) && !(i < thirdParty.Length && thirdParty[i]), stated).FirstOrDefault();
            if (name != null) (start, end, id) = (name.Start, name.End, name.Id);
        }
        if (start < 0 || end <= start) return null;
        return "\"" + tokens.Source[tokens.Starts[start]..tokens.Ends[end - 1]].ReplaceLineEndings(" ") + "\", "
            + (id != null ? "a second licence (" + id + ") whose share of the work it cannot tell" : "a licence it does not name exactly");
    }

    // Whether a word lies inside one of the licence texts found.
    private static bool InRegion(int word, IEnumerable<LicenseTextRegion> regions) => regions.Any(r => word >= r.StartWord && word < r.EndWord);

    // An unnamed licence statement outside the texts, unless it names a licence found in full (a statement without
    // its verb: "use it under the MIT licence" above the MIT text), its name spells the family of one ("a Creative
    // Commons Attribution-NoDerivatives 4.0 license" above the CC-BY-ND-4.0 text: CC-BY read, then "ND"), or, outside
    // the regions, it is in a paragraph about third-party code under its own terms.
    private static bool NamesAnUnreadLicence(UnnamedLicenceStatement u, IEnumerable<LicenseTextRegion> regions, bool[]? thirdParty = null)
        => !InRegion(u.Start, regions)
            && !(u.Id != null && regions.Any(r => SameLicence(r.Id, u.Id)))
            && !(thirdParty != null && u.Start < thirdParty.Length && thirdParty[u.Start])
            && (u.Family == null || string.IsNullOrEmpty(u.Continuation)
                || !regions.Any(r => string.Equals(LicenceStatementGrammar.FamilyOf(r.Id), u.Family + "-" + u.Continuation, StringComparison.OrdinalIgnoreCase)));

    // A statement naming, without a version, a family none of the texts found belongs to ("The icons are licensed under
    // the Apache License."). Only a whole name counts (LicenceStatementGrammar.IsWholeName). In "a
    // GPL-compatible licence" or "Creative Commons Attribution-NoDerivatives 4.0" the grammar read only the start of a
    // longer name.
    private static bool NamesAnotherFamily(TokenizedText tokens, LicenceStatement s, IEnumerable<LicenseTextRegion> regions)
    {
        if (s.Id != null || !LicenceStatementGrammar.IsWholeName(tokens, s)) return false;
        // The text's family, or a longer one starting with it (CC-BY-ND for "Creative Commons Attribution").
        return !regions.Any(r =>
        {
            var family = LicenceStatementGrammar.FamilyOf(r.Id);
            return family == s.Family || family.StartsWith(s.Family + "-", StringComparison.Ordinal);
        });
    }

    // Where "with <name> exception(s)" ends, when a statement of a licence found in full is followed by the name of an
    // exception whose full text the document also holds (the licence it modifies being that statement's); else -1.
    private int NamedExceptionEnd(TokenizedText tokens, LicenceStatement s, IReadOnlyList<LicenseTextRegion> regions)
    {
        if (s.Id == null || s.End >= tokens.Count || tokens.Words[s.End] != "with") return -1;
        if (!regions.Any(r => !r.IsException && SameLicence(r.Id, s.Id))) return -1;
        foreach (var r in regions.Where(r => r.IsException))
        {
            var name = _tokenizer.Words(r.Id).TakeWhile(w => w != "exception").ToArray();
            int at = s.End + 1;
            if (name.Length == 0 || at + name.Length >= tokens.Count) continue;
            bool same = true;
            for (int k = 0; k < name.Length && same; k++) same = tokens.Words[at + k] == name[k];
            if (same && tokens.Words[at + name.Length] is "exception" or "exceptions") return at + name.Length + 1;
        }
        return -1;
    }

    // A text that names a licence in a statement ("Le code du DSFR est sous licence Etalab 2.0, mais …") yet could not
    // be concluded: NOASSERTION, with a note naming the licence, the statement and the first restriction word, so a
    // person sees what to review. The score is the share of the text the statements explain: a hint, not a match.
    private LicenseTextAnalysis? NamedButNotConcluded(TokenizedText tokens, int significant)
    {
        if (significant == 0) return null;
        var named = Grammar.Find(tokens).Where(s => s.Id != null).ToList();
        if (named.Count == 0) return null;
        var ids = named.Select(s => s.Id!).Distinct(StringComparer.Ordinal).ToList();
        var first = named[0];
        int covered = named.Sum(s => s.End - s.Start);
        var restriction = FindRestriction(tokens.Words.ToList());
        var unread = restriction == null ? UnreadStatement(tokens, Array.Empty<LicenseTextRegion>()) : null;
        return new LicenseTextAnalysis
        {
            Kind = LicenseTextMatchKind.None,
            Expression = SpdxExpression.NoAssertion,
            WordCount = significant,
            UnmatchedWordCount = Math.Max(0, significant - covered),
            Score = Math.Round(Math.Min(covered, significant) / (double)significant, 3),
            Note = "The text names " + string.Join(", ", ids) + " (\"" + tokens.Source.Substring(tokens.Starts[first.Start], tokens.Ends[first.End - 1] - tokens.Starts[first.Start]).ReplaceLineEndings(" ")
                + "\") but also holds " + Math.Max(0, significant - covered).ToString(CultureInfo.InvariantCulture) + " other words"
                + (restriction != null ? ", among them '" + restriction + "', which may restrict the licence" : unread != null ? ", among them " + unread : string.Empty) + "; nothing is concluded.",
        };
    }

    private static string Excerpt(List<string> words) => string.Join(' ', words.Take(12)) + (words.Count > 12 ? " …" : string.Empty);

    // "one line to give the program's name": the GNU appendix left as a template says nothing about this work.
    private static bool PlaceholderNotice(TokenizedText tokens) => IndexOf(tokens.Words, new[] { "one", "line", "to", "give", "the" }) >= 0;

    // The same licence, whatever its qualifier: GPL-3.0-only, GPL-3.0-or-later and GPL-3.0+ (not GPL-2.0: for the
    // family as statements name it, see LicenceStatementGrammar.FamilyOf).
    private static bool SameLicence(string a, string b) => string.Equals(WithoutQualifier(a), WithoutQualifier(b), StringComparison.Ordinal);

    private static string WithoutQualifier(string id)
    {
        foreach (var suffix in new[] { "-only", "-or-later", "+" })
        {
            if (id.EndsWith(suffix, StringComparison.Ordinal)) return id.Substring(0, id.Length - suffix.Length);
        }
        return id;
    }

    private LicenseTextAnalysis? ConcludeSpdxTag(TokenizedText tokens, int significant)
    {
        var tags = SpdxTagPattern().Matches(tokens.Source);
        if (tags.Count == 0) return BareExpression(tokens, significant);
        if (significant > MaxUnmatchedWords) return null;
        var values = tags.Select(m => m.Groups["e"].Value.Trim().TrimEnd('*', '/', '-', '>').Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count != 1 || !LicenseList.Default.TryParse(values[0], out var expression, out _) || expression == null || expression is SpdxSpecial) return null;
        var words = tokens.Words.ToList();
        if (FindRestriction(words) != null) return null;
        return WholeNotice(expression, "SPDX-License-Identifier tag: " + expression + ".", significant);
    }

    // A notice that explains every word of the text.
    private static LicenseTextAnalysis WholeNotice(SpdxExpression expression, string note, int significant) => new()
    {
        Kind = LicenseTextMatchKind.Notice,
        Expression = expression,
        Score = 1.0,
        Note = note,
        WordCount = significant,
        UnmatchedWordCount = 0,
    };

    // A licence file holding one SPDX expression and nothing else ("MIT", "Apache-2.0 OR MIT"): every identifier from
    // the list. "MIT License" or "BSD" are no expressions.
    private static LicenseTextAnalysis? BareExpression(TokenizedText tokens, int significant)
    {
        var text = tokens.Source.Trim();
        // (Longer texts are no expression: not worth parsing.)
        if (text.Length == 0 || text.Length > 200) return null;
        // A LicenseRef names terms the text does not hold (and this product's own, LicenseRef-PublicDomain…, mean more).
        if (text.Contains("licenseref-", StringComparison.OrdinalIgnoreCase) || text.Contains("documentref-", StringComparison.OrdinalIgnoreCase)) return null;
        if (!LicenseList.Default.TryParse(text, out var expression, out var diagnostics) || expression == null || expression is SpdxSpecial || diagnostics.Count > 0) return null;
        return WholeNotice(expression, "The text is the SPDX licence expression " + expression + " and nothing else.", significant);
    }

    private LicenseTextAnalysis? ConcludeStatements(TokenizedText tokens, int significant)
    {
        if (significant > MaxStatementNoticeWords) return null;
        var statements = Grammar.Find(tokens).ToList();
        var urls = Urls(tokens);
        // "Licensed under the MIT license or the Apache License 2.0": two licences joined, a choice ("or") or both
        // ("and"); any other modification, or both conjunctions at once, concludes nothing.
        var joins = new List<bool>();
        foreach (var m in statements.Where(s => s.Modified).ToList())
        {
            if (m.Id == null || Grammar.Conjoined(tokens, m, out var or) is not { } second) return null;
            joins.Add(or);
            statements[statements.IndexOf(m)] = m with { Modified = false, End = second.Start };
            statements.Add(second);
        }
        if (joins.Distinct().Count() > 1) return null;
        statements.Sort((a, b) => a.Start.CompareTo(b.Start));
        var named = statements.Where(s => s.Id != null).ToList();
        // A licence the grammar cannot name beside the ones it reads ("The logo is licensed under the Acme Brand
        // License"): nothing is concluded. Without any name read, one such statement may be named by its URL below.
        var unnamed = Grammar.FindUnnamed(tokens);
        if (unnamed.Count > (named.Count == 0 ? 1 : 0)) return null;
        // The same for a family named without its version beside another licence ("the documentation is licensed
        // under the Creative Commons Attribution license": which version?).
        if (named.Count > 0 && statements.Any(s => s.Id == null && !named.Any(n => LicenceStatementGrammar.FamilyOf(n.Id!) == s.Family))) return null;
        var urlLicenses = urls.Where(u => u.License != null).Select(u => u.License!).Distinct(StringComparer.Ordinal).ToList();
        var ids = named.Select(s => s.Id!).Distinct(StringComparer.Ordinal).ToList();
        string how;
        if (ids.Count == 0)
        {
            // A statement whose name cannot be read ("a Creative Commons Attributeion 4.0 International License"),
            // followed by one licence URL: the URL names it.
            if (urlLicenses.Count != 1 || !Grammar.HasTrigger(tokens)) return null;
            // The statement the grammar cannot name must be the one the URL names: the URL follows it closely ("… a
            // Creative Commons Attributeion 4.0 International License. To view a copy of this license, visit URL").
            if (unnamed.Count == 1 && !urls.Any(u => u.License != null && u.StartWord >= unnamed[0].End && u.StartWord - unnamed[0].End <= MaxWordsBeforeUrl)) return null;
            ids.Add(urlLicenses[0]);
            how = "a licence statement whose licence is named by its URL " + urls.First(u => u.License != null).Url;
        }
        else
        {
            // Every licence URL of the text must name a licence the statements name.
            if (urlLicenses.Any(u => !ids.Any(id => SameLicence(id, u)))) return null;
            how = "the statement \"" + string.Join(' ', tokens.Words.Skip(named[0].Start).Take(named[0].End - named[0].Start)) + "\""
                + (urlLicenses.Count > 0 ? ", confirmed by its URL" : string.Empty);
        }

        var explained = new bool[tokens.Count];
        // A name read only in part ("CC BY" of "CC BY-NC") explains nothing: its remaining words are read below.
        foreach (var s in statements.Where(s => s.Id != null || LicenceStatementGrammar.IsWholeName(tokens, s))) for (int i = s.Start; i < s.End; i++) explained[i] = true;
        foreach (var u in urls) for (int i = u.StartWord; i < u.EndWord; i++) explained[i] = true;
        var ids2 = new int[tokens.Count];
        for (int i = 0; i < ids2.Length; i++) ids2[i] = _wordIds.TryGetValue(tokens.Words[i], out var w) ? w : -1;
        MarkOwnText(explained, tokens, ids2, AllHeaderText());
        var holders = CopyrightBlocks(tokens);
        var scope = new List<string>();
        var unexplained = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (explained[i]) continue;
            scope.Add(tokens.Words[i]);
            if (!tokens.Skippable[i] && !holders[i]) unexplained.Add(tokens.Words[i]);
        }
        if (FindRestriction(scope) != null || unexplained.Count > MaxUnmatchedWords) return null;
        if (UnstatedLicences(tokens, i => !explained[i], ids).Any()) return null;
        bool choice = joins.Count > 0 ? joins[0] : ContainsAny(unexplained, s_choicePhrases, out _);
        string text = string.Join(choice ? " OR " : " AND ", ids);
        if (!LicenseList.Default.TryParse(text, out var expression, out _) || expression == null) return null;
        return new LicenseTextAnalysis
        {
            Kind = LicenseTextMatchKind.Notice,
            Expression = expression,
            Score = 1.0,
            Note = "Licence notice: " + how + (unexplained.Count > 0 ? "; " + unexplained.Count.ToString(CultureInfo.InvariantCulture) + " other words (\"" + Excerpt(unexplained) + "\")" : string.Empty) + ".",
            WordCount = significant,
            UnmatchedWordCount = unexplained.Count,
        };
    }

    private sealed record Section(string Heading, string Body);

    // Markdown headings (# Title, or a line underlined with === / ---) and separator lines cut a document into sections.
    private static List<Section> SplitSections(string text)
    {
        var lines = TextTokenizer.NormalizeCharacters(text).Split('\n');
        var sections = new List<Section>();
        string heading = string.Empty;
        var body = new StringBuilder();
        void Flush()
        {
            if (heading.Length > 0 || body.ToString().Trim().Length > 0) sections.Add(new Section(heading, body.ToString()));
            body.Clear();
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            bool next = i + 1 < lines.Length && IsRule(lines[i + 1].Trim());
            if (line.StartsWith('#'))
            {
                Flush();
                heading = line.TrimStart('#').Trim();
            }
            else if (next && line.Length > 0 && !IsRule(line))
            {
                Flush();
                heading = line;
                i++;
            }
            else if (IsRule(line) && line.Length >= 10)
            {
                Flush();
                heading = string.Empty;
            }
            else
            {
                body.Append(lines[i]).Append('\n');
            }
        }
        Flush();
        return sections;
    }

    private static bool IsRule(string line) => line.Length >= 3 && (line.All(c => c == '=') || line.All(c => c == '-') || line.All(c => c == '*' || c == ' '));

    private LicenseTextAnalysis? ConcludeSections(string text)
    {
        var sections = SplitSections(text);
        // Multi-licence documents are a few sections long; long compilations of notices are not read section by
        // section (each section is a full analysis).
        if (sections.Count < 2 || sections.Count > MaxSections) return null;
        var whole = _tokenizer.Tokenize(text);
        if (whole.CountSignificant() > MaxSectionedWords) return null;
        // Third-party notices list the licences of bundled components: they are not the package's own licence.
        var opening = whole.Words.Take(15).ToList();
        if (IndexOf(opening, new[] { "third", "party" }) >= 0 || opening.Contains("notices")) return null;

        bool choice = false;
        var operands = new List<SpdxExpression>();
        var parts = new List<string>();
        var introNames = new List<string>();
        foreach (var section in sections)
        {
            var tokens = _tokenizer.Tokenize(section.Heading + "\n\n" + section.Body);
            int significant = tokens.CountSignificant();
            if (significant == 0) continue;
            var a = AnalyzeCore(section.Body, allowSections: false);
            string title = section.Heading.Length == 0 ? "(untitled)" : "\"" + section.Heading + "\"";
            if (a.Kind is LicenseTextMatchKind.Exact or LicenseTextMatchKind.Notice or LicenseTextMatchKind.Proprietary && a.Expression is not SpdxSpecial)
            {
                operands.Add(a.Expression);
                parts.Add(title + ": " + a.Expression);
                continue;
            }
            var words = tokens.Words.ToList();
            if (IndexOf(words, new[] { "commercial", "license" }) >= 0 && s_paymentWords.Any(words.Contains))
            {
                operands.Add(new SpdxLicenseRef("LicenseRef-Commercial"));
                parts.Add(title + ": commercial terms (LicenseRef-Commercial)");
                continue;
            }
            // An introduction names no licence: a section that states one and was not concluded is not an introduction.
            // It may say, without a verb, which part a licence of the sections covers ("Source code under the MIT
            // License; documentation under CC-BY-4.0."): checked against the sections once all are read.
            var unnamed = Grammar.FindUnnamed(tokens);
            if (a.Regions.Count > 0 || significant > MaxSectionIntroWords || FindRestriction(words) != null
                || Grammar.Find(tokens).Count > 0 || unnamed.Any(u => !u.WithoutVerb || u.Id == null)) return null;
            introNames.AddRange(unnamed.Select(u => u.Id!));
            if (ContainsAny(words, s_choicePhrases, out _) || ContainsAny(words, s_moreChoicePhrases, out _)) choice = true;
        }
        var distinct = operands.Distinct().ToList();
        if (distinct.Count == 0) return null;
        if (introNames.Any(id => !distinct.Any(o => o.Leaves().Any(l => SameLicence(l.ToString(), id))))) return null;
        // A commercial section is an alternative only when the document states a choice.
        if (!choice && distinct.Any(o => o is SpdxLicenseRef { LicenseRef: "LicenseRef-Commercial" })) return null;
        var exprText = string.Join(choice ? " OR " : " AND ", distinct.Select(o => o is SpdxCompound ? "(" + o + ")" : o.ToString()));
        if (!LicenseList.Default.TryParse(exprText, out var expression, out _) || expression == null) return null;
        return new LicenseTextAnalysis
        {
            Kind = LicenseTextMatchKind.Exact,
            Expression = expression,
            Score = 1.0,
            Note = "A document of " + sections.Count.ToString(CultureInfo.InvariantCulture) + " sections, " + (choice ? "which states a choice between them" : "all of which apply")
                + ": " + string.Join("; ", parts) + ".",
            WordCount = whole.CountSignificant(),
            UnmatchedWordCount = 0,
        };
    }

    [GeneratedRegex(@"https?://[^\s<>""'()\[\]{}]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"SPDX-License-Identifier:[ \t]*(?<e>[^\r\n]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SpdxTagPattern();
}
