"""A fixed sentiment-lexicon channel for the embedded sentiment model: VADER's mean valence (MIT, the copy in
packages/heuristics/src/sentiment/vader-lexicon.ts) of every whole-word piece of the pruned vocabulary, scaled to
[-1, 1]. The CNN reads it as one extra, non-trainable embedding dimension, so words that are rare in the training
tweets still carry their polarity. Continuation pieces (`##…`) and words VADER does not list get 0.
"""
from __future__ import annotations

import re
from pathlib import Path

VADER_TS = Path(__file__).resolve().parents[2] / 'packages/heuristics/src/sentiment/vader-lexicon.ts'


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


def channel(vocab: dict[str, int]) -> list[float]:
    """Valence / 4 for each id of `vocab` (piece → id)."""
    lex = vader()
    values = [0.0] * (max(vocab.values()) + 1)
    for piece, i in vocab.items():
        if not piece.startswith('##') and piece in lex:
            values[i] = lex[piece] / 4.0
    return values
