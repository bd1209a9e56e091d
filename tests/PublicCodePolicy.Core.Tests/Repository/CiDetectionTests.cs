// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
namespace PublicCodePolicy.Tests.Repository;

/// <summary>Tests that need an external tool skip only outside CI; CI must be recognised under every usual variable.</summary>
public sealed class CiDetectionTests
{
    [Theory]
    [InlineData("CI", "true", true)]
    [InlineData("CI", "1", true)]
    [InlineData("CI", "True", true)]
    [InlineData("CI", "false", false)]
    [InlineData("CI", "0", false)]
    [InlineData("TF_BUILD", "True", true)]
    [InlineData("GITLAB_CI", "true", true)]
    [InlineData("GITHUB_ACTIONS", "true", true)]
    [InlineData("JENKINS_URL", "http://jenkins/", true)]
    [InlineData("TEAMCITY_VERSION", "2024.1", true)]
    [InlineData("HOME", "/root", false)]
    public void Variable_IsRecognised(string name, string value, bool expected)
        => Assert.Equal(expected, ExternalTools.IsCi(n => n == name ? value : null));

    [Fact]
    public void NoVariable_IsNotCi() => Assert.False(ExternalTools.IsCi(_ => null));
}
