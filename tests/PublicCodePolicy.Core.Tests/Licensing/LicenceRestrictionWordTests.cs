// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Licensing.Text;

namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>
/// Every word the reader takes for a restriction (English, French, negative contractions, French elisions), every
/// idiom that restricts nothing, and the word lists of the harmless-sentence rules ("under the same terms", facts
/// about the work's origin, commercial sections and their payment words, choices between sections), each tried alone
/// next to a licence statement or text, so that a word dropped from a list shows.
/// </summary>
public sealed class LicenceRestrictionWordTests
{
    private static LicenseTextMatcher Matcher => LicenseTextMatcher.Shared;

    private static string Concluded(string text) => Matcher.Analyze(text).Expression.ToString();

    private static readonly string s_mit = SpdxTemplateText.Render("MIT");

    private static void AssertUnconcludedFor(string text, string quoted) => ReaderAssert.UnconcludedFor(text, quoted);

    [Theory]
    [InlineData("not")]
    [InlineData("no")]
    [InlineData("nor")]
    [InlineData("must")]
    [InlineData("shall")]
    [InlineData("only")]
    [InlineData("except")]
    [InlineData("exception")]
    [InlineData("provided")]
    [InlineData("prohibited")]
    [InlineData("forbidden")]
    [InlineData("restrict")]
    [InlineData("restricted")]
    [InlineData("restriction")]
    [InlineData("restrictions")]
    [InlineData("evil")]
    [InlineData("military")]
    [InlineData("commercial")]
    [InlineData("noncommercial")]
    [InlineData("cannot")]
    [InlineData("never")]
    [InlineData("pay")]
    [InlineData("fee")]
    [InlineData("fees")]
    [InlineData("royalty")]
    [InlineData("require")]
    [InlineData("required")]
    [InlineData("requires")]
    [InlineData("condition")]
    [InlineData("conditions")]
    [InlineData("unless")]
    [InlineData("without")]
    [InlineData("excluding")]
    [InlineData("if")]
    [InlineData("revenue")]
    [InlineData("purchase")]
    [InlineData("purchased")]
    [InlineData("subscription")]
    [InlineData("evaluation")]
    [InlineData("trial")]
    [InlineData("pricing")]
    [InlineData("paid")]
    [InlineData("pas")]
    [InlineData("interdit")]
    [InlineData("interdite")]
    [InlineData("uniquement")]
    [InlineData("doit")]
    [InlineData("doivent")]
    [InlineData("devez")]
    [InlineData("devra")]
    [InlineData("devront")]
    [InlineData("devrez")]
    [InlineData("obligatoire")]
    [InlineData("obligatoirement")]
    [InlineData("obligation")]
    [InlineData("obligations")]
    [InlineData("exige")]
    [InlineData("exigent")]
    [InlineData("requiert")]
    [InlineData("requis")]
    [InlineData("requise")]
    [InlineData("nécessite")]
    [InlineData("nécessitent")]
    [InlineData("soumis")]
    [InlineData("soumise")]
    [InlineData("soumises")]
    [InlineData("préalable")]
    [InlineData("préalables")]
    [InlineData("commerciale")]
    [InlineData("commerciales")]
    [InlineData("militaire")]
    [InlineData("militaires")]
    [InlineData("jamais")]
    [InlineData("aucun")]
    [InlineData("aucune")]
    [InlineData("ni")]
    [InlineData("redevances")]
    [InlineData("payants")]
    [InlineData("payantes")]
    [InlineData("restreint")]
    [InlineData("restreinte")]
    [InlineData("excepté")]
    [InlineData("hormis")]
    [InlineData("nicht")]
    [InlineData("nur")]
    [InlineData("verboten")]
    [InlineData("kommerziell")]
    [InlineData("kommerzielle")]
    [InlineData("kommerziellen")]
    [InlineData("ausschließlich")]
    [InlineData("gewerbliche")]
    [InlineData("prohibido")]
    [InlineData("prohibida")]
    [InlineData("únicamente")]
    [InlineData("solamente")]
    [InlineData("vietato")]
    [InlineData("vietata")]
    [InlineData("esclusivamente")]
    [InlineData("proibido")]
    [InlineData("proibida")]
    [InlineData("não")]
    [InlineData("apenas")]
    [InlineData("solely")]
    [InlineData("exclusively")]
    [InlineData("interdits")]
    [InlineData("interdites")]
    [InlineData("interdiction")]
    [InlineData("seulement")]
    [InlineData("sauf")]
    [InlineData("payant")]
    [InlineData("payante")]
    [InlineData("redevance")]
    [InlineData("réserve")]
    [InlineData("limite")]
    [InlineData("can't")]
    [InlineData("won't")]
    [InlineData("mustn't")]
    [InlineData("shan't")]
    [InlineData("shouldn't")]
    [InlineData("isn't")]
    [InlineData("aren't")]
    [InlineData("doesn't")]
    [InlineData("didn't")]
    [InlineData("needn't")]
    [InlineData("mayn't")]
    [InlineData("couldn't")]
    [InlineData("wouldn't")]
    [InlineData("qu'exception")]
    [InlineData("l'exception")]
    [InlineData("d'evaluation")]
    [InlineData("n'exception")]
    [InlineData("j'exception")]
    [InlineData("s'exception")]
    [InlineData("c'exception")]
    [InlineData("m'exception")]
    [InlineData("t'exception")]
    [InlineData("prohibit")]
    [InlineData("prohibits")]
    [InlineData("prohibiting")]
    [InlineData("prohibition")]
    [InlineData("forbid")]
    [InlineData("forbids")]
    [InlineData("forbidding")]
    [InlineData("disallow")]
    [InlineData("disallows")]
    [InlineData("disallowed")]
    [InlineData("ban")]
    [InlineData("bans")]
    [InlineData("banned")]
    [InlineData("barred")]
    [InlineData("agree")]
    [InlineData("agrees")]
    [InlineData("conditionné")]
    [InlineData("conditionnée")]
    [InlineData("conditionnés")]
    [InlineData("conditionnées")]
    [InlineData("subordonné")]
    [InlineData("subordonnée")]
    [InlineData("subordonnés")]
    [InlineData("subordonnées")]
    [InlineData("revoke")]
    [InlineData("revoked")]
    [InlineData("revocable")]
    [InlineData("revocation")]
    [InlineData("expire")]
    [InlineData("expires")]
    [InlineData("expired")]
    [InlineData("expiration")]
    [InlineData("expiry")]
    [InlineData("terminate")]
    [InlineData("terminates")]
    [InlineData("terminated")]
    [InlineData("termination")]
    [InlineData("révoquer")]
    [InlineData("révocable")]
    [InlineData("révocation")]
    [InlineData("résiliation")]
    [InlineData("résilier")]
    [InlineData("d'essai")]
    public void RestrictionWord_NextToAStatement_ConcludesNothing(string word)
    {
        Assert.Equal("NOASSERTION", Concluded("Licensed under the MIT license. Word " + word + "."));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("snot")]
    [InlineData("don't")]
    [InlineData("but not limited to")]
    [InlineData("without any warranty")]
    [InlineData("without even the implied warranty")]
    [InlineData("without warranty")]
    [InlineData("without warranties")]
    [InlineData("all rights reserved")]
    [InlineData("all rights reserved to the authors")]
    [InlineData("all rights reserved for the authors")]
    [InlineData("all right reserved to the authors")]
    [InlineData("rights are reserved")]
    [InlineData("reserved")]
    [InlineData("reserve a table")]
    [InlineData("the agreement of the contributors")]
    [InlineData("contributor license agreements")]
    [InlineData("irrevocable")]
    [InlineData("fourni sans aucune garantie")]
    [InlineData("sans garantie d'aucune sorte")]
    public void HarmlessWords_NextToAStatement_StillConclude(string words)
    {
        Assert.Equal("MIT", Concluded("Licensed under the MIT license. Word " + words + "."));
    }

