// SPDX-License-Identifier: EUPL-1.2
// SPDX-FileCopyrightText: PublicCodePolicy contributors
global using PublicCodePolicy.TestUtilities;
global using Xunit;
