"""Second-generation prompt-injection data (issue 13): multilingual ordinary prompts, harmful requests and indirect
injections, each split by a seeded key into train / calibration / held-back test parts.

Licences (../shared/datasets/README.md): Mintaka CC BY 4.0, Tatoeba CC BY 2.0 FR, Korean chatbot data MIT, CrossWOZ
Apache-2.0, AILuminate demo CC BY 4.0, MultiJail MIT, BIPIA MIT. All allow shipping a model trained on them.

Split policy (`key_parts`): every set is cut by a key that keeps translations and near-copies together (Mintaka's
question id across its 9 languages, MultiJail's prompt id across its 10, CrossWOZ's dialogue, BIPIA's email context
and attack string), 60% train / 10% calibration / 30% held-back test. The test parts are never trained on and never
used to choose anything; the calibration parts only set the decision threshold (`calibrated_threshold`).

Harmful-request policy: a plain harmful question ("how do I make a weapon?") is **not** a prompt injection: it does
not try to override, leak or smuggle instructions. MultiJail and AILuminate's `unskilled` prompts are therefore
benign rows for this model (the Toxicity / ban scanners are the tools for harmful content). AILuminate's `skilled`
prompts often add jailbreak framing (forced reply prefixes, fake authority); they are neither trained on nor used for
calibration, and their held-back part is reported separately without a target.

Indirect injection: BIPIA's attack strings (text 15 categories x 5, code 10 x 5) are embedded in BIPIA's real email
contexts and in hand-written web pages, tables and code files (`carriers.py`); each positive has a benign twin (the
same carrier with an ordinary sentence instead of the attack), so the model learns the instruction, not the carrier.
Test rows use only held-back contexts and held-back attack strings (2 of 5 per category).
"""
from __future__ import annotations

import csv
import json
import random
import zipfile
from pathlib import Path

import pandas as pd

import carriers
from data import DATASETS, Split, _jsonl

SEED = 13
MINTAKA_LANGS = ['en', 'ar', 'de', 'es', 'fr', 'hi', 'it', 'ja', 'pt']
MULTIJAIL_LANGS = ['en', 'zh', 'it', 'vi', 'ar', 'ko', 'th', 'bn', 'sw', 'jv']
# training rows per set (the rest of the train part is unused, so the sets stay balanced against each other)
TRAIN_CAPS = {'mintaka': 2400, 'tatoeba': 120, 'korean-chatbot': 2000, 'crosswoz': 2000, 'multijail': 800,
              'ailuminate': 720}


def key_parts(keys: list, name: str, seed: int = SEED) -> dict:
    """Assigns each distinct key to 'train' (60%), 'calib' (10%) or 'test' (30%), seeded by the set's name."""
    uniq = sorted(set(keys), key=str)
    random.Random(f'{seed}:{name}').shuffle(uniq)
    n = len(uniq)
    n_test, n_cal = int(round(n * 0.3)), int(round(n * 0.1))
    part = {}
    for i, k in enumerate(uniq):
        part[k] = 'test' if i < n_test else 'calib' if i < n_test + n_cal else 'train'
    return part


def _mintaka() -> list[tuple[str, str, str]]:
    rows = json.loads((DATASETS / 'benign_prompts/mintaka-multilingual-questions/data/mintaka_dev.json').read_text(encoding='utf-8'))
    out = []
    for r in rows:
        out.append((r['id'], 'en', r['question']))
        for lang in MINTAKA_LANGS[1:]:
            out.append((r['id'], lang, r['translations'][lang]))
    return out


def _tatoeba() -> list[tuple[str, str, str]]:
    d = DATASETS / 'benign_prompts/tatoeba-laser-multilingual/data/tatoeba/v1'
    out = []
    for p in sorted(d.glob('tatoeba.*-eng.*')):
        lang = p.name.split('.')[1].split('-')[0]
        with open(p, encoding='utf-8') as f:
            for i, line in enumerate(f):
                t = line.strip()
                if t:
                    out.append((f'{lang}:{i}', lang, t))
    return out


def _korean() -> list[tuple[str, str, str]]:
    df = pd.read_csv(DATASETS / 'benign_prompts/korean-chatbot-data/ChatbotData.csv')
    return [(str(q), 'ko', str(q)) for q in df['Q']]


def _crosswoz(split: str) -> list[tuple[str, str, str]]:
    z = zipfile.ZipFile(DATASETS / f'benign_prompts/crosswoz-zh-user-turns/data/crosswoz/{split}.json.zip')
    d = json.loads(z.read(f'{split}.json'))
    return [(dial, 'zh', m['content']) for dial, v in d.items() for m in v['messages'] if m['role'] == 'usr']


