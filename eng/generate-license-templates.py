#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
"""Converts the SPDX licence list source files (license-list-XML) into the compact templates the licence-text
matcher ships with: src/PublicCodePolicy.Core/Data/spdx-templates.json.gz.

Usage: python3 eng/generate-license-templates.py [<license-list-XML src folder>]
       (default: tests/data/spdx/license-list-XML-3.28.0, vendored in this repository)

Each licence or exception becomes a list of nodes: a string is literal text; {"o": [...]} is an <optional>
part (titles and copyright lines are optional too, as the SPDX matching guidelines say); {"a": regex, "t": text}
is an <alt> with its default text. Bullets become optional (the guidelines ignore list numbering). The standard
licence header, when the list gives one, is kept apart under "h". Deprecated identifiers are left out so that short notices can be identified.
Normalisation (case, punctuation, equivalent words) happens in the product, so that one code path normalises
both templates and the texts they are compared with. The output is sorted and gzip'd without a timestamp,
so regenerating from the same list gives the same bytes.
"""
import gzip, io, json, os, re, sys
import xml.etree.ElementTree as ET

NS = '{http://www.spdx.org/license}'
here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'tests', 'data', 'spdx', 'license-list-XML-3.28.0')
out = os.path.join(here, '..', 'src', 'PublicCodePolicy.Core', 'Data', 'spdx-templates.json.gz')
BREAK = {'p', 'br', 'list', 'item'}
ws = re.compile(r'\s+')


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


def flat(el):
    """All text under an element, whitespace collapsed."""
    parts = []
    def walk(e):
        if e.text:
            parts.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                parts.append(c.tail)
    walk(el)
    return ws.sub(' ', ''.join(parts)).strip()


def nodes(el):
    """Template nodes for the children of an element."""
    result = []
    def add_text(s):
        if not s:
            return
        if result and isinstance(result[-1], str):
            result[-1] += s
        else:
            result.append(s)
    add_text(el.text)
    for c in el:
        name = local(c.tag)
        if name in ('notes', 'crossRefs'):
            pass
        elif name == 'bullet':
            # The guidelines ignore list numbering, but some "bullets" are words ("Preamble"): keep them optional.
            text = flat(c) if c.text else ''
            if text:
                result.append({'o': [' ' + text + ' ']})
        elif name == 'alt':
            result.append({'a': c.get('match'), 't': flat(c)})
        elif name in ('optional', 'titleText', 'copyrightText'):
            inner = nodes(c)
            suffix = ''.join(inner).strip() if inner and all(isinstance(n, str) for n in inner) else ''
            previous = result[-1] if result and isinstance(result[-1], str) else ''
            if suffix.isalnum() and previous[-1:].isalnum() and not (c.tail or ' ')[:1].isalnum():
                # A word-internal optional part ("name<optional>s</optional>"): the word with or without it.
                word = re.search(r'(\w+)$', previous).group(1)
                result[-1] = previous[:-len(word)]
                if not result[-1]:
                    result.pop()
                result.append({'a': re.escape(word) + '(?:' + re.escape(suffix) + ')?', 't': word + suffix})
            elif inner and all(isinstance(n, str) for n in inner) and not any(ch.isalnum() for n in inner for ch in n):
                # Optional punctuation ("RSV<optional>'</optional>s") is ignored by the guidelines anyway; keeping it
                # inline lets the words around it join as the text's words do.
                for n in inner:
                    add_text(n.strip())
            elif inner:
                result.append({'o': inner})
        elif name == 'standardLicenseHeader':
            for n in nodes(c):
                if isinstance(n, str):
                    add_text(n)
                else:
                    result.append(n)
        else:
            if name in BREAK:
                add_text(' ')
            for n in nodes(c):
                if isinstance(n, str):
                    add_text(n)
                else:
                    result.append(n)
            if name in BREAK:
                add_text(' ')
        add_text(c.tail)
    cleaned = []
    for n in result:
        if isinstance(n, str):
            n = ws.sub(' ', n)
            if n.strip():
                cleaned.append(n)
        else:
            cleaned.append(n)
    return cleaned


def read(path, kind):
    root = ET.parse(path).getroot()
    item = root.find(NS + kind)
    text = item.find(NS + 'text')
    row = {
        'id': item.get(kind + 'Id' if kind == 'license' else 'licenseId'),
        'kind': kind,
    }
    if kind == 'license':
        row['osi'] = item.get('isOsiApproved') == 'true'
    row['deprecated'] = item.get('deprecatedVersion') is not None
    row['t'] = nodes(text)
    header = text.find('.//' + NS + 'standardLicenseHeader')
    if header is None:
        header = item.find(NS + 'standardLicenseHeader')
    if header is not None:
        h = nodes(header)
        if h:
            row['h'] = h
    return row


rows = []
for name in sorted(os.listdir(src)):
    if name.endswith('.xml'):
        rows.append(read(os.path.join(src, name), 'license'))
exc_dir = os.path.join(src, 'exceptions')
for name in sorted(os.listdir(exc_dir)):
    if name.endswith('.xml'):
        rows.append(read(os.path.join(exc_dir, name), 'exception'))
# Deprecated identifiers duplicate the texts of their replacements (GPL-2.0 is GPL-2.0-only's text): the matcher
# concludes current identifiers only.
rows = [r for r in rows if not r.pop('deprecated')]
rows.sort(key=lambda r: (r['kind'], r['id']))

equivalent = []
with open(os.path.join(src, 'equivalentwords.txt'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line:
            equivalent.append(line.split(','))

doc = {
    '_generated': 'Generated by eng/generate-license-templates.py from the SPDX License List source files; do not edit by hand.',
    '_licence': 'SPDX License List (https://spdx.org/licenses/, https://github.com/spdx/license-list-XML) by the SPDX '
                'Legal Team, licensed under CC-BY-3.0 (https://creativecommons.org/licenses/by/3.0/). Converted: '
                'markup reduced to literal text, optional parts and alternatives; bullets made optional.',
    'licenseListVersion': re.sub(r'^.*-([0-9.]+)$', r'\1', os.path.basename(os.path.normpath(src))),
    'equivalentWords': equivalent,
    'items': rows,
}
data = json.dumps(doc, ensure_ascii=False, separators=(',', ':'), sort_keys=False).encode('utf-8')
buf = io.BytesIO()
with gzip.GzipFile(filename='', mode='wb', fileobj=buf, mtime=0, compresslevel=9) as g:
    g.write(data)
with open(out, 'wb') as f:
    f.write(buf.getvalue())
print(f'{len(rows)} templates, {len(data)} bytes of JSON, {len(buf.getvalue())} bytes gzip\'d -> {os.path.relpath(out)}')
