"""Permissively licensed toxicity sources for the second-generation toxicity model (issue 13), beside the Jigsaw and
Davidson rows of `data.load_toxicity`. Every loader returns `data.Split`s with multi-label targets over
`data.TOX_LABELS` (None = not annotated, masked out of the loss).

| source | licence | labels |
|---|---|---|
| ConvAbuse (user turns to two chatbots) | CC BY 4.0 | majority abusive -> toxic (others masked); majority not abusive -> all 0; ties dropped |
| Civil Comments toxic spans (SemEval-2021 Task 5) | CC0-1.0 | every post was rated toxic -> toxic (others masked); rows with no span are dropped |
| ToxiGen demonstrations | MIT | hate -> toxic + identity_hate (others masked); neutral -> all 0 |
| HateCheck (English), split by template | CC BY 4.0 | hateful -> toxic + identity_hate; non-hateful counter-speech, negation, neutral / positive identity mentions, reclaimed slurs and homonyms -> all 0; non-hateful abuse of non-protected targets and profanity -> identity_hate 0, others masked (they are toxic or obscene in Jigsaw's sense) |
| ordinary sentences and questions in many languages (Tatoeba, Mintaka, Korean chatbot, CrossWOZ user turns), at most `CAPS` rows of a seeded half | CC BY 2.0 FR / CC BY 4.0 / MIT / Apache-2.0 | all 0 |

The other half of each multilingual set (Mintaka: by question id, so no translation of a held-back question is
trained on) and HateCheck's held-out templates are test splits (false-positive rates; HateCheck F1).
"""
from __future__ import annotations

import ast
import json
import random
import zipfile

import pandas as pd

from data import DATASETS, SEED, Split, TOX_LABELS, _split_indices  # noqa: F401

TOX = DATASETS / 'toxicity'
BENIGN = DATASETS / 'benign_prompts'
N = len(TOX_LABELS)
ZERO = [0.0] * N
TOXIC = [1.0] + [None] * (N - 1)
HATE = [1.0, None, None, None, None, 1.0]
NOT_HATE = [None] * (N - 1) + [0.0]

# HateCheck functionalities whose non-hateful cases are not toxic at all (the rest: abuse of non-protected targets,
# profanity, are toxic / obscene in Jigsaw's sense and only say "not identity hate")
_HC_CLEAN = {'counter_quote_nh', 'counter_ref_nh', 'ident_neutral_nh', 'ident_pos_nh', 'negate_neg_nh', 'slur_homonym_nh', 'slur_reclaimed_nh'}


def convabuse(split: str) -> Split:
    """ConvAbuse `user` turns of `2_splits/ConvAbuseEMNLP<split>.csv` with the majority label (abusive when more than
    half of the annotators chose -1/-2/-3; ties dropped)."""
    df = pd.read_csv(TOX / f'convabuse/2_splits/ConvAbuseEMNLP{split}.csv', keep_default_na=False)
    s = Split()
    for _, r in df.iterrows():
        votes = abusive = 0
        for n in range(1, 9):
            cols = [f'Annotator{n}_is_abuse.{v}' for v in ('1', '0', '-1', '-2', '-3')]
            if cols[0] not in df.columns:
                continue
            vals = [str(r[c]).strip() for c in cols]
            if all(v == '' for v in vals):
                continue
            votes += 1
            abusive += int(any(vals[k] in ('1', '1.0') for k in (2, 3, 4)))
        text = str(r['user']).strip()
        if votes == 0 or not text or 2 * abusive == votes:
            continue
        s.add(text, TOXIC if 2 * abusive > votes else ZERO, f'convabuse-{split}')
    return s


def civil_spans(split: str) -> Split:
    """Civil Comments posts of the toxic-spans set (all rated toxic by at least half the raters) that carry a span."""
    df = pd.read_csv(TOX / f'toxic-spans-civil-comments/SemEval2021/data/tsd_{split}.csv')
    s = Split()
    for spans, text in zip(df['spans'], df['text']):
        if ast.literal_eval(spans):
            s.add(str(text), TOXIC, f'civil-spans-{split}')
    return s


def toxigen() -> Split:
    """ToxiGen demonstration statements, unique lines in file order (a leading "- " removed)."""
    s = Split()
    seen = set()
    for path in sorted((TOX / 'toxigen-demonstrations/demonstrations').glob('*/*.txt')):
        label = HATE if path.name.startswith('hate_') else ZERO
        for line in path.read_text(encoding='utf-8').splitlines():
            t = line.strip().removeprefix('- ').strip()
            if t and t not in seen:
                seen.add(t)
                s.add(t, label, 'toxigen')
    return s


