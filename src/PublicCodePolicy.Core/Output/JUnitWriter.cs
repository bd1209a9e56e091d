// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Xml;
using PublicCodePolicy.Diagnostics;
using PublicCodePolicy.Engine;
using PublicCodePolicy.Graph;

namespace PublicCodePolicy.Output;

/// <summary>
/// Writes the check as JUnit XML (<c>artifacts:reports:junit</c>), which GitLab shows as the merge request's test
/// summary and the pipeline's Tests tab: one test suite per project, one test case per package of the project (the
/// package passes, or fails with each enforced finding as a <c>failure</c>), other findings as the case's
/// <c>system-out</c>. Findings about a project itself (not restored) are a case named after the project, and findings
/// about no project (the policy file, online sources) are cases of a last suite named <c>publiccode</c>.
/// No times and no timestamps: the same check writes the same bytes.
/// </summary>
public static class JUnitWriter
{
    /// <summary>Writes the report to a stream.</summary>
    public static void Write(CheckResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var srcRoot = SarifWriter.SourceRoot(result.RootPath);
        var shown = CodeQualityWriter.Shown(result).ToArray();
        var projectPaths = result.Projects.Select(p => p.ProjectPath).ToHashSet(StringComparer.Ordinal);
        var suites = new List<Suite>();
        foreach (var project in result.Projects)
        {
            var mine = shown.Where(f => string.Equals(f.ProjectPath, project.ProjectPath, StringComparison.Ordinal)).ToArray();
            var cases = new List<Case>();
            var own = mine.Where(f => f.PackageId == null).ToArray();
            if (own.Length > 0 || !project.Loaded) cases.Add(new Case(project.Name, project.Name, project.ProjectPath, null, own));
            foreach (var package in project.Packages)
            {
                var about = mine.Where(f => f.PackageId != null && f.PackageId.Equals(package.Id, StringComparison.OrdinalIgnoreCase) && f.PackageVersion == package.Version).ToArray();
                var line = about.Select(f => f.Location).FirstOrDefault(l => l != null);
                var name = package.Id + " " + package.Version + " (" + package.Scope.ToName() + (package.IsDirect ? string.Empty : ", transitive") + ")";
                cases.Add(new Case(project.Name, name, line?.Path ?? project.ProjectPath, line?.Line, about, package.License.Concluded + ": " + package.Verdict.ToString().ToLowerInvariant() + ". " + package.Reason));
            }
            suites.Add(new Suite(project.Name, project.ProjectPath, cases));
        }
        var orphans = shown.Where(f => f.ProjectPath == null || !projectPaths.Contains(f.ProjectPath)).ToArray();
        if (orphans.Length > 0)
        {
            var cases = orphans.Select(f => new Case("publiccode", f.RuleId + (f.PackageId != null ? " " + f.PackageId + " " + f.PackageVersion : string.Empty), f.Location?.Path ?? f.ProjectPath, f.Location?.Line, new[] { f })).ToList();
            suites.Add(new Suite("publiccode", result.Policy.SourcePath, cases));
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "publiccode check");
            w.WriteAttributeString("tests", Count(suites.Sum(s => s.Cases.Count)));
            w.WriteAttributeString("failures", Count(suites.Sum(s => s.Failures)));
            w.WriteAttributeString("errors", "0");
            foreach (var suite in suites)
            {
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", suite.Name);
                w.WriteAttributeString("tests", Count(suite.Cases.Count));
                w.WriteAttributeString("failures", Count(suite.Failures));
                w.WriteAttributeString("errors", "0");
                w.WriteAttributeString("skipped", "0");
                if (suite.File != null) w.WriteAttributeString("file", CheckResultJsonWriter.Relative(srcRoot, suite.File));
                foreach (var c in suite.Cases)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("classname", c.ClassName);
                    w.WriteAttributeString("name", c.Name);
                    if (c.File != null) w.WriteAttributeString("file", CheckResultJsonWriter.Relative(srcRoot, c.File));
                    if (c.Line != null) w.WriteAttributeString("line", Count(c.Line.Value));
                    foreach (var f in c.Findings.Where(f => f.IsEnforced))
                    {
                        w.WriteStartElement("failure");
                        w.WriteAttributeString("type", f.RuleId);
                        w.WriteAttributeString("message", f.RuleId + ": " + f.Message);
                        w.WriteString(Details(f));
                        w.WriteEndElement();
                    }
                    var others = c.Findings.Where(f => !f.IsEnforced).Select(Details).ToList();
                    if (c.Verdict != null) others.Insert(0, c.Verdict);
                    if (others.Count > 0) w.WriteElementString("system-out", string.Join("\n", others));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
    }

    private static string Details(Finding f)
    {
        var text = new StringBuilder(CodeQualityWriter.Severity(f)).Append(' ').Append(CodeQualityWriter.Text(f));
        foreach (var path in f.Paths.Skip(1)) text.Append("\nvia ").Append(path);
        if (!string.IsNullOrEmpty(f.HelpUri)) text.Append("\nsee ").Append(f.HelpUri);
        return text.ToString();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed record Suite(string Name, string? File, IReadOnlyList<Case> Cases)
    {
        public int Failures => Cases.Count(c => c.Findings.Any(f => f.IsEnforced));
    }

    private sealed record Case(string ClassName, string Name, string? File, int? Line, IReadOnlyList<Finding> Findings, string? Verdict = null);
}
