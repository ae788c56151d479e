#!/usr/bin/env python3
"""Generate packages/privacy/src/secrets/gitleaks-rules.generated.ts from gitleaks' default config (MIT).

Usage: python3 tools/gen/gitleaks-rules.py [path/to/gitleaks.toml]
Default input: ../shared/datasets/secrets/gitleaks-rule-cases/config/gitleaks.toml (gitleaks @ b58d3f10).

Go RE2 syntax is converted to JavaScript: `(?i)` / `(?i:...)` / `(?-i:...)` become explicit letter classes
([aA]) so case-insensitive and case-sensitive parts can mix without inline modifiers (Node 20 has none);
`(?s:...)` turns `.` into `[\\s\\S]`; POSIX classes, `\\z`, `\\A` and `(?P<` are rewritten. Unbounded quantifiers
(`*`, `+`, `{n,}`) are capped (`{0,CAP}`, `{1,CAP}`, `{n,CAP}`) so every match attempt is bounded: JavaScript
backtracks where RE2 does not, and the cap keeps each rule linear in the input length.
"""
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_INPUT = os.path.join(ROOT, '..', 'shared', 'datasets', 'secrets', 'gitleaks-rule-cases', 'config', 'gitleaks.toml')
OUTPUT = os.path.join(ROOT, 'packages', 'privacy', 'src', 'secrets', 'gitleaks-rules.generated.ts')
CAP = 1024
CAP_PRIVATE_KEY = 16384

POSIX = {'alnum': 'A-Za-z0-9', 'alpha': 'A-Za-z', 'digit': '0-9', 'lower': 'a-z', 'upper': 'A-Z', 'space': '\\s', 'xdigit': '0-9A-Fa-f', 'word': '\\w', 'punct': '!-/:-@\\[-`{-~'}


def both(c):
    lo, up = c.lower(), c.upper()
    return lo != up


def convert(src, cap):
    out = []
    i = 0
    n = len(src)
    # stack of (case_insensitive, dotall) per group
    stack = []
    ci = False
    dotall = False
    if src.startswith('(?i)'):
        ci = True
        i = 4
    while i < n:
        c = src[i]
        if c == '\\':
            nxt = src[i + 1]
            if nxt == 'z':
                out.append('$')
                i += 2
                continue
            if nxt == 'A':
                out.append('^')
                i += 2
                continue
            if nxt == 'x' and src[i + 2] == '{':
                end = src.index('}', i)
                out.append('\\u' + src[i + 3:end].rjust(4, '0'))
                i = end + 1
                continue
            esc = src[i:i + 2]
            if ci and nxt.isalpha() and nxt not in 'dDwWsSbBnrtfvxu':
                out.append('[' + nxt.lower() + nxt.upper() + ']')
            else:
                out.append(esc)
            i += 2
            continue
        if c == '[':
            # character class
            j = i + 1
            body = []
            neg = ''
            if j < n and src[j] == '^':
                neg = '^'
                j += 1
            if j < n and src[j] == ']':
                body.append('\\]')
                j += 1
            extra = []
            while j < n and src[j] != ']':
                if src.startswith('[:', j):
                    end = src.index(':]', j)
                    body.append(POSIX[src[j + 2:end]])
                    j = end + 2
                    continue
                if src[j] == '\\':
                    if src[j + 1] == 'x' and src[j + 2] == '{':
                        end = src.index('}', j)
                        body.append('\\u' + src[j + 3:end].rjust(4, '0'))
                        j = end + 1
                        continue
                    body.append(src[j:j + 2])
                    j += 2
                    continue
                if j + 2 < n and src[j + 1] == '-' and src[j + 2] != ']':
                    a, b = src[j], src[j + 2]
                    body.append(f'{a}-{b}')
                    if ci and a.isalpha() and b.isalpha():
                        extra.append(f'{a.swapcase()}-{b.swapcase()}')
                    j += 3
                    continue
                ch = src[j]
                if ch == '[':
                    ch = '\\['
                body.append(ch)
                if ci and len(ch) == 1 and both(ch):
                    extra.append(ch.swapcase())
                j += 1
            out.append('[' + neg + ''.join(extra) + ''.join(body) + ']')
            i = j + 1
            continue
        if c == '(':
            if src.startswith('(?i:', i):
                stack.append((ci, dotall))
                ci = True
                out.append('(?:')
                i += 4
                continue
            if src.startswith('(?-i:', i):
                stack.append((ci, dotall))
                ci = False
                out.append('(?:')
                i += 5
                continue
            if src.startswith('(?s:', i):
                stack.append((ci, dotall))
                dotall = True
                out.append('(?:')
                i += 4
                continue
            if src.startswith('(?P<', i):
                stack.append((ci, dotall))
                out.append('(?<')
                i += 4
                continue
            if src.startswith('(?i)', i):
                ci = True  # to the end of the enclosing group (restored when it closes)
                i += 4
                continue
            if src.startswith('(?s)', i):
                dotall = True
                i += 4
                continue
            stack.append((ci, dotall))
            out.append('(')
            i += 1
            continue
        if c == ')':
            ci, dotall = stack.pop()
            out.append(')')
            i += 1
            continue
        if c == '.':
            out.append('[\\s\\S]' if dotall else '.')
            i += 1
            continue
        if c in '*+':
            lazy = i + 1 < n and src[i + 1] == '?'
            out.append(('{0,%d}' if c == '*' else '{1,%d}') % cap + ('?' if lazy else ''))
            i += 2 if lazy else 1
            continue
        if c == '{':
            end = src.index('}', i)
            inner = src[i + 1:end]
            if inner.endswith(','):
                out.append('{%s,%d}' % (inner[:-1], max(cap, int(inner[:-1]) * 2)))
            else:
                out.append('{' + inner + '}')
            i = end + 1
            continue
        if ci and c.isalpha() and both(c):
            out.append('[' + c.lower() + c.upper() + ']')
            i += 1
            continue
        out.append(c)
        i += 1
    return ''.join(out)