    [Theory]
    // Restrictions made of two words (or "NC" after "BY"), each word harmless alone; the note quotes both.
    [InlineData("The icons are CC BY-NC.", "by nc")]
    [InlineData("Valid until 2030.", "until 2030")]
    [InlineData("Valid until December 2030.", "until december")]
    [InlineData("A license key is sent by e-mail.", "license key")]
    [InlineData("Enter your product key at first start.", "product key")]
    [InlineData("Activation keys are sent by e-mail.", "activation keys")]
    [InlineData("Accès réservé à la mairie.", "réservé à")]
    [InlineData("Accès réservé a la mairie.", "réservé a")]
    [InlineData("Usage limité au département.", "limité au")]
    [InlineData("Consultation réservée aux collectivités.", "réservée aux")]
    [InlineData("Images are used with permission of their owners.", "with permission")]
    [InlineData("Photos reproduites avec autorisation.", "avec autorisation")]
    [InlineData("Photos reproduites avec l'autorisation de leurs auteurs.", "avec lautorisation")]
    [InlineData("Please write for permission to use this code in a product.", "for permission")]
    [InlineData("Licensed for use on a single machine.", "single machine")]
    [InlineData("Licensed per developer seat.", "per developer")]
    [InlineData("One licence per user.", "per user")]
    [InlineData("Redistribution in binary form is subject to the Acme Terms of Service.", "terms of service")]
    [InlineData("Use is governed by the Acme Terms of Use.", "terms of use")]
    [InlineData("En téléchargeant, vous acceptez les CGU.", "cgu")]
    [InlineData("Vente soumise aux CGV.", "soumise")]
    public void TwoWordRestriction_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    // Terms added to the licence, or the licence changed.
    [InlineData("MIT License with additional terms.", "additional terms")]
    [InlineData("One additional term applies.", "additional term")]
    [InlineData("Additional clause: see below.", "additional clause")]
    [InlineData("Additional clauses follow.", "additional clauses")]
    [InlineData("Supplementary provisions apply.", "supplementary provisions")]
    [InlineData("Supplemental requirements apply.", "supplemental requirements")]
    [InlineData("Des clauses supplémentaires s'appliquent.", "clauses supplémentaires")]
    [InlineData("Des clauses additionnelles s'appliquent.", "clauses additionnelles")]
    [InlineData("Des termes additionnels s'appliquent.", "termes additionnels")]
    [InlineData("Des dispositions supplémentaires s'appliquent.", "dispositions supplémentaires")]
    [InlineData("This is a modified MIT license.", "modified")]
    [InlineData("Texte de licence MIT modifiée.", "modifiée")]
    [InlineData("Le texte de la licence a été modifié.", "modifié")]
    [InlineData("Both licenses were modified by the city.", "modified")]
    public void TermsAddedOrLicenceChanged_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    // The same words about anything but the licence.
    [InlineData("This file was modified in 2024 by the city.")]
    [InlineData("Additional information is in the README.")]
    [InlineData("Des informations supplémentaires sont dans le README.")]
    public void AdditionalOrModifiedElsewhere_StillConcludes(string sentence)
    {
        Assert.Equal("MIT", Concluded("Licensed under the MIT license. " + sentence));
    }

