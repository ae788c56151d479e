"""Fixed lexicon channels for the embedded CNNs: extra, non-trainable input dimensions per vocabulary piece, read
from the hand-written lexicons of `packages/heuristics` (never learned from any test split). The CNN sees them next
to its trainable piece embeddings, so words that are rare in the training rows still carry what the lexicon says.

Lexicons (`train.py --lexicon NAME`):
- `vader` (1 channel): VADER's mean valence / 4 (MIT; `sentiment/vader-lexicon.ts`) of every whole-word piece.
- `sentiment` (1 channel): `vader`, plus the project's tweet slang list (`sentiment/tweet-lexicon.ts`) and emoji
  valence (`sentiment/emoji-lexicon.ts`) / 4. Emoji are not in the bert-base-uncased vocabulary (they become
  [UNK]); `extra_pieces('sentiment')` adds each listed emoji as a piece and as a `##` continuation, plus the five
  skin-tone modifiers as continuations, so "😂😂" or "love❤" tokenise into pieces the channel can score.
- `toxicity` (8 channels): from `toxicity/lexicon-data.ts`: evidence weight for `toxic`, the weight again on each
  of obscene / insult / identity_hate / threat where the entry lists that category, `severe_toxic` evidence,
  identity-group names (1.0) and dehumanising predicates (1.0). A whole-word piece takes an entry's values when
  it is one of the entry's forms, starts with a `root*` form or contains a `*root*` form; a `##` continuation only
  through `*root*` forms.

Continuation pieces (`##…`) and words the lexicon does not list get 0 (except as said above).
"""
from __future__ import annotations

import re
from pathlib import Path

HEURISTICS = Path(__file__).resolve().parents[2] / 'packages/heuristics/src'
VADER_TS = HEURISTICS / 'sentiment/vader-lexicon.ts'
TWEET_TS = HEURISTICS / 'sentiment/tweet-lexicon.ts'
EMOJI_TS = HEURISTICS / 'sentiment/emoji-lexicon.ts'
TOXICITY_TS = HEURISTICS / 'toxicity/lexicon-data.ts'
SKIN_TONES = [chr(c) for c in range(0x1F3FB, 0x1F400)]
TOXICITY_CHANNELS = ['toxic', 'obscene', 'insult', 'identity_hate', 'threat', 'severe_toxic', 'identity_group', 'dehumanizing']
NAMES = ('vader', 'sentiment', 'toxicity')


def vader() -> dict[str, float]:
    src = VADER_TS.read_text(encoding='utf-8')
    m = re.search(r'VADER_LEXICON_DATA(?:\s*:\s*string)?\s*=\s*"((?:[^"\\]|\\.)*)"', src, re.S)
    if not m:
        raise SystemExit(f'{VADER_TS}: VADER_LEXICON_DATA string not found')
    data = m.group(1).encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
    out: dict[str, float] = {}
    for line in data.split('\n'):
        token, _, value = line.partition('\t')
        if token and value:
            out[token] = float(value)
    return out


def _valence_map(path: Path) -> dict[str, float]:
    """Entries `['token', value]` of a `new Map([...])` lexicon file."""
    src = path.read_text(encoding='utf-8')
    out = {k: float(v) for k, v in re.findall(r"\['((?:[^'\\]|\\.)+)',\s*(-?[0-9.]+)\]", src)}
    if not out:
        raise SystemExit(f'{path}: no entries found')
    return out


def emoji() -> dict[str, float]:
    return _valence_map(EMOJI_TS)


def tweet() -> dict[str, float]:
    return _valence_map(TWEET_TS)


def _string_constant(src: str, name: str) -> list[str]:
    m = re.search(name + r"(?:\s*:\s*string)?\s*=\s*((?:\s*'[^']*'\s*\+?)+);", src)
    if not m:
        raise SystemExit(f'{TOXICITY_TS}: {name} not found')
    return ''.join(re.findall(r"'([^']*)'", m.group(1))).split('|')


def toxicity_entries() -> list[tuple[list[str], float, str, float]]:
    src = TOXICITY_TS.read_text(encoding='utf-8')
    rows = re.findall(r"\['([^']+)',\s*([0-9.]+),\s*'([a-z]*)'(?:,\s*([0-9.]+))?\]", src)
    if len(rows) < 40:
        raise SystemExit(f'{TOXICITY_TS}: only {len(rows)} entries parsed')
    return [(forms.split('|'), float(w), cats, float(sev or 0)) for forms, w, cats, sev in rows]


def _toxicity_row(piece: str, entries, groups: set[str], dehumanizing: set[str]) -> list[float]:
    row = [0.0] * len(TOXICITY_CHANNELS)
    cont = piece.startswith('##')
    word = piece[2:] if cont else piece
    for forms, weight, cats, severe in entries:
        hit = False
        for f in forms:
            if f.startswith('*') and f.endswith('*'):
                hit = f.strip('*') in word
            elif cont:
                hit = False
            elif f.endswith('*'):
                hit = word.startswith(f[:-1])
            else:
                hit = word == f
            if hit:
                break
        if not hit:
            continue
        values = [weight] + [weight if c in cats else 0.0 for c in 'oiht'] + [severe]
        row[:6] = [max(a, b) for a, b in zip(row[:6], values)]
    if not cont:
        row[6] = 1.0 if word in groups else 0.0
        row[7] = 1.0 if word in dehumanizing else 0.0
    return row


def extra_pieces(name: str | None) -> list[str]:
    """Pieces the lexicon needs in the vocabulary beyond what pruning keeps (appended at the end)."""
    if name != 'sentiment':
        return []
    out = []
    for e in emoji():
        out += [e, '##' + e]
    return out + ['##' + s for s in SKIN_TONES]


def width(name: str | None) -> int:
    return len(TOXICITY_CHANNELS) if name == 'toxicity' else 1 if name else 0


def channels(name: str, vocab: dict[str, int]) -> list[list[float]]:
    """One row of `width(name)` values per id of `vocab` (piece → id)."""
    if name not in NAMES:
        raise SystemExit(f'unknown lexicon {name!r}; one of {NAMES}')
    rows = [[0.0] * width(name) for _ in range(max(vocab.values()) + 1)]
    if name == 'toxicity':
        src = TOXICITY_TS.read_text(encoding='utf-8')
        entries = toxicity_entries()
        groups = set(_string_constant(src, 'IDENTITY_GROUPS'))
        dehumanizing = set(_string_constant(src, 'DEHUMANIZING'))
        for piece, i in vocab.items():
            if not piece.startswith('['):
                rows[i] = _toxicity_row(piece, entries, groups, dehumanizing)
        return rows
    lex = vader()
    if name == 'sentiment':
        lex = {**tweet(), **lex}  # VADER's own entries are never overridden (as in packages/heuristics)
        emo = emoji()
    for piece, i in vocab.items():
        if name == 'sentiment' and piece.removeprefix('##') in emo:
            rows[i][0] = emo[piece.removeprefix('##')] / 4.0
        elif not piece.startswith('##') and piece in lex:
            rows[i][0] = lex[piece] / 4.0
    return rows

