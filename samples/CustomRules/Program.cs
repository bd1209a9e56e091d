// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
using PublicCodePolicy.Engine;
using PublicCodePolicy.Policy;
using Valmont.PolicyRules;

// Usage: dotnet run --project samples/CustomRules -- <solution, project or folder> [vendor prefix…]
return SampleRunner.Run(args, Console.Out);

/// <summary>Loads a workspace, evaluates the default policy plus the commune's own rules, prints the findings.</summary>
public static class SampleRunner
{
    public static int Run(string[] args, TextWriter output)
    {
        var path = args.Length > 0 ? args[0] : ".";
        var vendors = args.Length > 1 ? args[1..] : new[] { "Contoso." };
        var policyFile = PolicyDocument.Find(Path.GetFullPath(path));
        var engine = new PolicyEngine(new CheckOptions
        {
            Policy = policyFile != null ? PolicyDocument.Load(policyFile) : PolicyDocument.Default,
            Rules = new IPolicyRule[] { new ForbiddenVendorRule(vendors), new AgplNeedsApprovalRule() },
        });
        var result = engine.Check(Workspace.Load(path));
        foreach (var f in result.Findings)
        {
            output.WriteLine($"{f.RuleId} {(f.IsEnforced ? "error" : f.Severity.ToString().ToLowerInvariant())}: {f.Message}");
        }
        output.WriteLine(result.Passed ? "passed" : "failed");
        return result.Passed ? 0 : 1;
    }
}