    [Fact]
    public void ModifiedBsdLicense_IsANameOfBsd3Clause_NotAChange()
    {
        Assert.Equal("BSD-3-Clause", Matcher.Analyze("The Modified BSD License\n\n" + SpdxTemplateText.Render("BSD-3-Clause")).Expression.ToString());
    }

    [Theory]
    // Rights kept back, and the terms of a private agreement.
    [InlineData("Reproduction strictly reserved to the Ministry.", "reserved to")]
    [InlineData("Use reserved for the Ministry.", "reserved for")]
    [InlineData("We reserve the right to change these terms at any time.", "reserve the right")]
    [InlineData("Acme reserves the rights to the name.", "reserves the rights")]
    [InlineData("You may use this software in accordance with your agreement with Acme.", "your agreement")]
    [InlineData("Use is governed by our agreements with the city.", "our agreements")]
    [InlineData("Redistribution needs a written contract.", "written contract")]
    [InlineData("Use is governed by the signed agreement.", "signed agreement")]
    [InlineData("Utilisation selon votre contrat.", "votre contrat")]
    [InlineData("Utilisation selon notre accord.", "notre accord")]
    // A French convention (an agreement signed with the authority), and use made to depend on something.
    [InlineData("L'usage du logiciel est encadré par une convention de mutualisation.", "une convention")]
    [InlineData("Usage dans le cadre d'une convention.", "dune convention")]
    [InlineData("Usage selon la convention signée.", "la convention")]
    [InlineData("Usage selon cette convention.", "cette convention")]
    [InlineData("Chaque commune utilise le logiciel selon sa convention.", "sa convention")]
    [InlineData("Les communes utilisent le logiciel selon leur convention.", "leur convention")]
    [InlineData("Usage selon votre convention.", "votre convention")]
    [InlineData("Usage selon notre convention.", "notre convention")]
    [InlineData("Use is limited to the Department of Health.", "limited to")]
    // French negation without "pas", and leave to be asked.
    [InlineData("Le nom de la commune ne peut être utilisé.", "ne peut")]
    [InlineData("Le nom et le logo ne peuvent être utilisés.", "ne peuvent")]
    [InlineData("Vous ne pouvez revendre ce logiciel.", "ne pouvez")]
    [InlineData("Ce logiciel ne pourra être revendu.", "ne pourra")]
    [InlineData("Ces logiciels ne pourront être revendus.", "ne pourront")]
    [InlineData("Ce logiciel ne saurait être revendu.", "ne saurait")]
    [InlineData("Ces logiciels ne sauraient être revendus.", "ne sauraient")]
    [InlineData("Reproduction sans autorisation.", "sans autorisation")]
    [InlineData("Reproduction sans l'autorisation de la mairie.", "sans lautorisation")]
    [InlineData("Reproduction sans accord.", "sans accord")]
    [InlineData("Reproduction sans l'accord de la mairie.", "sans laccord")]
    [InlineData("Reproduction sans permission.", "sans permission")]
    [InlineData("Reproduction sans consentement.", "sans consentement")]
    [InlineData("Usage selon ces conventions.", "ces conventions")]
    [InlineData("Usage selon leurs conventions.", "leurs conventions")]
    [InlineData("Usage selon vos conventions.", "vos conventions")]
    [InlineData("Usage selon nos conventions.", "nos conventions")]
    [InlineData("L'utilisation est conditionnée à la signature.", "conditionnée")]
    public void RightsKeptBackOrPrivateAgreement_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    // A part under terms given elsewhere, like "under their own license": what the text concludes does not cover it.
    [InlineData("The logo is licensed separately.", "licensed separately")]
    [InlineData("The icons are licenced separately; see icons/LICENSE.", "licenced separately")]
    [InlineData("The fonts are separately licensed.", "separately licensed")]
    [InlineData("The fonts are separately licenced.", "separately licenced")]
    [InlineData("The sample data is licensable separately.", "licensable separately")]
    [InlineData("This product includes code from Acme under a separate agreement.", "separate agreement")]
    [InlineData("The data files come with separate agreements.", "separate agreements")]
    [InlineData("The logo comes with separate terms.", "separate terms")]
    [InlineData("The logo comes with separate licensing.", "separate licensing")]
    [InlineData("The logo comes with a separate contract.", "separate contract")]
    [InlineData("The logo comes with separate licenses.", "separate licenses")]
    [InlineData("Les pictogrammes relèvent d'une licence distincte.", "license distincte")]
    [InlineData("Les pictogrammes relèvent de licences distinctes.", "licenses distinctes")]
    [InlineData("Le logo relève d'une licence séparée.", "license séparée")]
    [InlineData("Les logos relèvent de licences séparées.", "licenses séparées")]
    [InlineData("Le logo relève d'un contrat séparé.", "contrat séparé")]
    [InlineData("Le logo relève d'un accord distinct.", "accord distinct")]
    [InlineData("Le logo relève de termes distincts.", "termes distincts")]
    public void PartLicensedSeparately_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    // "Separate(ly)" about anything but licensing.
    [InlineData("Each module can be installed separately.")]
    [InlineData("The documentation is distributed separately.")]
    [InlineData("Keep the two folders separate.")]
    [InlineData("Deux modules distincts.")]
    public void SeparateWithoutLicensing_StillConcludes(string sentence)
    {
        Assert.Equal("MIT", Concluded("Licensed under the MIT license. " + sentence));
    }

