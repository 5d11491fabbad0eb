#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks one translation as TAP, three cases:

1. msgfmt --check accepts it;
2. it is complete: every message extracted from POTFILES.in right now has a
   translation that is neither missing nor fuzzy (msgcmp against a fresh pot);
3. it is in one script: zh_TW text is unchanged by OpenCC's s2tw (no
   simplified leftovers), zh_CN text unchanged by t2s (no traditional ones).

usage: check-po.py SRCDIR LANG
"""
import os
import re
import subprocess
import sys
import tempfile

srcdir, lang = sys.argv[1], sys.argv[2]
po = os.path.join(srcdir, "po", lang + ".po")
results = []


def case(name, ok, detail=""):
    results.append((name, ok, detail))


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


# The same keywords meson's i18n preset 'glib' gives xgettext.
XGETTEXT = [
    "xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=shore",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
]

r = run(["msgfmt", "--check", "-o", os.devnull, po])
case(f"msgfmt --check {lang}.po", r.returncode == 0, r.stderr)

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "shore.pot")
    # data/guide/its/ and data/scenarios/its/: the ITS rules for the guide
    # and the training scenarios (as in po/meson.build).
    env = dict(os.environ, GETTEXTDATADIRS=os.pathsep.join(
        [os.path.join(srcdir, "po"), os.path.join(srcdir, "data", "guide"),
         os.path.join(srcdir, "data", "scenarios")]))
    r = run(XGETTEXT + ["-D", srcdir, "-f", os.path.join(srcdir, "po", "POTFILES.in"), "-o", pot], env=env)
    if r.returncode != 0:
        case(f"{lang}.po is complete", False, r.stderr)
    elif not os.path.exists(pot):
        case(f"{lang}.po is complete", False, "no messages were extracted")
    else:
        r = run(["msgcmp", po, pot])
        case(f"{lang}.po is complete", r.returncode == 0, r.stderr)


def msgstrs(path):
    """The translated strings of a po file, fuzzy ones included."""
    text = open(path, encoding="utf-8").read()
    out = []
    for block in text.split("\n\n"):
        current = None
        parts = []
        for line in block.splitlines():
            if line.startswith("msgstr"):
                current = True
                m = re.match(r'msgstr(\[\d+\])?\s+"(.*)"$', line)
                if m:
                    parts.append(m.group(2))
            elif line.startswith('"') and current:
                parts.append(line[1:-1])
            elif line.startswith("msgid") or line.startswith("msgctxt"):
                if current and parts:
                    out.append("".join(parts))
                current, parts = None, []
        if current and parts:
            out.append("".join(parts))
    return [s for s in out if s and not s.startswith("Project-Id-Version")]


config = {"zh_TW": "s2tw.json", "zh_CN": "t2s.json"}[lang]
strings = [s.replace("\\n", " ") for s in msgstrs(po)]
if not strings:
    case(f"{lang} is written in one script", False, "no translated strings")
else:
    r = run(["opencc", "-c", config], input="\n".join(strings) + "\n")
    converted = r.stdout.splitlines()
    bad = [f"  {a}\n  → {b}" for a, b in zip(strings, converted) if a != b]
    case(f"{lang} is written in one script (OpenCC {config})",
         r.returncode == 0 and len(converted) == len(strings) and not bad,
         "\n".join(bad[:20]) or r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
