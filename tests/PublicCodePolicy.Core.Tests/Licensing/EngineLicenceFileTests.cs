// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Licensing;
using PublicCodePolicy.Policy;

// Not "PublicCodePolicy.Tests.Licensing": that would hide PublicCodePolicy.Licensing from tests written as Licensing.X.
namespace PublicCodePolicy.Tests.LicenseMatching;

/// <summary>Issue 3 through the engine: a restored project whose packages carry their licence only as files.</summary>
public sealed class EngineLicenceFileTests : IDisposable
{
    private readonly TempDirectory _temp = new("engine-licfile");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Engine_IdentifiesLicenceFilesByDefault_AndAppliesShippedCurations()
    {
        var project = new FakeRestore("App")
            .Package("Gpl.Lib", "2.0.0", "<license type=\"file\">COPYING</license>")
            .Package("Bare.Lib", "1.0.0", string.Empty)
            .Package("Microsoft.VisualStudio.Setup.Configuration.Interop", "3.2.2146", "<licenseUrl>https://go.microsoft.com/fwlink/?linkid=831109</licenseUrl>")
            .Direct("Gpl.Lib")
            .Direct("Bare.Lib")
            .Direct("Microsoft.VisualStudio.Setup.Configuration.Interop")
            .WriteTo(_temp.Path);
        var packages = Path.Combine(_temp.Path, "packages");
        File.WriteAllText(Path.Combine(packages, "gpl.lib", "2.0.0", "COPYING"), SpdxTemplateText.Render("GPL-3.0-only"));
        File.WriteAllText(Path.Combine(packages, "bare.lib", "1.0.0", "LICENSE.md"), SpdxTemplateText.Render("EUPL-1.2"));

        var engine = new PolicyEngine(new CheckOptions { Policy = new PolicyDocument { Preset = PolicyPreset.FrAdministration }, Today = new DateOnly(2026, 11, 29) });
        var result = engine.Check(Workspace.Load(project));
        var p = Assert.Single(result.Projects);

        var gpl = p.Packages.Single(x => x.Id == "Gpl.Lib");
        Assert.Equal("GPL-3.0-only", gpl.License.Concluded.ToString());
        Assert.Equal(LicenseSource.File, gpl.License.Source);
        Assert.Equal("COPYING", gpl.License.Evidence);
        Assert.Equal(Verdict.Allowed, gpl.Verdict);

        var bare = p.Packages.Single(x => x.Id == "Bare.Lib");
        Assert.Equal("EUPL-1.2", bare.License.Concluded.ToString());
        Assert.Equal(LicenseSource.PackageFile, bare.License.Source);
        Assert.Null(bare.License.Declared);
        Assert.Equal(Verdict.Allowed, bare.Verdict);

        var interop = p.Packages.Single(x => x.Id == "Microsoft.VisualStudio.Setup.Configuration.Interop");
        Assert.Equal("LicenseRef-MICROSOFT-SOFTWARE-LICENSE-TERMS", interop.License.Concluded.ToString());
        Assert.Equal(LicenseSource.Curation, interop.License.Source);
        Assert.Equal("https://go.microsoft.com/fwlink/?linkid=831109", interop.License.Declared);
        Assert.Equal(Verdict.Denied, interop.Verdict);
    }
}