    [Theory]
    // Someone to reach before using or passing the work on: leave asked, which no free licence needs. Each asking word,
    // and each word for "before", within ten words.
    [InlineData("Contact sales@acme.example before redistributing.", "contact sales acme example before")]
    [InlineData("Please notify the author prior to any redistribution.", "notify the author prior")]
    [InlineData("Inform us before you ship it.", "inform us before")]
    [InlineData("Ask the maintainers before using it in a product.", "ask the maintainers before")]
    [InlineData("We ask that you get in touch with the project team before you use it.", "ask that you get in touch with the project team before")]
    [InlineData("Merci de contacter l'auteur avant toute utilisation.", "contacter lauteur avant")]
    [InlineData("Contactez la mairie avant toute réutilisation.", "contactez la mairie avant")]
    [InlineData("Prévenez le service informatique avant de diffuser le logiciel.", "prévenez le service informatique avant")]
    [InlineData("Il faut informer la direction préalablement.", "informer la direction préalablement")]
    [InlineData("Veuillez demander à la DSI avant toute utilisation.", "demander à la dsi avant")]
    [InlineData("Contacting the author before use is appreciated.", "contacting the author before")]
    [InlineData("Notifying the authors prior to distribution is expected.", "notifying the authors prior")]
    [InlineData("Informing the city before distribution is expected.", "informing the city before")]
    [InlineData("Asking the team before reuse is expected.", "asking the team before")]
    [InlineData("Merci de prévenir l'équipe avant toute diffusion.", "prévenir léquipe avant")]
    [InlineData("Informez la commune avant toute diffusion.", "informez la commune avant")]
    [InlineData("Demandez l'accord de la commune avant toute diffusion.", "demandez laccord de la commune avant")]
    public void AskingLeaveBeforeUse_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    // The same words without a "before", or with it too far to be about the asking: a contact, not a condition.
    [InlineData("Contact: sales@acme.example.")]
    [InlineData("Pour toute question, contactez la mairie.")]
    [InlineData("Questions? Ask on the forum.")]
    [InlineData("Contact the authors at the address below; the project was started two years before this release.")]
    public void ContactWithoutBefore_StillConcludes(string sentence)
    {
        Assert.Equal("MIT", Concluded("Licensed under the MIT license. " + sentence));
    }

    [Theory]
    // Terms named rather than stated: "parts of this package are proprietary". ("EULA" is also a proprietary notice of
    // its own, which is read first: LicenseRef-Proprietary.)
    [InlineData("proprietary")]
    [InlineData("propriétaire")]
    [InlineData("propriétaires")]
    [InlineData("confidential")]
    [InlineData("exclusivement")]
    public void WordNamingUnfreeTerms_NextToAStatement_ConcludesNothing(string word)
    {
        AssertUnconcludedFor("Licensed under the MIT license. Word " + word + ".", word);
    }