def hatecheck(seed: int = SEED, test_frac: float = 0.3) -> tuple[Split, Split]:
    """HateCheck (English) split by `templ_id` (a seeded 30% of the templates held out): (train, test). Test labels are
    the gold is-hateful bit (for F1), train labels the multi-label targets described in the module doc."""
    df = pd.read_csv(TOX / 'hatecheck-en/test_suite_cases.csv')
    templates = sorted(df['templ_id'].unique())
    random.Random(seed).shuffle(templates)
    held = set(templates[:int(round(len(templates) * test_frac))])
    train, test = Split(), Split()
    for text, gold, fn, tid in zip(df['test_case'], df['label_gold'], df['functionality'], df['templ_id']):
        text = str(text).strip()
        hateful = gold == 'hateful'
        if tid in held:
            test.add(text, int(hateful), 'hatecheck-test')
        else:
            train.add(text, HATE if hateful else (ZERO if fn in _HC_CLEAN else NOT_HATE), 'hatecheck-train')
    return train, test


# training rows taken from each multilingual set's training half (the held-back halves are tested in full)
CAPS = {'tatoeba': 150, 'mintaka': 300, 'korean-chatbot': 2000, 'crosswoz-val': 2000}


def _halves(texts: list[str], source: str, seed: int, cap: int | None = None) -> tuple[Split, Split]:
    tr_i, te_i = _split_indices(len(texts), 0.5, seed)
    tr, te = Split(), Split()
    for i in sorted(tr_i[:cap] if cap else tr_i):
        tr.add(texts[i], ZERO, source)
    for i in sorted(te_i):
        te.add(texts[i], 0, source + '-heldout')
    return tr, te


def multilingual_benign(seed: int = SEED) -> tuple[list[Split], dict[str, Split]]:
    """Ordinary sentences and questions in many languages: a seeded half of each set for training (all labels 0),
    the other half as held-back false-positive tests."""
    train: list[Split] = []
    tests: dict[str, Split] = {}
    # Tatoeba (45 languages): per language file
    tat_tr, tat_te = Split(), Split()
    for path in sorted((BENIGN / 'tatoeba-laser-multilingual/data/tatoeba/v1').glob('tatoeba.*-eng.*')):
        lines = [x.strip() for x in path.read_text(encoding='utf-8').splitlines() if x.strip()]
        a, b = _halves(lines, 'tatoeba', seed, CAPS['tatoeba'])
        tat_tr.extend(a)
        tat_te.extend(b)
    train.append(tat_tr)
    tests['tatoeba-45-languages (held-back half)'] = tat_te
    # Mintaka: by question, all 8 translations on the same side
    items = json.loads((BENIGN / 'mintaka-multilingual-questions/data/mintaka_dev.json').read_text(encoding='utf-8'))
    tr_i, te_i = _split_indices(len(items), 0.5, seed)
    mt_tr, mt_te = Split(), Split()
    for idx, dst, lab in [(sorted(tr_i[:CAPS['mintaka']]), mt_tr, ZERO), (sorted(te_i), mt_te, 0)]:
        for i in idx:
            for lang, q in sorted(items[i]['translations'].items()):
                dst.add(q, lab, 'mintaka')
    train.append(mt_tr)
    tests['mintaka-8-languages (held-back half)'] = mt_te
    # Korean chatbot user utterances
    df = pd.read_csv(BENIGN / 'korean-chatbot-data/ChatbotData.csv')
    a, b = _halves([str(q) for q in df['Q']], 'korean-chatbot', seed, CAPS['korean-chatbot'])
    train.append(a)
    tests['korean-chatbot (held-back half)'] = b
    # CrossWOZ user turns: val for training, test held back
    for split, dst in [('val', 'train'), ('test', 'test')]:
        d = json.loads(zipfile.ZipFile(BENIGN / f'crosswoz-zh-user-turns/data/crosswoz/{split}.json.zip').read(f'{split}.json'))
        s = Split()
        for k in sorted(d):
            for m in d[k]['messages']:
                if m['role'] == 'usr' and m['content'].strip():
                    s.add(m['content'].strip(), ZERO if dst == 'train' else 0, f'crosswoz-{split}')
        if dst == 'train':
            keep = sorted(_split_indices(len(s), 0.0, seed)[0][:CAPS['crosswoz-val']])
            capped = Split()
            for i in keep:
                capped.add(s.texts[i], s.labels[i], s.sources[i])
            train.append(capped)
        else:
            tests['crosswoz-zh test (held back)'] = s
    return train, tests
