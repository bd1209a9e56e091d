// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Resources;

namespace PublicCodePolicy.Build;

/// <summary>The task's own messages (English and French), from <c>Strings.resx</c>.</summary>
internal static class Strings
{
    private static readonly ResourceManager s_resources = new("PublicCodePolicy.Build.Strings", typeof(Strings).Assembly);

    /// <summary>The value &#x27;{0}&#x27; of the MSBuild property {1} is not valid; use one of: {2}.</summary>
    public static string InvalidPropertyValue(object? arg0, object? arg1, object? arg2) => Format(nameof(InvalidPropertyValue), arg0, arg1, arg2);

    /// <summary>The policy file &#x27;{0}&#x27; named by the MSBuild property PublicCodePolicyFile does not exist.</summary>
    public static string PolicyFileNotFound(object? arg0) => Format(nameof(PolicyFileNotFound), arg0);

    /// <summary>The policy file &#x27;{0}&#x27; cannot be read: {1}</summary>
    public static string PolicyFileUnreadable(object? arg0, object? arg1) => Format(nameof(PolicyFileUnreadable), arg0, arg1);

    /// <summary>The cached findings &#x27;{0}&#x27; cannot be read ({1}); the check runs again on the next build.</summary>
    public static string CacheUnreadable(object? arg0, object? arg1) => Format(nameof(CacheUnreadable), arg0, arg1);

    /// <summary>{0} (report only; see {1})</summary>
    public static string ReportOnly(object? arg0, object? arg1) => Format(nameof(ReportOnly), arg0, arg1);

    /// <summary>PublicCodePolicy: {0} suppressed by NoWarn: {1}</summary>
    public static string Suppressed(object? arg0, object? arg1) => Format(nameof(Suppressed), arg0, arg1);

    /// <summary>PublicCodePolicy checked {0}: {1} package(s), {2} finding(s).</summary>
    public static string CheckSummary(object? arg0, object? arg1, object? arg2) => Format(nameof(CheckSummary), arg0, arg1, arg2);

    /// <summary>PublicCodePolicy: no cached findings at &#x27;{0}&#x27;; the check has not run for this project.</summary>
    public static string NoCache(object? arg0) => Format(nameof(NoCache), arg0);

    /// <summary>PublicCodePolicy: [input] {0} = {1}</summary>
    public static string Input(object? arg0, object? arg1) => Format(nameof(Input), arg0, arg1);

    /// <summary>PublicCodePolicy: [output] {0} (written)</summary>
    public static string OutputWritten(object? arg0) => Format(nameof(OutputWritten), arg0);

    /// <summary>PublicCodePolicy: [output] {0} (unchanged, not rewritten)</summary>
    public static string OutputUnchanged(object? arg0) => Format(nameof(OutputUnchanged), arg0);

    /// <summary>{0} (see {1})</summary>
    public static string Information(object? arg0, object? arg1) => Format(nameof(Information), arg0, arg1);

    /// <summary>SOURCE_DATE_EPOCH is not valid ({0}); no SBOM was written.</summary>
    public static string InvalidSourceDateEpoch(object? arg0) => Format(nameof(InvalidSourceDateEpoch), arg0);

    /// <summary>The SBOM &#x27;{0}&#x27; cannot be written: {1}</summary>
    public static string SbomUnwritable(object? arg0, object? arg1) => Format(nameof(SbomUnwritable), arg0, arg1);

    /// <summary>PublicCodeGenerateYml is &#x27;validate&#x27; but &#x27;{0}&#x27; does not exist. …</summary>
    public static string PublicCodeYmlNotFound(object? arg0) => Format(nameof(PublicCodeYmlNotFound), arg0);

    /// <summary>&#x27;{0}&#x27; cannot be read or written: {1}</summary>
    public static string PublicCodeYmlUnreadable(object? arg0, object? arg1) => Format(nameof(PublicCodeYmlUnreadable), arg0, arg1);

    /// <summary>PublicCodePolicy: online mode, asking {0} (from nuget.config).</summary>
    public static string OnlineSources(object? arg0) => Format(nameof(OnlineSources), arg0);

    /// <summary>PublicCodePolicy: online mode, but nuget.config enables no HTTP package source; the check stays offline.</summary>
    public static string OnlineNoSources() => Format(nameof(OnlineNoSources));

    /// <summary>PublicCodePolicyOnline: the NuGet configuration cannot be read: {0}</summary>
    public static string InvalidNuGetConfig(object? arg0) => Format(nameof(InvalidNuGetConfig), arg0);

    private static string Format(string name, params object?[] args)
        => string.Format(CultureInfo.CurrentCulture, s_resources.GetString(name, BuildLanguage.Current) ?? name, args);
}

/// <summary>
/// The language of the build's messages, the task's own and the engine's: <c>DOTNET_CLI_UI_LANGUAGE</c> when set (the
/// .NET SDK's switch), else the UI culture MSBuild runs the task under (the user's). French for any <c>fr</c> culture,
/// else English. The targets put both in the keys that decide whether the check and the replay are current, so that a
/// build in another language never shows the messages of the last one.
/// </summary>
internal static class BuildLanguage
{
    private static readonly CultureInfo s_french = CultureInfo.GetCultureInfo("fr");

    public static CultureInfo Current => Resolve(Environment.GetEnvironmentVariable("DOTNET_CLI_UI_LANGUAGE"), CultureInfo.CurrentUICulture);

    public static CultureInfo Resolve(string? dotnetCliUiLanguage, CultureInfo uiCulture)
    {
        var tag = string.IsNullOrWhiteSpace(dotnetCliUiLanguage) ? uiCulture.Name : dotnetCliUiLanguage.Trim();
        return tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) && (tag.Length == 2 || tag[2] is '-' or '_') ? s_french : CultureInfo.InvariantCulture;
    }
}