    [Theory]
    // A limited use: an adjective of use followed by a noun of use, in every combination's form.
    [InlineData("For non-profit use.", "profit use")]
    [InlineData("For nonprofit purposes.", "nonprofit purposes")]
    [InlineData("For personal use.", "personal use")]
    [InlineData("For personal uses.", "personal uses")]
    [InlineData("For internal usage.", "internal usage")]
    [InlineData("For an academic purpose.", "academic purpose")]
    [InlineData("For educational purposes.", "educational purposes")]
    [InlineData("For research only.", "research only")]
    [InlineData("In a production environment.", "production environment")]
    [InlineData("In production environments.", "production environments")]
    [InlineData("Source available for reference purposes.", "available for reference")]
    [InlineData("For demonstration purposes.", "demonstration purposes")]
    [InlineData("For demo purposes.", "demo purposes")]
    [InlineData("For testing purposes.", "testing purposes")]
    [InlineData("For development use.", "development use")]
    [InlineData("This sample is intended for learning purposes.", "learning purposes")]
    public void LimitedUse_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    [InlineData("Valid until January 2030.")]
    [InlineData("Valid until February 2030.")]
    [InlineData("Valid until March 2030.")]
    [InlineData("Valid until April 2030.")]
    [InlineData("Valid until May 2030.")]
    [InlineData("Valid until June 2030.")]
    [InlineData("Valid until July 2030.")]
    [InlineData("Valid until August 2030.")]
    [InlineData("Valid until September 2030.")]
    [InlineData("Valid until October 2030.")]
    [InlineData("Valid until November 2030.")]
    [InlineData("Valid until December 2030.")]
    public void UntilAMonth_NextToAStatement_ConcludesNothing(string sentence)
    {
        Assert.Equal("NOASSERTION", Concluded("Licensed under the MIT license. " + sentence));
    }

    [Theory]
    // The same words where they restrict nothing.
    [InlineData("NC: the statement below.")]
    [InlineData("Written in Raleigh, NC.")]
    [InlineData("Tested until the release.")]
    [InlineData("Tested until v2.")]
    [InlineData("The license keeps its text.")]
    [InlineData("See the product page.")]
    [InlineData("Le texte est réservé.")]
    [InlineData("Le texte est limité par la mairie.")]
    [InlineData("Permission to use is given above.")]
    [InlineData("Written in a single file.")]
    [InlineData("Tested per release.")]
    [InlineData("See the reference documentation.")]
    [InlineData("The terms of the license are above.")]
    [InlineData("Autorisation donnée ci-dessus.")]
    [InlineData("The code is production ready.")]
    [InlineData("Reviewed by Educational Testing Service.")]
    [InlineData("Published for research.")]
    public void WordsOfTwoWordRestrictions_AloneOrElsewhere_StillConclude(string sentence)
    {
        Assert.Equal("MIT", Concluded("Licensed under the MIT license. " + sentence));
    }

    [Theory]
    // Every audience a gratis grant may be limited to ("free for open source projects"): what others get is unsaid.
    [InlineData("open source")]
    [InlineData("oss")]
    [InlineData("non-profit")]
    [InlineData("nonprofit")]
    [InlineData("nonprofits")]
    [InlineData("student")]
    [InlineData("students")]
    [InlineData("individual")]
    [InlineData("individuals")]
    [InlineData("education")]
    [InlineData("schools")]
    [InlineData("hobby")]
    [InlineData("hobbyist")]
    [InlineData("hobbyists")]
    [InlineData("private")]
    [InlineData("home")]
    [InlineData("small")]
    [InlineData("startups")]
    [InlineData("community")]
    [InlineData("evaluation")]
    [InlineData("personal")]
    [InlineData("educational")]
    [InlineData("academic")]
    [InlineData("research")]
    [InlineData("production")]
    [InlineData("internal")]
    [InlineData("employee")]
    [InlineData("employees")]
    [InlineData("staff")]
    [InlineData("partner")]
    [InlineData("partners")]
    [InlineData("employés")]
    [InlineData("salariés")]
    [InlineData("agents")]
    [InlineData("partenaires")]
    [InlineData("adhérentes")]
    [InlineData("government")]
    [InlineData("governments")]
    [InlineData("agency")]
    [InlineData("agencies")]
    [InlineData("sector")]
    [InlineData("city")]
    [InlineData("cities")]
    [InlineData("county")]
    [InlineData("counties")]
    [InlineData("municipality")]
    [InlineData("municipalities")]
    [InlineData("council")]
    [InlineData("councils")]
    [InlineData("department")]
    [InlineData("departments")]
    [InlineData("ministry")]
    [InlineData("ministries")]
    [InlineData("mairie")]
    [InlineData("mairies")]
    [InlineData("ville")]
    [InlineData("villes")]
    [InlineData("département")]
    [InlineData("départements")]
    [InlineData("région")]
    [InlineData("régions")]
    [InlineData("ministère")]
    [InlineData("ministères")]
    [InlineData("métropole")]
    [InlineData("agglomération")]
    public void GratisGrantForALimitedAudience_ConcludesNothing(string audience)
    {
        var a = Matcher.Analyze(s_mit + "\n\nThis library is free for " + audience + " projects.");
        Assert.Equal("NOASSERTION", a.Expression.ToString());
        // The gratis phrase itself stopped it (some audiences, "evaluation", restrict on their own too).
        Assert.Contains("among them 'free for " + audience.Split(' ', '-')[0] + "'", a.Note, StringComparison.Ordinal);
    }

