// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Report;

namespace PublicCodePolicy.Core.Tests.Report;

/// <summary>Issue 13: contributors' domains are tied to the organisations publiccode.yml names; webmail is individuals.</summary>
public sealed class ContributorOrganisationsTests
{
    private static readonly string[] History =
    {
        "Camille Martin\tcamille.martin@valmont.example",
        "Dominique Petit\tdominique.petit@dsi.valmont.example",
        "Lou Bernard\tlou.bernard@valdelys.example",
        "Sam\tsam.dupont@gmail.com",
        "Alex\talex@orange.fr",
        "Prestataire\tdev@prestataire.example",
    };

    [Fact]
    public void Domains_MapToTheOrganisationsOfPubliccodeYml_ByTheirUriHost()
    {
        var summary = GitHistory.MapOrganisations(GitHistory.Summarize(History), new[]
        {
            new PublicCodeOrganisationRef("Commune de Valmont", "https://www.valmont.example"),
            new PublicCodeOrganisationRef("Communauté de communes du Val de Lys", "https://valdelys.example/"),
            new PublicCodeOrganisationRef("Sans adresse", null),
        });
        var byDomain = summary.Organisations.ToDictionary(o => o.Domain, StringComparer.Ordinal);
        Assert.Equal("Commune de Valmont", byDomain["valmont.example"].Organisation);
        Assert.Equal("Commune de Valmont", byDomain["dsi.valmont.example"].Organisation);
        Assert.Equal("Communauté de communes du Val de Lys", byDomain["valdelys.example"].Organisation);
        Assert.Null(byDomain["prestataire.example"].Organisation);
        // A personal mail service is individuals: never an organisation, never counted as one.
        Assert.True(byDomain["gmail.com"].IsWebmail);
        Assert.True(byDomain["orange.fr"].IsWebmail);
        Assert.Null(byDomain["gmail.com"].Organisation);
        Assert.False(byDomain["prestataire.example"].IsWebmail);
        Assert.Equal(4, summary.OrganisationCount);
        Assert.Equal(6, summary.Commits);
    }

    [Fact]
    public void ADomainThatOnlyEndsLikeTheHost_IsNotTheOrganisation()
    {
        var summary = GitHistory.MapOrganisations(GitHistory.Summarize(new[] { "X\tx@notvalmont.example" }), new[] { new PublicCodeOrganisationRef("Commune de Valmont", "https://www.valmont.example") });
        Assert.Null(summary.Organisations.Single().Organisation);
    }

    [Fact]
    public void DomainLabels_SayWhoTheContributorsAre_InTheReportLanguage()
    {
        var fr = ReportTexts.For(ReportLanguage.French);
        var en = ReportTexts.For(ReportLanguage.English);
        var org = new ContributorOrganisation("valmont.example", new[] { "A" }, 1) { Organisation = "Commune de Valmont" };
        var mail = new ContributorOrganisation("gmail.com", new[] { "B" }, 1) { IsWebmail = true };
        Assert.Equal("valmont.example — Commune de Valmont", fr.DomainLabel(org));
        Assert.Equal("gmail.com — particuliers (messagerie personnelle)", fr.DomainLabel(mail));
        Assert.Equal("gmail.com — individuals (personal mail)", en.DomainLabel(mail));
    }
}
