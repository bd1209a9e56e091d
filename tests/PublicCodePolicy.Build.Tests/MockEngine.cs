// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Collections;
using Microsoft.Build.Framework;

namespace PublicCodePolicy.Build.Tests;

/// <summary>An MSBuild engine that records what a task logs.</summary>
internal sealed class MockEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    /// <summary>Errors and warnings as the console logger prints them, one per line.</summary>
    public IReadOnlyList<string> Diagnostics
        => Errors.Select(e => e.File + " : error " + e.Code + ": " + e.Message)
            .Concat(Warnings.Select(w => w.File + " : warning " + w.Code + ": " + w.Message))
            .ToArray();

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs)
        => throw new NotSupportedException("The tasks under test do not build other projects.");

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