    [Theory]
    // Every way of saying gratis, and the words that may come between it and the audience.
    [InlineData("This library is free for open source projects.", "free for open")]
    [InlineData("This library is freely available for open source projects.", "freely available for open")]
    [InlineData("This library is free of charge for open source projects.", "free of charge for open")]
    [InlineData("This library is available at zero cost for open source projects.", "cost for open")]
    [InlineData("This library is gratis for open source projects.", "gratis for open")]
    [InlineData("This library is free for use in open source projects.", "free for use in open")]
    [InlineData("This library is free for all open source projects.", "free for all open")]
    [InlineData("This library is free of charge to non-profits.", "free of charge to non")]
    [InlineData("This library is free to use in student projects.", "free to use in student")]
    [InlineData("This library is free for use by the community.", "free for use by the community")]
    public void GratisWord_BeforeALimitedAudience_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor(s_mit + "\n\n" + sentence, quoted);
    }

    [Theory]
    // French sentences after the MIT text that used to conclude MIT: each puts a condition on the grant.
    [InlineData("Toute utilisation commerciale est soumise à autorisation.", "commerciale")]
    [InlineData("Les utilisations commerciales nécessitent un accord préalable.", "commerciales")]
    [InlineData("Toute redistribution nécessite l'accord écrit de l'auteur.", "nécessite")]
    [InlineData("Vous devez citer l'auteur.", "devez")]
    [InlineData("Les modifications doivent être reversées à la communauté.", "doivent")]
    public void FrenchCondition_AfterTheText_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor(s_mit + "\n\n" + sentence, quoted);
    }

    [Theory]
    // A grant, gratis or not, for a limited audience.
    [InlineData("Permission is granted for use in non-profit projects.", "granted for use in non")]
    [InlineData("Use is permitted for students.", "permitted for students")]
    [InlineData("Use is allowed in schools.", "allowed in schools")]
    [InlineData("Use is authorized for educational purposes.", "authorized for educational")]
    [InlineData("Use is authorised for individuals.", "authorized for individuals")] // the SPDX list's spelling
    [InlineData("Usage autorisé pour les associations.", "autorisé pour les associations")]
    [InlineData("Utilisation autorisée pour la recherche.", "autorisée pour la recherche")]
    [InlineData("Usages autorisés pour les collectivités.", "autorisés pour les collectivités")]
    [InlineData("Copies autorisées aux élèves.", "autorisées aux élèves")]
    [InlineData("This software is licensed to customers.", "licensed to customers")]
    [InlineData("This software is licensed to paying customers.", "licensed to paying")]
    [InlineData("Available to registered users.", "available to registered")]
    [InlineData("Available to subscribers.", "available to subscribers")]
    [InlineData("Available to members.", "available to members")]
    [InlineData("Available to our clients.", "available to our clients")]
    [InlineData("Gratuit pour les adhérents.", "gratuit pour les adhérents")]
    [InlineData("Gratuit pour les membres.", "gratuit pour les membres")]
    [InlineData("Gratuit pour les abonnés.", "gratuit pour les abonnés")]
    [InlineData("This copy is licensed to employees.", "licensed to employees")]
    [InlineData("This copy is licensed to Acme employees.", "licensed to acme employees")]
    [InlineData("Available to Acme partners.", "available to acme partners")]
    [InlineData("Available to Acme Corp partners.", "available to acme corp partners")]
    [InlineData("Free for Acme customers and partners.", "free for acme customers")]
    [InlineData("Gratuit pour les agents municipaux.", "gratuit pour les agents")]
    [InlineData("Licensed to the employee.", "licensed to the employee")]
    [InlineData("Free for staff.", "free for staff")]
    [InlineData("Available to partners.", "available to partners")]
    [InlineData("Available to our partner.", "available to our partner")]
    [InlineData("Gratuit pour les employés.", "gratuit pour les employés")]
    [InlineData("Gratuit pour les salariés.", "gratuit pour les salariés")]
    [InlineData("Gratuit pour les agents.", "gratuit pour les agents")]
    [InlineData("Gratuit pour les partenaires.", "gratuit pour les partenaires")]
    // Public bodies.
    [InlineData("Available to government agencies.", "available to government")]
    [InlineData("Free for government use.", "free for government")]
    [InlineData("Available to public sector organizations.", "available to public sector")]
    [InlineData("Free for municipalities.", "free for municipalities")]
    [InlineData("Licensed to the City of Valmont.", "licensed to the city")]
    [InlineData("This software is licensed for use within the Department.", "licensed for use within the department")]
    [InlineData("Gratuit pour les mairies.", "gratuit pour les mairies")]
    // As French local authorities write it: free use, or use made available, for some authorities only.
    [InlineData("Utilisation libre pour les collectivités adhérentes.", "libre pour les collectivités")]
    [InlineData("Gratuit pour les adhérentes.", "gratuit pour les adhérentes")]
    [InlineData("Mise à disposition des communes membres de l'agglomération.", "disposition des communes")]
    [InlineData("Ce logiciel est mis à disposition des collectivités partenaires.", "disposition des collectivités")]
    public void GrantForALimitedAudience_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor(s_mit + "\n\n" + sentence, quoted);
    }

    [Theory]
    [InlineData("Permission is granted to anyone.")]
    [InlineData("Redistribution is permitted for all purposes.")]
    [InlineData("Use is allowed for individuals and companies.")]
    [InlineData("Usage autorisé pour tous.")]
    [InlineData("Available for download.")]
    [InlineData("This library is licensed to you under the terms above.")]
    [InlineData("Licensed to Acme Corporation under the terms above.")]
    [InlineData("Free for any Acme customers and companies.")]
    [InlineData("Available to download from the student portal.")]
    [InlineData("Logiciel libre pour tous.")]
    [InlineData("Ce logiciel est mis à disposition de tous.")]
    [InlineData("Logiciel libre et gratuit, mis à disposition de tous les publics.")]
    [InlineData("Par convention, les fichiers sont en UTF-8.")]
    [InlineData("Protected by the Berne Convention.")]
    [InlineData("Ce logiciel ne comporte aucune garantie.")]
    [InlineData("Fourni sans garantie.")]
    [InlineData("Les contributions sont les bienvenues, sans formalité.")]
    [InlineData("Available to the public.")]
    [InlineData("Free for cities and companies alike.")]
    [InlineData("Developed by the Department of Computer Science.")]
    public void GrantsForEveryone_StillConclude(string sentence)
    {
        Assert.Equal("MIT", Concluded(s_mit + "\n\n" + sentence));
    }

    [Theory]
    // The same in French: "gratuit(e)(s)", "gratuitement", then "pour", "à", "au(x)" and articles, then the audience.
    [InlineData("Ce logiciel est gratuit pour les associations.", "gratuit pour les associations")]
    [InlineData("Gratuit pour les particuliers.", "gratuit pour les particuliers")]
    [InlineData("Utilisation gratuite pour un usage personnel.", "gratuite pour un usage personnel")]
    [InlineData("Cette bibliothèque est gratuite pour les projets open source.", "gratuite pour les projets open")]
    [InlineData("Gratuit pour les projets libres.", "gratuit pour les projets libres")]
    [InlineData("Distribué gratuitement aux collectivités.", "gratuitement aux collectivités")]
    [InlineData("Gratuits pour les étudiants.", "gratuits pour les étudiants")]
    [InlineData("Gratuites pour la recherche.", "gratuites pour la recherche")]
    [InlineData("Gratuit pour l'enseignement.", "gratuit pour lenseignement")]
    public void FrenchGratisGrantForALimitedAudience_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor(s_mit + "\n\n" + sentence, quoted);
    }

    [Theory]
    // French puts the limit after the noun of use.
    [InlineData("Pour un usage personnel.", "usage personnel")]
    [InlineData("Pour une utilisation interne.", "utilization interne")] // the SPDX list's spelling of the word
    [InlineData("Réalisé à des fins pédagogiques.", "fins pédagogiques")]
    [InlineData("Utilisable à des fins de recherche.", "fins de recherche")]
    [InlineData("Pour des usages privés.", "usages privés")]
    [InlineData("Pour des utilisations internes.", "utilisations internes")]
    [InlineData("Usage réservé.", "usage réservé")]
    [InlineData("Utilisation réservée.", "utilization réservée")]
    [InlineData("Usages réservés.", "usages réservés")]
    [InlineData("Utilisations réservées.", "utilisations réservées")]
    [InlineData("Usage exclusif de la Ville.", "usage exclusif")]
    [InlineData("Utilisation exclusive de la Ville.", "utilization exclusive")]
    [InlineData("Usages exclusifs de la Ville.", "usages exclusifs")]
    [InlineData("Utilisations exclusives de la Ville.", "utilisations exclusives")]
    public void FrenchLimitedUse_NextToAStatement_ConcludesNothing(string sentence, string quoted)
    {
        AssertUnconcludedFor("Licensed under the MIT license. " + sentence, quoted);
    }

    [Theory]
    [InlineData("Ce logiciel est libre et gratuit pour tous.")]
    [InlineData("Gratuit pour les particuliers et les entreprises.")]
    [InlineData("Gratuit pour les associations ou les entreprises.")]
    [InlineData("Gratuit pour tous les usages.")]
    [InlineData("L'utilisation de ce logiciel est gratuite.")]
    [InlineData("Développé par la commune de Valmont pour l'usage de toutes les collectivités.")]
    public void FrenchGratisWordsThatLimitNoAudience_StillConclude(string sentence)
    {
        Assert.Equal("MIT", Concluded(s_mit + "\n\n" + sentence));
    }

    [Theory]
    [InlineData("This library is free for any purpose.")]
    [InlineData("This library is free for everyone.")]
    [InlineData("We wrote this library for open source projects.")]
    [InlineData("This library, free and well tested, is popular among open source projects.")]
    [InlineData("This is free open source software.")]
    [InlineData("This library is free for individuals and companies alike.")]
    [InlineData("This library is free for open and closed source projects.")]
    [InlineData("This library is free for students or anyone else.")]
    public void GratisWordsThatLimitNoAudience_StillConclude(string sentence)
    {
        Assert.Equal("MIT", Concluded(s_mit + "\n\n" + sentence));
    }

    [Theory]
    [InlineData("come under the same terms")]
    [InlineData("come under the same license")]
    [InlineData("come with the same terms as the rest")]
    public void SameTermsSentence_IsHarmless(string phrase)
    {
        Assert.Equal("MIT", Concluded(s_mit + "\n\nBundled parts " + string.Join(' ', Enumerable.Repeat("hello", 40)) + " " + phrase + "."));
    }

    private const string Fact = "No code of customer projects was taken to create this project";

    [Theory]
    [InlineData(Fact + ".")]
    [InlineData("No code of customer projects were taken to create this project.")]
    [InlineData("No code of customer projects has been taken to create this project.")]
    [InlineData("Never was code of customer projects taken to create this project.")]
    [InlineData("Nor was code of customer projects taken to create this project.")]
    [InlineData("Not one code of customer projects was taken to create this project.")]
    [InlineData("Without doubt, code of customer projects was taken to create this project.")]
    public void FactAboutTheOrigin_IsHarmless(string sentence)
    {
        Assert.Equal("MIT", Concluded(s_mit + "\n\n" + sentence));
    }

    [Theory]
    [InlineData("No code of customer projects is taken to create this project.")]
    [InlineData("No code of customer projects was taken to create this project, evil.")]
    [InlineData(Fact + " may.")]
    [InlineData(Fact + " might.")]
    [InlineData(Fact + " must.")]
    [InlineData(Fact + " shall.")]
    [InlineData(Fact + " should.")]
    [InlineData(Fact + " can.")]
    [InlineData(Fact + " cannot.")]
    [InlineData(Fact + " could.")]
    [InlineData(Fact + " you.")]
    [InlineData(Fact + " your.")]
    [InlineData(Fact + " yours.")]
    [InlineData(Fact + " licensee.")]
    [InlineData(Fact + " licensees.")]
    [InlineData(Fact + " user.")]
    [InlineData(Fact + " users.")]
    [InlineData(Fact + " recipient.")]
    [InlineData(Fact + " recipients.")]
    [InlineData(Fact + " permit.")]
    [InlineData(Fact + " permits.")]
    [InlineData(Fact + " permitted.")]
    [InlineData(Fact + " permission.")]
    [InlineData(Fact + " allow.")]
    [InlineData(Fact + " allows.")]
    [InlineData(Fact + " allowed.")]
    [InlineData(Fact + " authorized.")]
    [InlineData(Fact + " authorised.")]
    [InlineData(Fact + " prohibit.")]
    [InlineData(Fact + " prohibits.")]
    [InlineData(Fact + " grant.")]
    [InlineData(Fact + " granted.")]
    [InlineData(Fact + " will.")]
    [InlineData(Fact + " would.")]
    [InlineData(Fact + " licensed.")]
    [InlineData(Fact + " use.")]
    [InlineData(Fact + " uses.")]
    [InlineData(Fact + " using.")]
    [InlineData(Fact + " copy.")]
    [InlineData(Fact + " modify.")]
    [InlineData(Fact + " distribute.")]
    [InlineData(Fact + " redistribute.")]
    [InlineData(Fact + " redistribution.")]
    [InlineData(Fact + " sell.")]
    [InlineData(Fact + " resale.")]
    [InlineData(Fact + " sublicense.")]
    [InlineData(Fact + " intended.")]
    [InlineData(Fact + " meant.")]
    [InlineData(Fact + " designed.")]
    [InlineData(Fact + " purpose.")]
    [InlineData(Fact + " purposes.")]
    public void SentenceThatIsMoreThanAFact_Restricts(string sentence)
    {
        Assert.Equal("NOASSERTION", Concluded(s_mit + "\n\n" + sentence));
    }

    private const string Sections = "# A\n\nLicensed under the MIT license.\n\n# B\n\nA commercial license is available for {0}.\n\n# C\n\n{1}";

    [Theory]
    [InlineData("purchase")]
    [InlineData("purchased")]
    [InlineData("subscription")]
    [InlineData("pricing")]
    [InlineData("fee")]
    [InlineData("fees")]
    [InlineData("paid")]
    [InlineData("price")]
    [InlineData("buy")]
    public void CommercialSection_IsKnownByAPaymentWord(string word)
    {
        Assert.Equal("MIT OR LicenseRef-Commercial", Concluded(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sections, word, "You may choose.")));
    }

    [Theory]
    [InlineData("Users may choose.", "MIT OR LicenseRef-Commercial")]
    [InlineData("Multi-licensed.", "MIT OR LicenseRef-Commercial")]
    [InlineData("Pick one at your option.", "MIT OR LicenseRef-Commercial")]
    [InlineData("Read on.", "NOASSERTION")]
    public void SectionStatingAChoice_MakesTheSectionsAlternatives(string choice, string expected)
    {
        Assert.Equal(expected, Concluded(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sections, "purchase", choice)));
    }
}
