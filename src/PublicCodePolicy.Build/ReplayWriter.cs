// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Build.Framework;

namespace PublicCodePolicy.Build;

/// <summary>
/// The events a report logged, written as an MSBuild file (imported by the targets at evaluation) with one
/// <c>_PublicCodePolicyEvent</c> item per event, in order, with its level, code, file, help link, importance and text,
/// and the settings key they were decided under. The targets give them to MSBuild's own <c>Warning</c> and
/// <c>Message</c> tasks on the next no-op build with the same key, so that build does not load the task assembly.
/// Values are MSBuild-escaped, so that <c>$</c>, <c>@</c>, <c>%</c>, <c>;</c> and quotes in a message come out as written.
/// </summary>
internal sealed class ReplayWriter
{
    private readonly List<(string Level, string Code, string File, string HelpLink, string Importance, string Text)> _events = new();

    public void Warning(string code, string file, string? helpLink, string text) => _events.Add(("Warning", code, file, helpLink ?? string.Empty, string.Empty, text));

    public void Message(string code, string file, MessageImportance importance, string text)
        => _events.Add(("Message", code, file, string.Empty, importance.ToString().ToLowerInvariant(), text));

    public void Save(string path, string key)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartElement("Project");
            w.WriteComment(" Written by PublicCodePolicy's ReportFindings task; replayed by PublicCodePolicy.targets. ");
            w.WriteStartElement("PropertyGroup");
            w.WriteElementString("_PublicCodePolicyReplayedKey", Escape(key));
            w.WriteEndElement();
            w.WriteStartElement("ItemGroup");
            for (int i = 0; i < _events.Count; i++)
            {
                var e = _events[i];
                w.WriteStartElement("_PublicCodePolicyEvent");
                w.WriteAttributeString("Include", i.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("Level", e.Level);
                w.WriteElementString("Code", Escape(e.Code));
                w.WriteElementString("File", Escape(e.File));
                w.WriteElementString("HelpLink", Escape(e.HelpLink));
                w.WriteElementString("Importance", e.Importance);
                w.WriteElementString("Text", Escape(e.Text));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            // Lets the tests (and anyone curious) read the events with 'dotnet msbuild FILE -getTargetResult:Events'.
            w.WriteStartElement("Target");
            w.WriteAttributeString("Name", "Events");
            w.WriteAttributeString("Returns", "@(_PublicCodePolicyEvent)");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        var content = buffer.ToArray();
        // The same compare-then-atomic-replace as the other obj/ files: a concurrent build of the project never reads
        // half a file, and two of them never share a temporary file.
        if (!FindingsFiles.WriteIfChanged(path, content)) return;
        // The targets import this file, and MSBuild counts the newest import among every target's inputs
        // (MSBuildAllProjects): with its real time, writing it would make the next build compile again. It only feeds
        // the replay of log events, so it gets a time in 2001 instead, distinct per content so that MSBuild's cache of
        // project files (which compares times) still sees a new version.
        var offset = BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(content), 0) % (365u * 24 * 3600);
        File.SetLastWriteTimeUtc(path, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(offset));
    }

    // MSBuild's escaping (%XX) of the characters that evaluation would otherwise interpret.
    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '*' or '?' or '@' or '$' or '(' or ')' or ';' or '\'') sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
