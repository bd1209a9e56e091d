#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
"""Writes a large synthetic "restored" solution for benchmarking the check at scale.

Usage: make-large-solution.py OUT_DIR [PROJECTS=300] [PACKAGES=600] [PER_PROJECT=60]

Each project gets an obj/project.assets.json (format 3, as restore writes it) referencing PER_PROJECT direct
packages from a pool of PACKAGES, each package depending on a few others; the global packages folder holds one
.nuspec per package with a mix of licence forms (expressions, licence URLs, none). Deterministic (fixed seed).
"""
import json, os, random, sys

out = os.path.abspath(sys.argv[1])
projects = int(sys.argv[2]) if len(sys.argv) > 2 else 300
packages = int(sys.argv[3]) if len(sys.argv) > 3 else 600
per_project = int(sys.argv[4]) if len(sys.argv) > 4 else 60
rng = random.Random(42)
pkgdir = os.path.join(out, "packages") + "/"
forms = ['<license type="expression">MIT</license>', '<license type="expression">Apache-2.0</license>',
         '<license type="expression">MIT OR Apache-2.0</license>', '<license type="expression">BSD-3-Clause</license>',
         '<licenseUrl>https://www.apache.org/licenses/LICENSE-2.0</licenseUrl>',
         '<licenseUrl>http://go.microsoft.com/fwlink/?LinkId=329770</licenseUrl>', '']
pool = []
for i in range(packages):
    pid, ver = f"Bench.Package{i:04d}", f"{1 + i % 7}.{i % 10}.0"
    deps = sorted(set(rng.randrange(i + 1, packages) for _ in range(rng.randrange(0, 4)) if i + 1 < packages))
    pool.append((pid, ver, forms[i % len(forms)], deps))
    d = os.path.join(pkgdir, pid.lower(), ver)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, pid.lower() + ".nuspec"), "w") as f:
        f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">\n'
                f'  <metadata>\n    <id>{pid}</id>\n    <version>{ver}</version>\n    <authors>Bench</authors>\n    {forms[i % len(forms)]}\n'
                f'    <description>Synthetic package.</description>\n  </metadata>\n</package>\n')
slnx = ['<Solution>']
for p in range(projects):
    name = f"Bench.Project{p:03d}"
    pdir = os.path.join(out, "src", name)
    os.makedirs(os.path.join(pdir, "obj"), exist_ok=True)
    proj = os.path.join(pdir, name + ".csproj")
    with open(proj, "w") as f:
        f.write('<Project Sdk="Microsoft.NET.Sdk" />\n')
    slnx.append(f'  <Project Path="src/{name}/{name}.csproj" />')
    direct = sorted(rng.sample(range(packages), per_project))
    closure, stack = set(), list(direct)
    while stack:
        k = stack.pop()
        if k in closure: continue
        closure.add(k)
        stack.extend(pool[k][3])
    target, libs = {}, {}
    for k in sorted(closure):
        pid, ver, _, deps = pool[k]
        entry = {"type": "package", "compile": {f"lib/net8.0/{pid}.dll": {}}, "runtime": {f"lib/net8.0/{pid}.dll": {}}}
        if deps: entry["dependencies"] = {pool[d][0]: pool[d][1] for d in deps}
        target[f"{pid}/{ver}"] = entry
        libs[f"{pid}/{ver}"] = {"sha512": "AAAA" * 22, "type": "package", "path": f"{pid.lower()}/{ver}", "files": [f"{pid.lower()}.nuspec"]}
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
print(f"{projects} projects, {packages} packages in {out}")
