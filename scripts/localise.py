#!/usr/bin/env python3
"""Moves inline Bi.T("ไทย", "English") pairs into the shared resource files.

For every Bi.T call whose two arguments are string literals (plain, verbatim or interpolated), the script
adds an entry to src/Marketplace.Core/Localisation/SharedText.resx (Thai, the neutral culture) and
SharedText.en-US.resx (English), then rewrites the call site:

  * C# (.cs):        Texts.Get("Area.Key")            Texts.Get("Area.Key", arg0, arg1)
  * Razor (.cshtml): L["Area.Key"]                    L["Area.Key", arg0, arg1]
    (L is the IStringLocalizer<SharedText> injected by Pages/_ViewImports.cshtml)

Interpolated pairs become composite format strings: each distinct hole expression becomes one argument, and
each language keeps its own format specifier ({0:N0}). Keys read as <folders>.<file>.<EnglishWords>; a pair
already stored under the same prefix reuses its key. Existing entries are never changed or removed, and both
files are written sorted by key, so re-running the script over the whole tree is safe: it converts only the
pairs still present (for example after merging a branch that added new ones) and otherwise changes nothing.

Calls whose arguments are not literals are listed and left alone; the build then fails on them (Bi.T no longer
exists), so each one is rewritten by hand.

Usage: python3 scripts/localise.py [--check]   (--check: exit 1 if any Bi.T pair is left, change nothing)
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SRC = os.path.join(ROOT, "src")
RES_DIR = os.path.join(SRC, "Marketplace.Core", "Localisation")
NEUTRAL = os.path.join(RES_DIR, "SharedText.resx")          # Thai (th-TH), the default culture
ENGLISH = os.path.join(RES_DIR, "SharedText.en-US.resx")    # English (en-US)

CALL = re.compile(r"((?:(?:Marketplace\.)?Core\.Common\.)?)\bBi\.T\(")


class NotLiteral(Exception):
    pass


# ---------------------------------------------------------------- C# literal parsing

def skip_ws(text, i):
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def parse_hole(text, i):
    """Parses an interpolation hole starting after '{'; returns (expression, alignment, format, index after '}')."""
    depth = 0
    start = i
    expr_end = None
    align = None
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "}":
            if depth == 0:
                expr_end = expr_end or i
                expr = text[start:expr_end]
                return expr, align, None, i + 1
            depth -= 1
        elif c == '"' or (c in "$@" and text[i + 1:i + 2] in ('"', "@", "$")):
            _, i = parse_literal(text, i)
            continue
        elif c == "'":
            j = i + 1
            while text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        elif c == "," and depth == 0 and expr_end is None:
            expr_end = i
            j = i + 1
            while text[j] not in ":}":
                j += 1
            align = text[i + 1:j].strip()
            i = j
            continue
        elif c == ":" and depth == 0 and text[i + 1:i + 2] != ":":
            expr_end = expr_end or i
            expr = text[start:expr_end]
            j = i + 1
            fmt = []
            while text[j] != "}":
                if text[j] == "\\":
                    fmt.append(text[j + 1])
                    j += 2
                    continue
                fmt.append(text[j])
                j += 1
            return expr, align, "".join(fmt), j + 1
        i += 1
    raise NotLiteral("unterminated hole")


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def parse_literal(text, i):
    """Parses one C# string literal at i; returns (parts, index after it). parts: str or (expr, align, fmt)."""
    interpolated = verbatim = False
    while text[i] in "$@":
        interpolated |= text[i] == "$"
        verbatim |= text[i] == "@"
        i += 1
    if text[i] != '"':
        raise NotLiteral("not a string literal")
    if text.startswith('"""', i):
        raise NotLiteral("raw string literal")
    i += 1
    parts, buf = [], []
    while True:
        if i >= len(text):
            raise NotLiteral("unterminated string")
        c = text[i]
        if c == '"':
            if verbatim and text[i + 1:i + 2] == '"':
                buf.append('"')
                i += 2
                continue
            i += 1
            break
        if c == "\\" and not verbatim:
            n = text[i + 1]
            if n == "u":
                buf.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
            elif n in ESCAPES:
                buf.append(ESCAPES[n])
                i += 2
            else:
                raise NotLiteral("unknown escape \\" + n)
            continue
        if interpolated and c == "{":
            if text[i + 1:i + 2] == "{":
                buf.append("{")
                i += 2
                continue
            if buf:
                parts.append("".join(buf))
                buf = []
            expr, align, fmt, i = parse_hole(text, i + 1)
            parts.append((expr.strip(), align, fmt))
            continue
        if interpolated and c == "}" and text[i + 1:i + 2] == "}":
            buf.append("}")
            i += 2
            continue
        buf.append(c)
        i += 1
    if buf:
        parts.append("".join(buf))
    return parts, i


