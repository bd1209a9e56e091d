// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Diagnostics;
using System.Globalization;

namespace PublicCodePolicy.Report;

/// <summary>
/// Reads what the report needs from git: the repository root, the checked commit and its time, and the authors of the
/// history. Runs the <c>git</c> command line; when git is missing or the folder is not in a repository, every answer is
/// "not a repository" rather than an error. Only what <c>git log</c> shows is used: names and e-mail domains.
/// </summary>
public static class GitHistory
{
    /// <summary>The repository's top-level folder containing <paramref name="directory"/>; null when not in a git work tree.</summary>
    public static string? FindRepositoryRoot(string directory)
    {
        var (ok, output) = Git(directory, "rev-parse", "--show-toplevel");
        if (!ok) return null;
        var root = output.Trim();
        return root.Length == 0 ? null : Path.GetFullPath(root);
    }

    /// <summary>The full hash of HEAD; null when not in a repository or there is no commit yet.</summary>
    public static string? HeadCommit(string directory)
    {
        var (ok, output) = Git(directory, "rev-parse", "--verify", "--quiet", "HEAD");
        var hash = output.Trim();
        return ok && hash.Length == 40 ? hash : null;
    }

    /// <summary>HEAD's full hash and committer time in one git run (as <see cref="HeadCommit"/> and <see cref="HeadTime"/>).</summary>
    internal static (string? Commit, DateTimeOffset? Time) Head(string directory)
    {
        var (ok, output) = Git(directory, "log", "-1", "--format=%H %ct", "HEAD");
        var parts = output.Trim().Split(' ');
        if (!ok || parts.Length != 2 || parts[0].Length != 40) return (null, null);
        return (parts[0], long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    /// <summary>The committer time of HEAD; null when not in a repository or there is no commit yet.</summary>
    public static DateTimeOffset? HeadTime(string directory)
    {
        var (ok, output) = Git(directory, "log", "-1", "--format=%ct", "HEAD");
        return ok && long.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    /// <summary>
    /// Authors of the commits that touch <paramref name="directory"/> (history of HEAD), grouped by e-mail domain:
    /// most commits first, then by domain; names sorted ordinally. <c>.mailmap</c> is honoured (<c>%aN</c>, <c>%aE</c>),
    /// so a person who used several spellings is counted once.
    /// </summary>
    public static ContributorSummary ReadContributors(string directory)
    {
        if (FindRepositoryRoot(directory) == null) return ContributorSummary.None;
        var (ok, output) = Git(directory, "log", "--format=%aN%x09%aE", "HEAD", "--", ".");
        if (!ok) return new ContributorSummary { IsGitRepository = true };
        return Summarize(output.Split('\n'));
    }

    /// <summary>Groups <c>name TAB email</c> lines (one per commit) by e-mail domain.</summary>
    public static ContributorSummary Summarize(IEnumerable<string> authorLines)
    {
        ArgumentNullException.ThrowIfNull(authorLines);
        var byDomain = new Dictionary<string, (SortedSet<string> Names, int Commits)>(StringComparer.Ordinal);
        int commits = 0;
        foreach (var raw in authorLines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            commits++;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var name = (tab < 0 ? line : line.Substring(0, tab)).Trim();
            var email = tab < 0 ? string.Empty : line.Substring(tab + 1).Trim();
            var at = email.LastIndexOf('@');
            var domain = at < 0 ? string.Empty : email.Substring(at + 1).Trim().TrimEnd('>').ToLowerInvariant();
            if (!byDomain.TryGetValue(domain, out var entry)) entry = (new SortedSet<string>(StringComparer.Ordinal), 0);
            if (name.Length > 0) entry.Names.Add(name);
            byDomain[domain] = (entry.Names, entry.Commits + 1);
        }
        var organisations = byDomain
            .Select(kv => new ContributorOrganisation(kv.Key, kv.Value.Names.ToArray(), kv.Value.Commits) { IsWebmail = IsWebmail(kv.Key) })
            .OrderByDescending(o => o.Commits)
            .ThenBy(o => o.Domain, StringComparer.Ordinal)
            .ToArray();
        return new ContributorSummary { IsGitRepository = true, Commits = commits, Organisations = organisations };
    }

    // Personal mail services: a contributor writing from one of them is an individual, not an organisation.
    private static readonly HashSet<string> s_webmail = new(StringComparer.Ordinal)
    {
        "aol.com", "bbox.fr", "free.fr", "gmail.com", "gmx.com", "gmx.de", "gmx.fr", "googlemail.com", "hotmail.com", "hotmail.fr",
        "icloud.com", "laposte.net", "live.com", "live.fr", "mail.com", "me.com", "msn.com", "neuf.fr", "numericable.fr", "orange.fr",
        "outlook.com", "outlook.fr", "proton.me", "protonmail.com", "sfr.fr", "tutanota.com", "wanadoo.fr", "yahoo.com", "yahoo.fr",
        "yandex.com", "yandex.ru", "users.noreply.github.com", "users.noreply.gitlab.com",
    };

    /// <summary>Whether a domain is a personal mail service (its contributors are individuals).</summary>
    public static bool IsWebmail(string domain) => domain != null && s_webmail.Contains(domain.ToLowerInvariant());

    /// <summary>
    /// Ties each domain to an organisation publiccode.yml names with a URI (<c>organisation</c>, <c>fundedBy</c>):
    /// the domain is the URI's host, without <c>www.</c>, or a subdomain of it.
    /// </summary>
    public static ContributorSummary MapOrganisations(ContributorSummary summary, IEnumerable<PublicCodeOrganisationRef> organisations)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(organisations);
        var hosts = organisations
            .Where(o => o.Name != null && o.Uri != null && Uri.TryCreate(o.Uri, UriKind.Absolute, out _))
            .Select(o => (Host: new Uri(o.Uri!).Host.ToLowerInvariant() is var h && h.StartsWith("www.", StringComparison.Ordinal) ? h.Substring(4) : new Uri(o.Uri!).Host.ToLowerInvariant(), o.Name))
            .Where(x => x.Host.Length > 0)
            .ToArray();
        if (hosts.Length == 0) return summary;
        return new ContributorSummary
        {
            IsGitRepository = summary.IsGitRepository,
            Commits = summary.Commits,
            Organisations = summary.Organisations.Select(o => o.IsWebmail || o.Domain.Length == 0 ? o : o with
            {
                Organisation = hosts.Where(h => o.Domain == h.Host || o.Domain.EndsWith("." + h.Host, StringComparison.Ordinal)).Select(h => h.Name).FirstOrDefault(),
            }).ToArray(),
        };
    }

    private static bool HasGitEntry(string directory)
    {
        try
        {
            for (var dir = Path.GetFullPath(directory); dir != null; dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Combine(dir, ".git");
                if (Directory.Exists(candidate) || File.Exists(candidate)) return true;
            }
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // When in doubt, ask git.
            return true;
        }
    }

    private static (bool Ok, string Output) Git(string directory, params string[] args)
    {
        if (!Directory.Exists(directory)) return (false, string.Empty);
        // git finds its repository by looking for .git in the folder and its parents, unless GIT_DIR says where: with
        // neither, its answer ("not a git repository") is known without starting a process.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GIT_DIR")) && !HasGitEntry(directory)) return (false, string.Empty);
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // No pager, no prompt, no colour, no locale-dependent output, no user config that could change the format.
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("core.quotepath=off");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("log.showSignature=false");
        psi.ArgumentList.Add("--no-pager");
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["LC_ALL"] = "C";
        psi.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        psi.StandardOutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            using var process = Process.Start(psi);
            if (process == null) return (false, string.Empty);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            _ = stderr.Result;
            return (process.ExitCode == 0, stdout.Result);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // git is not installed: the folder is treated as not being a repository.
            return (false, string.Empty);
        }
    }
}
