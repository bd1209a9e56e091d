// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Cli;

/// <summary>Exit codes of <c>publiccode</c>; documented in docs/cli.md. Scripts and CI rely on them.</summary>
public enum ExitCode
{
    /// <summary>Done; no enforced finding remains.</summary>
    Success = 0,
    /// <summary>The policy fails: an enforced finding remains (non-free or unknown licence in an enforced scope, expired exception, invalid publiccode.yml…).</summary>
    PolicyFailed = 1,
    /// <summary>Usage or input error: bad option, missing file, project not restored, unreadable assets or policy file.</summary>
    InputError = 2,
    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    InternalError = 3,
}