PREFIX = '[\\w.-]{0,50}?'


def strip_context_prefix(src):
    """Drops the leading lazy `[\\w.-]{0,50}?` (also inside a leading `(?i:` group): it only moves the match start
    left and never decides whether a rule matches, but in a backtracking engine it multiplies the work per position
    by 50 (by 2,500 where gitleaks nests two). The detector re-extends the match start for `match` allowlists."""
    flag = ''
    if src.startswith('(?i)'):
        flag, src = '(?i)', src[4:]
    stripped = False
    while True:
        if src.startswith(PREFIX):
            src = src[len(PREFIX):]
            stripped = True
        elif src.startswith('(?i:' + PREFIX):
            src = '(?i:' + src[4 + len(PREFIX):]
            stripped = True
        else:
            break
    return flag + src, stripped


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    with open(path, 'rb') as f:
        config = tomllib.load(f)
    rules = []
    for r in config['rules']:
        if 'regex' not in r:
            continue  # path-only rules cannot fire on prompt text
        cap = CAP_PRIVATE_KEY if r['id'] == 'private-key' else CAP
        allow = []
        for a in r.get('allowlists', []):
            if a.get('paths') and a.get('condition', 'OR') == 'AND':
                continue  # needs a file path: never true for a prompt
            entry = {}
            if a.get('regexes'):
                entry['regexes'] = [convert(x, CAP) for x in a['regexes']]
                entry['target'] = a.get('regexTarget', 'secret')
            if a.get('stopwords'):
                entry['stopwords'] = a['stopwords']
            if entry:
                allow.append(entry)
        source, stripped = strip_context_prefix(r['regex'])
        rule = {
            'id': r['id'],
            'description': r.get('description', ''),
            'regex': convert(source, cap),
            'keywords': [k.lower() for k in r.get('keywords', [])],
        }
        if stripped:
            rule['contextPrefix'] = 50
        if 'entropy' in r:
            rule['entropy'] = r['entropy']
        if 'secretGroup' in r:
            rule['secretGroup'] = r['secretGroup']
        if allow:
            rule['allowlists'] = allow
        rules.append(rule)
    g = config.get('allowlist', {})
    global_allow = {'regexes': [convert(x, CAP) for x in g.get('regexes', [])], 'stopwords': g.get('stopwords', [])}
    header = (
        '// Generated by tools/gen/gitleaks-rules.py from gitleaks\' default config (config/gitleaks.toml,\n'
        '// https://github.com/gitleaks/gitleaks, MIT licence: Copyright (c) 2019 Zachary Rice; see\n'
        '// packages/privacy/THIRD_PARTY_LICENSES.md). Do not edit by hand: rerun the generator.\n'
        "import type { SecretRuleData, SecretAllowlistData } from './rule-types.js';\n\n"
    )
    body = (
        '/** gitleaks\' default rules converted to JavaScript regular expressions (sources). */\n'
        'export const GITLEAKS_RULES: readonly SecretRuleData[] = ' + json.dumps(rules, indent=1, ensure_ascii=True) + ';\n\n'
        '/** gitleaks\' global allowlist: secrets matching these regexes or containing these stopwords are not reported. */\n'
        'export const GITLEAKS_GLOBAL_ALLOWLIST: SecretAllowlistData = ' + json.dumps(global_allow, indent=1, ensure_ascii=True) + ';\n'
    )
    with open(OUTPUT, 'w') as f:
        f.write(header + body)
    print(f'wrote {len(rules)} rules to {OUTPUT}')


if __name__ == '__main__':
    main()
