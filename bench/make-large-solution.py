#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
"""Writes a large synthetic "restored" solution for benchmarking at scale.

Usage: make-large-solution.py OUT_DIR [PROJECTS=300] [PACKAGES=1500] [PER_PROJECT=30]
       make-large-solution.py OUT_DIR --preset 5|50|300|3000

Presets (projects / distinct packages / direct references per project): 5/65/20, 50/400/25, 300/1500/30,
3000/5000/30.

Each project is a real SDK project (net10.0; Directory.Build.props and Directory.Packages.props at the root, so
MSBuild evaluates imports and CPM as in a real repository) with an obj/project.assets.json (format 3, as restore
writes it) referencing PER_PROJECT direct packages from the pool; every package depends on 0-3 later packages, so
transitive chains are several levels deep. The global packages folder holds a .nuspec (and, for licence files, the
file) per package. Licence forms follow the spread of the licence column of the 2,641 NuGet packages this project
tests against (expressions 2/3 MIT, then Apache-2.0, BSD, dual and copyleft expressions; ~6 % declaring nothing;
~7 % a licence URL, mostly Microsoft's .NET library licence; ~1 % a licence file). Deterministic (fixed seed): the
same arguments give the same bytes.
"""
import base64, hashlib, json, os, random, sys

PRESETS = {"5": (5, 65, 20), "50": (50, 400, 25), "300": (300, 1500, 30), "3000": (3000, 5000, 30)}

MIT_TEXT = """MIT License

Copyright (c) Bench authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

# (weight per thousand, nuspec licence element); weights from the licence column described above.
FORMS = [
    (580, '<license type="expression">MIT</license>'),
    (170, '<license type="expression">Apache-2.0</license>'),
    (20, '<license type="expression">BSD-3-Clause</license>'),
    (9, '<license type="expression">Apache-2.0 OR MS-PL</license>'),
    (6, '<license type="expression">BSD-2-Clause</license>'),
    (5, '<license type="expression">LGPL-3.0-or-later</license>'),
    (4, '<license type="expression">PostgreSQL</license>'),
    (3, '<license type="expression">MS-PL</license>'),
    (2, '<license type="expression">MPL-2.0</license>'),
    (1, '<license type="expression">Apache-2.0 WITH LLVM-exception</license>'),
    (60, ''),
    (47, '<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>'),
    (24, '<licenseUrl>https://raw.githubusercontent.com/aspnet/AspNetCore/2.0.0/LICENSE.txt</licenseUrl>'),
    (4, '<licenseUrl>https://www.apache.org/licenses/LICENSE-2.0</licenseUrl>'),
    (12, '<license type="file">LICENSE.txt</license>'),
]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = os.path.abspath(argv[1])
    if len(argv) > 3 and argv[2] == "--preset":
        projects, packages, per_project = PRESETS[argv[3]]
    else:
        projects = int(argv[2]) if len(argv) > 2 else 300
        packages = int(argv[3]) if len(argv) > 3 else 1500
        per_project = int(argv[4]) if len(argv) > 4 else 30
    per_project = min(per_project, packages)
    rng = random.Random(42)
    pkgdir = os.path.join(out, "packages") + "/"
    weights = [w for w, _ in FORMS]
    pool = []
    for i in range(packages):
        pid, ver = f"Bench.Package{i:04d}", f"{1 + i % 7}.{i % 10}.0"
        deps = sorted(set(rng.randrange(i + 1, packages) for _ in range(rng.randrange(0, 4)) if i + 1 < packages))
        form = rng.choices(FORMS, weights)[0][1]
        pool.append((pid, ver, deps))
        d = os.path.join(pkgdir, pid.lower(), ver)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, pid.lower() + ".nuspec"), "w") as f:
            f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">\n'
                    f'  <metadata>\n    <id>{pid}</id>\n    <version>{ver}</version>\n    <authors>Bench</authors>\n    {form}\n'
                    f'    <description>Synthetic package.</description>\n  </metadata>\n</package>\n')
        if 'type="file"' in form:
            with open(os.path.join(d, "LICENSE.txt"), "w") as f:
                f.write(MIT_TEXT)
    with open(os.path.join(out, "Directory.Build.props"), "w") as f:
        f.write('<Project>\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <Version>1.0.0</Version>\n'
                '    <Company>Bench</Company>\n    <PackageLicenseExpression>EUPL-1.2</PackageLicenseExpression>\n'
                '    <RepositoryUrl>https://forge.example.fr/bench/large</RepositoryUrl>\n  </PropertyGroup>\n</Project>\n')
    with open(os.path.join(out, "Directory.Packages.props"), "w") as f:
        f.write('<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n')
    slnx = ['<Solution>']
    for p in range(projects):
        name = f"Bench.Project{p:04d}"
        pdir = os.path.join(out, "src", name)
        os.makedirs(os.path.join(pdir, "obj"), exist_ok=True)
        proj = os.path.join(pdir, name + ".csproj")
        with open(proj, "w") as f:
            f.write('<Project Sdk="Microsoft.NET.Sdk">\n' + ('  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>\n' if p % 10 == 0 else '') + '</Project>\n')
        slnx.append(f'  <Project Path="src/{name}/{name}.csproj" />')
        direct = sorted(rng.sample(range(packages), per_project))
        closure, stack = set(), list(direct)
        while stack:
            k = stack.pop()
            if k in closure:
                continue
            closure.add(k)
            stack.extend(pool[k][2])
        target, libs = {}, {}
        for k in sorted(closure):
            pid, ver, deps = pool[k]
            entry = {"type": "package", "compile": {f"lib/net8.0/{pid}.dll": {}}, "runtime": {f"lib/net8.0/{pid}.dll": {}}}
            if deps:
                entry["dependencies"] = {pool[d][0]: pool[d][1] for d in deps}
            target[f"{pid}/{ver}"] = entry
            sha = base64.b64encode(hashlib.sha512(f"{pid}/{ver}".encode()).digest()).decode()
            libs[f"{pid}/{ver}"] = {"sha512": sha, "type": "package", "path": f"{pid.lower()}/{ver}", "files": [f"{pid.lower()}.nuspec"]}
        assets = {
            "version": 3,
            "targets": {"net10.0": target},
            "libraries": libs,
            "projectFileDependencyGroups": {"net10.0": [f"{pool[k][0]} >= {pool[k][1]}" for k in direct]},
            "packageFolders": {pkgdir: {}},
            "project": {"version": "1.0.0", "restore": {"projectName": name, "projectPath": proj, "packagesPath": pkgdir,
                        "outputPath": os.path.join(pdir, "obj") + "/", "projectStyle": "PackageReference",
                        "frameworks": {"net10.0": {"targetAlias": "net10.0", "projectReferences": {}}}},
                        "frameworks": {"net10.0": {"targetAlias": "net10.0", "dependencies": {pool[k][0]: {"target": "Package", "version": f"[{pool[k][1]}, )"} for k in direct}}}},
        }
        with open(os.path.join(pdir, "obj", "project.assets.json"), "w") as f:
            json.dump(assets, f, indent=2)
    slnx.append('</Solution>')
    with open(os.path.join(out, "Large.slnx"), "w") as f:
        f.write("\n".join(slnx) + "\n")
    print(f"{projects} projects, {packages} packages, {per_project} direct each in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