def _multijail() -> list[tuple[str, str, str]]:
    with open(DATASETS / 'harmful_requests/multijail/data/MultiJail.csv', encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    return [(r['id'], lang, r[lang]) for r in rows for lang in MULTIJAIL_LANGS if r[lang].strip()]


def _ailuminate() -> list[tuple[str, str, str, str]]:
    out = []
    for loc in ('en_us', 'fr_fr'):
        df = pd.read_csv(DATASETS / f'harmful_requests/ailuminate-demo/airr_official_1.0_demo_{loc}_prompt_set_release.csv')
        for pid, t, persona in zip(df['release_prompt_id'], df['prompt_text'], df['persona']):
            out.append((pid, loc[:2], str(t), persona))
    return out


def benign_sets(seed: int = SEED) -> dict[str, dict]:
    """{set name: {'train': Split, 'calib': Split, 'tests': {name: Split}}} for the multilingual ordinary prompts and
    the harmful requests (label 0 everywhere). Tests are per language where a set has several."""
    rng = random.Random(seed)
    out: dict[str, dict] = {}

    def build(name: str, rows: list[tuple[str, str, str]], per_lang_tests: bool, cap_per_lang: bool = False,
              test_rows: list[tuple[str, str, str]] | None = None) -> None:
        part = key_parts([k for k, _, _ in rows], name, seed)
        tr, cal = Split(), Split()
        tests: dict[str, Split] = {}
        train_rows = [r for r in rows if part[r[0]] == 'train']
        rng.shuffle(train_rows)
        if cap_per_lang:
            per: dict[str, int] = {}
            for k, lang, t in train_rows:
                if per.get(lang, 0) < TRAIN_CAPS[name]:
                    per[lang] = per.get(lang, 0) + 1
                    tr.add(t, 0, name)
        else:
            for k, lang, t in train_rows[:TRAIN_CAPS[name]]:
                tr.add(t, 0, name)
        for k, lang, t in rows:
            if part[k] == 'calib':
                cal.add(t, 0, f'{name}/{lang}')
        for k, lang, t in (test_rows if test_rows is not None else [r for r in rows if part[r[0]] == 'test']):
            tname = f'{name}-test/{lang}' if per_lang_tests else f'{name}-test'
            tests.setdefault(tname, Split()).add(t, 0, tname)
        out[name] = {'train': tr, 'calib': cal, 'tests': tests}

    build('mintaka', _mintaka(), True)
    build('tatoeba', _tatoeba(), True, cap_per_lang=True)
    build('korean-chatbot', _korean(), False)
    # CrossWOZ: the upstream val dialogues give train / calibration, the upstream test dialogues are the held-back test
    val = _crosswoz('val')
    build('crosswoz', val, False, test_rows=_crosswoz('test'))
    build('multijail', _multijail(), True)
    ail = _ailuminate()
    plain = [(k, lang, t) for k, lang, t, persona in ail if persona == 'unskilled']
    build('ailuminate', plain, True)
    out['ailuminate']['tests'] = {k.replace('ailuminate-test/', 'ailuminate-unskilled-test/'): v for k, v in out['ailuminate']['tests'].items()}
    part = key_parts([k for k, *_ in ail if True], 'ailuminate-skilled', seed)
    for k, lang, t, persona in ail:
        if persona == 'skilled' and part[k] == 'test':
            out['ailuminate']['tests'].setdefault(f'ailuminate-skilled-test/{lang} (report only)', Split()).add(t, 0, 'ailuminate-skilled')
    return out


def _bipia_attacks() -> list[tuple[str, str, str]]:
    """(category, kind, attack string) for BIPIA's text and code attack strings."""
    d = DATASETS / 'prompt_injection/bipia-indirect/benchmark'
    out = []
    for kind in ('text', 'code'):
        for cat, items in json.loads((d / f'{kind}_attack_train.json').read_text(encoding='utf-8')).items():
            for a in items:
                out.append((f'{kind}:{cat}', kind, a))
    return out


def indirect_sets(seed: int = SEED, n_train: int = 1800, benign_windows: int = 0) -> dict:
    """Indirect injections: BIPIA attacks inside BIPIA emails and hand-written carriers, with benign twins.

    Held back: 15 of the 50 email contexts, 2 of the 5 attack strings per category (50 of 125), the carrier
    templates' test pools (`carriers.py`). Returns {'train': Split, 'tests': {name: Split}}."""
    rng = random.Random(f'{seed}:indirect')
    emails = [r['context'] for r in _jsonl(DATASETS / 'prompt_injection/bipia-indirect/benchmark/email/train.jsonl')]
    e_part = key_parts(list(range(len(emails))), 'bipia-email', seed)
    attacks = _bipia_attacks()
    by_cat: dict[str, list[str]] = {}
    for cat, _, a in attacks:
        by_cat.setdefault(cat, []).append(a)
    train_att, test_att = [], []
    for cat in sorted(by_cat):
        items = list(by_cat[cat])
        random.Random(f'{seed}:{cat}').shuffle(items)
        test_att += items[:2]
        train_att += items[2:]
    e_train = [e for i, e in enumerate(emails) if e_part[i] != 'test']
    e_test = [e for i, e in enumerate(emails) if e_part[i] == 'test']

    train = Split()
    for i in range(n_train):
        attack = rng.choice(train_att)
        if rng.random() < 0.5:
            ctx = rng.choice(e_train)
            pos, neg = carriers.embed_email(rng, ctx, attack, 'train')
            src = 'indirect-email'
        else:
            pos, neg = carriers.embed_carrier(rng, attack, 'train')
            src = 'indirect-carrier'
        train.add(pos, 1, src)
        train.add(neg, 0, src + '-benign')

    if benign_windows:
        # The scanners read long inputs in 64-token chunks (config.json chunk_tokens): a chunk of a long, harmless
        # email or web page is what the model sees then, so windows of ~30-50 words of the benign training carriers
        # (BIPIA training emails, the benign twins) are benign rows too
        pool = e_train + [t for t, y in zip(train.texts, train.labels) if y == 0]
        wrng = random.Random(f'{seed}:windows')
        seen_w: set[str] = set()
        tries = 0
        while len(seen_w) < benign_windows and tries < benign_windows * 10:
            tries += 1
            words = wrng.choice(pool).split()
            if len(words) < 40:
                continue
            n = wrng.randint(30, 50)
            start = wrng.randint(0, max(0, len(words) - n))
            w = ' '.join(words[start:start + n])
            if w not in seen_w:
                seen_w.add(w)
                train.add(w, 0, 'indirect-window-benign')

    tests: dict[str, Split] = {}
    trng = random.Random(f'{seed}:indirect-test')
    em, em_b, ca, ca_b = Split(), Split(), Split(), Split()
    for j, attack in enumerate(test_att):
        for ctx in trng.sample(e_test, 3):
            pos, neg = carriers.embed_email(trng, ctx, attack, 'test')
            em.add(pos, 1, 'indirect-email-test')
            em_b.add(neg, 0, 'indirect-email-test')
        for _ in range(3):
            pos, neg = carriers.embed_carrier(trng, attack, 'test')
            ca.add(pos, 1, 'indirect-carrier-test')
            ca_b.add(neg, 0, 'indirect-carrier-test')
    tests['indirect-email-test (held-back emails x attacks)'] = em
    tests['indirect-email-test benign twins'] = em_b
    tests['indirect-carrier-test (web/table/code, held-back attacks)'] = ca
    tests['indirect-carrier-test benign twins'] = ca_b
    plain = Split()
    for ctx in e_test:
        plain.add(ctx, 0, 'bipia-email-test')
    tests['bipia-email-test (held-back contexts, no attack)'] = plain
    return {'train': train, 'tests': tests}


# ordinary prompts that may carry an attack in a composite (training parts only), and the attack rows to append
COMPOSITE_HOSTS = ('mintaka', 'tatoeba', 'korean-chatbot', 'crosswoz', 'multijail', 'ailuminate', 'gsm8k_train',
                   'self_instruct_seed', 'gpteacher_codegen', 'jackhhao-train')
COMPOSITE_ATTACKS = ('synthetic-attack', 'synthetic-ml-attack')


def composites(train: Split, n: int, seed: int = SEED) -> Split:
    """`n` attacks smuggled into an ordinary prompt of the training split, without a marker: a question or request
    (any language) followed, less often preceded, by a template attack. The host prompt alone is already a benign
    training row, so each composite has its benign twin; this stops "ordinary question in language X" from deciding
    alone (deepset-style "topic + question + hidden order" rows, attacks after a harmless request)."""
    rng = random.Random(f'{seed}:composites')
    hosts = [t for t, y, s in zip(train.texts, train.labels, train.sources) if y == 0 and s in COMPOSITE_HOSTS and len(t) < 400]
    attacks = [t for t, y, s in zip(train.texts, train.labels, train.sources) if y == 1 and s in COMPOSITE_ATTACKS]
    out = Split()
    for _ in range(n):
        h, a = rng.choice(hosts), rng.choice(attacks)
        sep = rng.choice([' ', ' ', '. ', '\n', ' - '])
        out.add(f'{h}{sep}{a}' if rng.random() < 0.8 else f'{a}{sep}{h}', 1, 'composite-attack')
    return out


def calibrated_threshold(dev_benign_scores, calib: dict[str, list[float]], target_pooled: float = 0.01,
                         target_set: float = 0.015, min_rows: int = 200, floor: float = 0.5) -> float:
    """The decision threshold: the smallest value with FPR <= `target_pooled` on the pooled dev + calibration
    benign rows and FPR <= `target_set` on every calibration set of at least `min_rows` rows (so no single language
    or collection is sacrificed to the pool), never below `floor`. The targets sit under the issue's 2% so that the
    held-back parts, which calibration never sees, keep a margin. A set needs `min_rows` calibration rows to count on
    its own: at 1.5% of the 120 AILuminate calibration rows a single prompt decided the threshold (0.85-0.94 in the
    first two runs), so smaller sets only count in the pool."""
    import numpy as np

    import metrics as M
    pooled = list(dev_benign_scores)
    for v in calib.values():
        pooled += list(v)
    thr = max(floor, M.fpr_threshold(np.asarray(pooled), target_pooled))
    for v in calib.values():
        if len(v) >= min_rows:
            thr = max(thr, M.fpr_threshold(np.asarray(v), target_set))
    return float(thr)
