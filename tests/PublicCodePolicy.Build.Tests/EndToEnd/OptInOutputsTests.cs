// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Text.Json;
using PublicCodePolicy.Sbom.Tests;
using Xunit.Abstractions;

namespace PublicCodePolicy.Build.Tests.EndToEnd;

/// <summary>
/// The opt-in outputs of the check, built by a real consumer of the package: the SBOMs (PublicCodePolicySbom) and
/// publiccode.yml (PublicCodeGenerateYml). One restore per project; every later build reuses it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OptInOutputsTests
{
    // The example of docs/publiccode.md, as a project would declare it.
    internal const string PublicCodeProperties = """
        <Product>Guichet Valmont</Product>
        <Description>Guichet numérique de l'état civil de la commune de Valmont.</Description>
        <Version>2.1.0</Version>
        <RepositoryUrl>https://forge.valmont.fr/dsi/guichet.git</RepositoryUrl>
        <PackageProjectUrl>https://guichet.valmont.fr</PackageProjectUrl>
        <Company>Commune de Valmont</Company>
        <PublicCodeOrganisationUri>https://lannuaire.service-public.fr/normandie/seine-maritime/mairie-76719-01</PublicCodeOrganisationUri>
        <PublicCodePlatforms>web</PublicCodePlatforms>
        <PublicCodeCategories>digital-citizenship;document-management</PublicCodeCategories>
        <PublicCodeDevelopmentStatus>stable</PublicCodeDevelopmentStatus>
        <PublicCodeSoftwareType>standalone/web</PublicCodeSoftwareType>
        <PublicCodeAudienceCountries>FR</PublicCodeAudienceCountries>
        <PublicCodeMaintenanceType>internal</PublicCodeMaintenanceType>
        <PublicCodeMaintenanceContacts>Jeanne Martin &lt;dsi@valmont.fr&gt;</PublicCodeMaintenanceContacts>
        <PublicCodeLocalisationReady>true</PublicCodeLocalisationReady>
        <PublicCodeLongDescriptionFr>Le guichet permet aux habitants de demander en ligne des copies et extraits d'actes d'état civil, de suivre leur demande et de recevoir les documents. Les agents traitent les demandes depuis une file unique.</PublicCodeLongDescriptionFr>
        <PublicCodeFeaturesFr>Demande d'actes en ligne;Suivi des demandes;Export CSV</PublicCodeFeaturesFr>
        """;

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public OptInOutputsTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Sbom_IsWrittenUnderObj_SchemaValid_NotRewrittenByANoOpBuild_AndCopiedToBinAndPublish()
    {
        var project = _fixture.CreateProject("sbom", PackageFixture.NewtonsoftJson + PackageFixture.Serilog, properties: """
            <PublicCodePolicySbom>cyclonedx;spdx</PublicCodePolicySbom>
            <PublicCodePolicySbomCopyToOutput>true</PublicCodePolicySbomCopyToOutput>
            <Version>1.4.2</Version>
            <Company>Commune de Valmont</Company>
            <RepositoryUrl>https://forge.valmont.fr/dsi/sbom.git</RepositoryUrl>
            """);
        var dir = Path.GetDirectoryName(project)!;
        var cdx = Path.Combine(dir, "obj", "Debug", "net10.0", "PublicCodePolicy", "sbom.cdx.json");
        var spdx = Path.Combine(dir, "obj", "Debug", "net10.0", "PublicCodePolicy", "sbom.spdx.json");
        var copied = Path.Combine(dir, "bin", "Debug", "net10.0", "sbom.cdx.json");

        var first = Build(project, restore: true, "-p:TreatWarningsAsErrors=true");

        Assert.Equal(0, first.ExitCode);
        var bytes = File.ReadAllBytes(cdx);
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, bytes, cdx);
        SchemaValidator.AssertValid(SchemaValidator.Spdx23, File.ReadAllBytes(spdx), spdx);
        using (var bom = JsonDocument.Parse(bytes))
        {
            Assert.Equal("1.6", bom.RootElement.GetProperty("specVersion").GetString());
            var component = bom.RootElement.GetProperty("metadata").GetProperty("component");
            Assert.Equal(("sbom", "1.4.2", "library"), (component.GetProperty("name").GetString(), component.GetProperty("version").GetString(), component.GetProperty("type").GetString()));
            Assert.Equal("Commune de Valmont", component.GetProperty("supplier").GetProperty("name").GetString());
            var names = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
            Assert.Contains("Newtonsoft.Json", names);
            Assert.Contains("Serilog", names);
        }
        Assert.Equal(bytes, File.ReadAllBytes(copied));

        // A no-op build: the check is skipped, and neither the SBOM nor its copy is touched.
        var before = (File.GetLastWriteTimeUtc(cdx), File.GetLastWriteTimeUtc(spdx), File.GetLastWriteTimeUtc(copied));
        var again = Build(project, restore: false, "-v:d");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Skipping target \"_PublicCodePolicyCheckCore\" because all output files are up-to-date", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, (File.GetLastWriteTimeUtc(cdx), File.GetLastWriteTimeUtc(spdx), File.GetLastWriteTimeUtc(copied)));

        // Deleted: the next build (here a publish, in the same configuration) writes it again, with the same bytes, and publishes it.
        File.Delete(cdx);
        var publish = _fixture.Run(project, "publish", project, "-c", "Debug", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-o", Path.Combine(dir, "published"));
        _output.WriteLine(publish.ToString());
        Assert.Equal(0, publish.ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(cdx));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(dir, "published", "sbom.cdx.json")));
        Assert.True(File.Exists(Path.Combine(dir, "published", "sbom.spdx.json")));
    }

    [Fact]
    public void Sbom_OfAMultiTargetedProject_IsWrittenOnce_AndCopiedToEachFramework()
    {
        var project = _fixture.CreateProject("sbom-multi", PackageFixture.NewtonsoftJson, targetFrameworks: "net10.0;net8.0", properties: """
            <PublicCodePolicySbom>cyclonedx</PublicCodePolicySbom>
            <PublicCodePolicySbomCopyToOutput>true</PublicCodePolicySbomCopyToOutput>
            """);
        var dir = Path.GetDirectoryName(project)!;

        var result = Build(project);

        Assert.Equal(0, result.ExitCode);
        var sbom = File.ReadAllBytes(Path.Combine(dir, "obj", "Debug", "PublicCodePolicy", "sbom-multi.cdx.json"));
        SchemaValidator.AssertValid(SchemaValidator.CycloneDx16, sbom, "sbom-multi.cdx.json");
        Assert.Equal(sbom, File.ReadAllBytes(Path.Combine(dir, "bin", "Debug", "net10.0", "sbom-multi.cdx.json")));
        Assert.Equal(sbom, File.ReadAllBytes(Path.Combine(dir, "bin", "Debug", "net8.0", "sbom-multi.cdx.json")));
    }

    [Fact]
    public void Sbom_IsOffByDefault_AndABadFormatIsPcp9101()
    {
        Assert.False(Directory.EnumerateFiles(Path.GetDirectoryName(_fixture.NonFree)!, "*.cdx.json", SearchOption.AllDirectories).Any());

        var result = Build(_fixture.NonFree, restore: false, "-p:PublicCodePolicySbom=swid");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.BuildLines, l => l.Contains("error PCP9101: The value 'swid' of the MSBuild property PublicCodePolicySbom is not valid; use one of: cyclonedx, spdx.", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicCodeYml_IsGenerated_ThenOnlySoftwareVersionChanges_AndHandEditsSurvive()
    {
        var project = _fixture.CreateProject("yml", PackageFixture.NewtonsoftJson, properties: "<PublicCodeGenerateYml>true</PublicCodeGenerateYml>" + PublicCodeProperties);
        var yml = Path.Combine(Path.GetDirectoryName(project)!, "publiccode.yml");

        var first = Build(project, restore: true, "-p:SOURCE_DATE_EPOCH=1764374400", "-p:TreatWarningsAsErrors=true");

        Assert.Equal(0, first.ExitCode);
        var generated = File.ReadAllText(yml);
        Assert.Contains("name: \"Guichet Valmont\"", generated, StringComparison.Ordinal);
        Assert.Contains("softwareVersion: \"2.1.0\"", generated, StringComparison.Ordinal);
        Assert.Contains("releaseDate: \"2025-11-29\"", generated, StringComparison.Ordinal);

        // Someone documents the file by hand; the project moves to 2.2.0.
        var edited = generated.Replace("publiccodeYmlVersion: \"0\"", "# Maintained by the DSI of Valmont.\npubliccodeYmlVersion: \"0\"", StringComparison.Ordinal);
        Assert.NotEqual(generated, edited);
        File.WriteAllText(yml, edited);
        var bumped = Build(project, restore: false, "-p:SOURCE_DATE_EPOCH=1764374400", "-p:Version=2.2.0", "-p:TreatWarningsAsErrors=true");

        Assert.Equal(0, bumped.ExitCode);
        Assert.Equal(edited.Replace("softwareVersion: \"2.1.0\"", "softwareVersion: \"2.2.0\"", StringComparison.Ordinal), File.ReadAllText(yml));

        // Nothing changed: the check (and so the generation) is skipped.
        var noOp = Build(project, restore: false, "-p:SOURCE_DATE_EPOCH=1764374400", "-p:Version=2.2.0", "-v:d");
        Assert.Contains("Skipping target \"_PublicCodePolicyCheckCore\" because all output files are up-to-date", noOp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicCodeYml_Validate_ReportsABrokenFile_AsPcp3001Warnings_ThroughTheUsualSettings()
    {
        var project = _fixture.CreateProject("yml-validate", PackageFixture.NewtonsoftJson, properties: "<PublicCodeGenerateYml>validate</PublicCodeGenerateYml>");
        var yml = Path.Combine(Path.GetDirectoryName(project)!, "publiccode.yml");
        File.WriteAllText(yml, "publiccodeYmlVersion: \"0\"\nname: Guichet\n");

        var result = Build(project);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.BuildLines, l => l.StartsWith(yml + " : warning PCP3001: " + yml + ":", StringComparison.Ordinal));
        Assert.Equal("publiccodeYmlVersion: \"0\"\nname: Guichet\n", File.ReadAllText(yml)); // validate never writes

        var strict = Build(project, restore: false, "-p:TreatWarningsAsErrors=true");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains(strict.BuildLines, l => l.StartsWith(yml + " : error PCP3001: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Online_LoadsTheTasksOwnNuGetClient_AndAsksTheSourcesOfNuGetConfig()
    {
        var project = _fixture.CreateProject("online", PackageFixture.NewtonsoftJson);
        Assert.Equal(0, _fixture.Run(project, "restore", project, "-p:RestoreConfigFile=" + _fixture.ConfigFile).ExitCode);
        // After the restore, the project's own nuget.config names one HTTP source that refuses connections at once:
        // the online mode asks it, gets nothing, and nothing leaves the machine.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="refusing" value="http://127.0.0.1:9/v3/index.json" allowInsecureConnections="true" />
              </packageSources>
            </configuration>
            """);

        var result = Build(project, restore: false, "-p:PublicCodePolicyOnline=true", "-v:n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PublicCodePolicy: online mode, asking http://127.0.0.1:9/v3/index.json (from nuget.config).", result.Output, StringComparison.Ordinal);
        Assert.Contains(result.BuildLines, l => l.Contains("warning PCP1005: ", StringComparison.Ordinal));
    }

    private DotNetResult Build(string project, bool restore = true, params string[] extra)
    {
        var result = _fixture.Build(project, restore, extra);
        if (!extra.Contains("-v:d")) _output.WriteLine(result.ToString());
        return result;
    }
}
