#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
"""Refreshes the rows of src/PublicCodePolicy.Core/Data/license-urls.json that come from the SPDX licence list.

Usage: python3 eng/update-license-urls.py

Rows with "evidence": "spdx-crossref" are regenerated from the cross-references ("see also" URLs) of the SPDX
licence list data embedded in the product (Data/spdx-licenses.json), keeping only the licence pages of the
licence stewards (gnu.org, apache.org, opensource.org, creativecommons.org, mozilla.org, ...): there the address
itself names one licence. A URL the list gives for several identifiers is kept only when one of them is the
general form of the others (GPL-3.0-only for GPL-3.0-only/GPL-3.0-or-later, whose pages are the same text);
otherwise it is left out. Every other row is curated by hand and kept as it is. Output is sorted by URL.
"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, '..', 'src', 'PublicCodePolicy.Core', 'Data')
HOSTS = {'gnu.org', 'apache.org', 'mozilla.org', 'eclipse.org', 'creativecommons.org', 'opensource.org',
         'joinup.ec.europa.eu', 'cecill.info', 'boost.org', 'unlicense.org', 'opendatacommons.org', 'perlfoundation.org',
         'zlib.net', 'json.org', 'php.net', 'postgresql.org', 'openldap.org', 'ruby-lang.org', 'scripts.sil.org',
         'w3.org', 'microsoft.com', 'eupl.eu', 'etalab.gouv.fr'}
# Left out: openssl.org (its licence page now shows Apache-2.0, not the old OpenSSL licence), x.org and python.org
# (pages that hold several licences).


def norm(u):
    s = u.strip().lower().split('#')[0]
    for scheme in ('https://', 'http://'):
        if s.startswith(scheme):
            s = s[len(scheme):]
            break
    if s.startswith('www.'):
        s = s[4:]
    return s.rstrip('/')


def general(ids):
    """The identifier the others refine (GPL-3.0-only for ...-or-later; MPL-2.0 for MPL-2.0-no-copyleft-exception)."""
    for c in sorted(ids, key=len):
        base = c[:-len('-only')] if c.endswith('-only') else c
        if all(o == c or o.startswith(base + '-') for o in ids):
            return c
    return None


lic = json.load(open(os.path.join(data, 'spdx-licenses.json'), encoding='utf-8'))
by_url = {}
spelled = {}
for item in lic['items']:
    if item.get('deprecated'):
        continue
    for u in item.get('urls', []):
        n = norm(u)
        if n.split('/')[0] not in HOSTS:
            continue
        by_url.setdefault(n, set()).add(item['id'])
        spelled.setdefault(n, u.strip())
generated = []
for n, ids in sorted(by_url.items()):
    chosen = general(ids)
    if chosen is None:
        continue
    note = None if len(ids) == 1 else 'The list gives this page for ' + ', '.join(sorted(ids)) + '; the text alone is ' + chosen
    generated.append({'url': spelled[n], 'license': chosen, 'evidence': 'spdx-crossref', 'note': note})

path = os.path.join(data, 'license-urls.json')
doc = json.load(open(path, encoding='utf-8'))
curated = []
curated_urls = set()
for r in doc['items']:
    if r.get('evidence') != 'spdx-crossref' and norm(r['url']) not in curated_urls:
        curated.append(r)
        curated_urls.add(norm(r['url']))
rows = curated + [g for g in generated if norm(g['url']) not in curated_urls]
rows.sort(key=lambda r: norm(r['url']))
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.write('{\n  "_about": ' + json.dumps(doc['_about'], ensure_ascii=False) + ',\n  "items": [\n')
    f.write(',\n'.join('    ' + json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False) for r in rows))
    f.write('\n  ]\n}\n')
print(f'{len(curated)} curated rows, {len(rows) - len(curated)} from the SPDX list')