def parse_argument(text, i):
    """One argument: a literal, or literals joined with '+'. Returns (parts, index after it)."""
    parts, i = parse_literal(text, skip_ws(text, i))
    while True:
        j = skip_ws(text, i)
        if text[j] != "+":
            return parts, j
        more, i = parse_literal(text, skip_ws(text, j + 1))
        parts = parts + more


def parse_call(text, start):
    """Parses Bi.T( literal , literal ) starting at the '(' index + 1; returns (thai, english, end)."""
    thai, i = parse_argument(text, start)
    if text[i] != ",":
        raise NotLiteral("expected ,")
    english, i = parse_argument(text, i + 1)
    i = skip_ws(text, i)
    if text[i] != ")":
        raise NotLiteral("expected )")
    return thai, english, i + 1


# ---------------------------------------------------------------- format strings and keys

def to_format(parts, args):
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(p.replace("{", "{{").replace("}", "}}"))
        else:
            expr, align, fmt = p
            if expr not in args:
                args.append(expr)
            hole = str(args.index(expr))
            if align:
                hole += "," + align
            if fmt:
                hole += ":" + fmt
            out.append("{" + hole + "}")
    return "".join(out)


def prefix_of(path):
    rel = os.path.relpath(path, SRC).replace(os.sep, "/")
    rel = re.sub(r"^Marketplace\.(Core|Web|Search)/", "", rel)
    rel = re.sub(r"\.cshtml(\.cs)?$|\.cs$", "", rel)
    segments = [re.sub(r"[^A-Za-z0-9]", "", s) or "X" for s in rel.split("/")]
    return ".".join(segments)


def slug(english_parts):
    words = []
    for p in english_parts:
        if isinstance(p, str):
            words += re.findall(r"[A-Za-z][A-Za-z0-9]*", p)
    words = [w[:1].upper() + w[1:] for w in words][:6]
    return "".join(words) or "Text"


# ---------------------------------------------------------------- resx files

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<!-- Interface text ({culture}). Maintained by scripts/localise.py; edit values freely, keep keys. -->
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def read_resx(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().iter("data")}


def write_resx(path, entries, culture):
    lines = [HEADER.format(culture=culture)]
    for key in sorted(entries):
        value = escape(entries[key]).replace("\n", "&#xA;")
        lines.append(f'  <data name="{escape(key)}" xml:space="preserve">\n    <value>{value}</value>\n  </data>\n')
    lines.append("</root>\n")
    content = "".join(lines)
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
    if content != old:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)


# ---------------------------------------------------------------- the run

def source_files():
    for folder, dirs, files in os.walk(SRC):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", "wwwroot", "Migrations")]
        for name in files:
            if name.endswith((".cs", ".cshtml")):
                yield os.path.join(folder, name)


def main():
    check = "--check" in sys.argv
    thai_res, english_res = read_resx(NEUTRAL), read_resx(ENGLISH)
    by_pair = {}
    for key in thai_res:
        by_pair.setdefault((key.rsplit(".", 1)[0], thai_res[key], english_res.get(key)), key)
    converted, left = 0, []
    for path in sorted(source_files()):
        text = open(path, encoding="utf-8").read()
        if "Bi.T(" not in text:
            continue
        razor = path.endswith(".cshtml")
        prefix = prefix_of(path)
        out, pos = [], 0
        for m in CALL.finditer(text):
            if m.start() < pos:
                continue
            try:
                thai, english, end = parse_call(text, m.end())
            except (NotLiteral, IndexError, ValueError) as e:
                line = text.count("\n", 0, m.start()) + 1
                left.append(f"{os.path.relpath(path, ROOT)}:{line}: {e}")
                continue
            args = []
            th_format, en_format = to_format(thai, args), to_format(english, args)
            if not args:  # plain text is read without string.Format, so its braces stay single
                th_format, en_format = "".join(thai), "".join(english)
            key = by_pair.get((prefix, th_format, en_format))
            if key is None:
                base = prefix + "." + slug(english)
                key, n = base, 2
                while key in thai_res:
                    key, n = f"{base}{n}", n + 1
                thai_res[key], english_res[key] = th_format, en_format
                by_pair[(prefix, th_format, en_format)] = key
            arguments = "".join(", " + a for a in args)
            call = f'L["{key}"{arguments}]' if razor else f'{m.group(1)}Texts.Get("{key}"{arguments})'
            out.append(text[pos:m.start()])
            out.append(call)
            pos = end
            converted += 1
        if pos and not check:
            out.append(text[pos:])
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write("".join(out))
    if check:
        print(f"{converted} Bi.T pair(s) left to convert")
        for problem in left:
            print("  not a literal pair:", problem)
        return 1 if converted or left else 0
    write_resx(NEUTRAL, thai_res, "th-TH, the neutral culture")
    write_resx(ENGLISH, english_res, "en-US")
    print(f"converted {converted} pair(s); {len(thai_res)} key(s) in the resource files")
    for problem in left:
        print("  left alone (not a literal pair, rewrite by hand):", problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
