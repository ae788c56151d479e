"""Dataset loaders for the embedded-model training scripts.

Every loader reads `../shared/datasets` (override with LLM_SHIELD_DATASETS) and returns plain Python lists.
Official test splits are returned separately and never mixed into training; dev splits are seeded
slices of the training data.
"""
from __future__ import annotations

import csv
import json
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DATASETS = Path(os.environ.get('LLM_SHIELD_DATASETS', ROOT.parent / 'shared' / 'datasets'))
SEED = 13


@dataclass
class Split:
    texts: list[str] = field(default_factory=list)
    labels: list = field(default_factory=list)  # int (single-label) or list[float|None] (multi-label)
    sources: list[str] = field(default_factory=list)

    def add(self, text: str, label, source: str) -> None:
        self.texts.append(text)
        self.labels.append(label)
        self.sources.append(source)

    def extend(self, other: 'Split') -> None:
        self.texts += other.texts
        self.labels += other.labels
        self.sources += other.sources

    def __len__(self) -> int:
        return len(self.texts)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def _split_indices(n: int, dev_frac: float, seed: int) -> tuple[list[int], list[int]]:
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    k = int(round(n * dev_frac))
    return idx[k:], idx[:k]


def _norm(t: str) -> str:
    return re.sub(r'\s+', ' ', t.strip().lower())


# --------------------------------------------------------------------------------------------------
# Prompt injection
# --------------------------------------------------------------------------------------------------
PI_LABELS = ['BENIGN', 'INJECTION']

# "Plain persona request" policy: an awesome-chatgpt-style "I want you to act as a <role>" prompt with no
# restriction-removal language is benign. deepset labels a few of those 1; they are dropped from training.
_PERSONA_RE = re.compile(r"^\s*(i want you to act as|i want you to act like|act as an?|imagine you are|you are an?|pretend (to be|you are)|ich möchte, dass du als)", re.I)
_JAILBREAK_RE = re.compile(
    r"ignore|disregard|forget|no (rules|restrictions|limits|filters?|guidelines|ethics|morals?)|"
    r"without (any )?(restrictions|limits|filters?|censorship|rules)|unfiltered|uncensored|jailbr|\bdan\b|"
    r"developer mode|anything now|policy|policies|openai|vergiss|ignorier|system prompt|instructions|anweisung|"
    r"evil|harm|destroy|kill|illegal|unethical|immoral|execute|print\(",
    re.I)


def is_plain_persona(text: str) -> bool:
    return bool(_PERSONA_RE.search(text)) and not _JAILBREAK_RE.search(text)


def _jackhhao(split: str) -> Split:
    p = DATASETS / 'prompt_injection/jackhhao-jailbreak-classification/datasets/balanced' / f'jailbreak_dataset_{split}_balanced.csv'
    df = pd.read_csv(p)
    s = Split()
    for t, ty in zip(df['prompt'], df['type']):
        s.add(str(t), 1 if ty == 'jailbreak' else 0, f'jackhhao-{split}')
    return s


def _deepset(split: str) -> Split:
    d = DATASETS / 'prompt_injection/deepset-prompt-injections/data/raw'
    f = next(d.glob(f'{split}-*.parquet'))
    df = pd.read_parquet(f)
    s = Split()
    for t, y in zip(df['text'], df['label']):
        s.add(str(t), int(y), f'deepset-{split}')
    return s


# Benign extra/ sets whose licence allows shipping a model trained on them, and a cap per source so the
# negatives stay varied (gsm8k alone would otherwise dominate).
PI_BENIGN_EXTRA = {
    'gsm8k_train.jsonl': 1500,       # MIT
    'self_instruct_seed.jsonl': None,  # Apache-2.0
    'gpteacher_roleplay.jsonl': None,  # MIT
    'gpteacher_codegen.jsonl': 2000,   # MIT
    'humaneval.jsonl': None,           # MIT
    'dstc8_sgd_user.jsonl': None,      # CC BY-SA 4.0
}
# Evaluation-only benign extras (licences forbid training a shipped model on them).
PI_BENIGN_EVAL_ONLY = ['wizardlm_testset.jsonl', 'gsm8k_test.jsonl']


def benign_prompt_sources(rng: random.Random, label) -> list[Split]:
    """The training-eligible benign prompt sets, every row labelled `label`: PI_BENIGN_EXTRA (shuffled with `rng`,
    capped) and the BIPIA email contexts and questions (MIT) as realistic benign external content; BIPIA's attack
    strings are not used (out of context most of them are ordinary requests)."""
    sources: list[Split] = []
    for name, cap in PI_BENIGN_EXTRA.items():
        rows = _jsonl(DATASETS / 'extra' / name)
        rng.shuffle(rows)
        if cap:
            rows = rows[:cap]
        s = Split()
        for r in rows:
            s.add(r['text'], label, name.removesuffix('.jsonl'))
        sources.append(s)
    s = Split()
    for r in _jsonl(DATASETS / 'prompt_injection/bipia-indirect/benchmark/email/train.jsonl'):
        s.add(r['context'], label, 'bipia-email')
        s.add(r['question'].removeprefix('Q: '), label, 'bipia-question')
    sources.append(s)
    return sources


def benign_prompt_tests() -> dict[str, Split]:
    """Held-out ordinary prompts (never trained on by any task), for false-positive rates."""
    tests: dict[str, Split] = {}
    s = Split()
    with open(DATASETS / 'benign_prompts/alpaca-eval-805/example/outputs.json', encoding='utf-8') as f:
        for r in json.load(f):
            s.add(r['instruction'], 0, 'alpaca-eval-805')
    tests['alpaca-eval-805'] = s
    s = Split()
    for fn in ['NQ-open.dev.jsonl', 'NQ-open.efficientqa.test.1.1.no-annotations.jsonl']:
        for r in _jsonl(DATASETS / 'benign_prompts/nq-open/nq_open' / fn):
            s.add(r['question'], 0, 'nq-open')
    tests['nq-open'] = s
    s = Split()
    df = pd.read_csv(DATASETS / 'benign_prompts/awesome-chatgpt-prompts/prompts.csv')
    for t in df['prompt']:
        s.add(str(t), 0, 'awesome-chatgpt-prompts')
    tests['awesome-chatgpt-prompts'] = s
    # evaluation-only extras (licence forbids training on them)
    s = Split()
    for r in _jsonl(DATASETS / 'extra/wizardlm_testset.jsonl'):
        s.add(r['text'], 0, 'wizardlm')
    tests['wizardlm-testset (eval only)'] = s
    return tests


def _stratified_dev_split(sources: list[Split], rng: random.Random) -> tuple[Split, Split]:
    """(train, dev): 15% of each source's rows of each label to dev, drawn with `rng` in source order."""
    train, dev = Split(), Split()
    for src in sources:
        for lab in (0, 1):
            idx = [i for i, y in enumerate(src.labels) if y == lab]
            rng.shuffle(idx)
            k = int(round(len(idx) * 0.15))
            for j, i in enumerate(idx):
                (dev if j < k else train).add(src.texts[i], src.labels[i], src.sources[i])
    return train, dev


def _dedupe_train(train: Split, held_out: list[Split]) -> Split:
    """The training rows in order, without repeats and without any text of the held-out splits (exact normalised text)."""
    banned = set()
    for sp in held_out:
        banned.update(_norm(t) for t in sp.texts)
    tr = Split()
    seen = set()
    for t, y, s in zip(train.texts, train.labels, train.sources):
        k = _norm(t)
        if k in banned or k in seen:
            continue
        seen.add(k)
        tr.add(t, y, s)
    return tr


def load_pi(use_safeguard: bool = False, augment_persona: bool = False, synthetic_attacks: int = 0,
            synthetic_benign: int = 0, seed: int = SEED, use_deepset: bool = True,
            indirect_rows: int = 0, multilingual_attacks: int = 0, synthetic_extended: bool = False,
            composites: int = 0, benign_windows: int = 0) -> dict:
    """Returns train/dev splits plus test sets for the prompt-injection task.

    dev = seeded 15% of every training source (stratified by source), used for model selection and
    threshold calibration. `dev_benign` is the benign part of dev (FPR calibration).

    Second generation (issue 13, `use_deepset=False`): deepset (licence unverified) and DSTC8
    (CC BY-SA 4.0) become evaluation sets; the multilingual ordinary prompts and harmful requests of `pi_data.py`
    add training rows (their calibration parts go to `calib`, their held-back parts to the tests), plus
    `indirect_rows` indirect injections with benign twins and `multilingual_attacks` template attacks in 14
    languages (training split only).
    """
    rng = random.Random(seed)
    sources: list[Split] = []
    jk = _jackhhao('train')
    sources.append(jk)
    if not use_deepset:
        return _load_pi_gen2(rng, sources, augment_persona, synthetic_attacks, synthetic_benign, seed, indirect_rows,
                             multilingual_attacks, synthetic_extended, composites, benign_windows)
    ds = _deepset('train')
    # Role-play policy: drop plain persona requests that deepset labels as injection.
    ds_f = Split()
    dropped = 0
    for t, y, s in zip(ds.texts, ds.labels, ds.sources):
        if y == 1 and is_plain_persona(t):
            dropped += 1
            continue
        ds_f.add(t, y, s)
    sources.append(ds_f)
    sources += benign_prompt_sources(rng, 0)
    if use_safeguard:
        rows = _jsonl(DATASETS / 'extra/safeguard_train.jsonl')
        s = Split()
        for r in rows:
            s.add(r['text'], int(r['label']), 'safeguard')
        sources.append(s)

    # stratify by label inside each source
    train, dev = _stratified_dev_split(sources, rng)

    if augment_persona:
        aug = persona_augment(train, rng)
        train.extend(aug)
    if synthetic_attacks or synthetic_benign:
        # template-generated rows (tools/train/synthetic.py), training split only
        import synthetic
        for t, y, s in synthetic.generate(synthetic_attacks, synthetic_benign, seed):
            train.add(t, y, s)

    # de-duplicate train against dev and tests (exact normalised text)
    tests = load_pi_tests()
    return {'train': _dedupe_train(train, [*tests.values(), dev]), 'dev': dev, 'tests': tests, 'dropped_persona': dropped}


_ROLE_RE = re.compile(r"^\s*(?:imagine (?:that )?you are|you are|pretend (?:that )?you are|as)\s+(an? [^.,;:!?]{3,80}?|the [^.,;:!?]{3,80}?)[.,;:]\s+(.{10,})$", re.I | re.S)
_OPENERS = ['I want you to act as {r}.', 'Act as {r}.', 'I want you to act like {r}.', 'Please act as {r}.',
            'I would like you to act as {r}.', 'You will act as {r}.', 'Pretend to be {r}.', 'Take the role of {r}.']
_SUFFIXES = ['', '', '', ' Only reply with your answer.', ' Do not write explanations.', ' Keep your reply short.',
             ' Reply in character.', ' My first request is below.', ' Answer in a few paragraphs.']


def persona_augment(train: 'Split', rng: random.Random, n_max: int = 1500) -> 'Split':
    """Benign persona requests in the "I want you to act as <role>" style, rewritten from the benign
    role-play rows of the training split (GPTeacher / jackhhao benign, MIT). Encodes the project's policy
    that a plain persona request is benign; nothing here is taken from the held-out evaluation sets."""
    out = Split()
    rows = [(t, s) for t, y, s in zip(train.texts, train.labels, train.sources) if y == 0 and s in ('gpteacher_roleplay', 'jackhhao-train')]
    rng.shuffle(rows)
    for t, s in rows:
        m = _ROLE_RE.match(t)
        if not m:
            continue
        role, rest = m.group(1), m.group(2).strip()
        text = rng.choice(_OPENERS).format(r=role) + ' ' + rest + rng.choice(_SUFFIXES)
        out.add(text, 0, 'persona-augment')
        if len(out) >= n_max:
            break
    return out


def _load_pi_gen2(rng: random.Random, sources: list[Split], augment_persona: bool, synthetic_attacks: int,
                  synthetic_benign: int, seed: int, indirect_rows: int, multilingual_attacks: int,
                  synthetic_extended: bool, composites: int, benign_windows: int = 0) -> dict:
    import pi_data
    import synthetic_multilingual
    sources += [s for s in benign_prompt_sources(rng, 0) if not s.sources or s.sources[0] != 'dstc8_sgd_user']
    train, dev = _stratified_dev_split(sources, rng)
    if augment_persona:
        train.extend(persona_augment(train, rng))
    if synthetic_attacks or synthetic_benign:
        if synthetic_extended:
            import synthetic_extended as generator
        else:
            import synthetic as generator
        for t, y, s in generator.generate(synthetic_attacks, synthetic_benign, seed):
            train.add(t, y, s)
    if multilingual_attacks:
        for t, y, s in synthetic_multilingual.generate(multilingual_attacks, 10_000, seed):
            train.add(t, y, s)
    tests = load_pi_tests(gen2=True)
    calib = Split()
    for name, parts in pi_data.benign_sets(seed).items():
        train.extend(parts['train'])
        calib.extend(parts['calib'])
        tests.update(parts['tests'])
    if indirect_rows:
        ind = pi_data.indirect_sets(seed, indirect_rows, benign_windows)
        train.extend(ind['train'])
        tests.update(ind['tests'])
    if composites:
        train.extend(pi_data.composites(train, composites, seed))
    return {'train': _dedupe_train(train, [*tests.values(), dev, calib]), 'dev': dev, 'calib': calib, 'tests': tests, 'dropped_persona': 0}


def load_pi_tests(gen2: bool = False) -> dict[str, Split]:
    tests: dict[str, Split] = {}
    tests['jackhhao-test'] = _jackhhao('test')
    tests['deepset-test'] = _deepset('test')
    tests.update(benign_prompt_tests())
    s = Split()
    for r in _jsonl(DATASETS / 'extra/promptmap.jsonl'):
        s.add(r['text'], int(r['label']), 'promptmap')
    tests['promptmap (eval only)'] = s
    if gen2:
        # second generation: deepset (licence unverified) and DSTC8 (CC BY-SA 4.0) are evaluation only
        tests['deepset-train (eval only)'] = _deepset('train')
        s = Split()
        for r in _jsonl(DATASETS / 'extra/dstc8_sgd_user.jsonl'):
            s.add(r['text'], 0, 'dstc8')
        tests['dstc8-user (eval only)'] = s
    return tests


# --------------------------------------------------------------------------------------------------
# Toxicity
# --------------------------------------------------------------------------------------------------
TOX_LABELS = ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate']


def _jigsaw(prefix: str) -> Split:
    s = Split()
    d = DATASETS / 'toxicity/jigsaw-predibase-subsets/data/data_pools'
    for f in sorted(d.glob(f'{prefix}.*.csv')):
        df = pd.read_csv(f)
        for _, r in df.iterrows():
            s.add(str(r['comment_text']), [float(r[c]) for c in TOX_LABELS], f'jigsaw-{prefix}')
    return s


def _tweeteval(task: str, split: str) -> tuple[list[str], list[int]]:
    d = DATASETS / f'toxicity/tweeteval-{task}/datasets/{task}'
    with open(d / f'{split}_text.txt', encoding='utf-8') as f:
        texts = [line.rstrip('\n') for line in f]
    with open(d / f'{split}_labels.txt', encoding='utf-8') as f:
        labels = [int(line) for line in f if line.strip()]
    assert len(texts) == len(labels), (task, split)
    return texts, labels


def load_toxicity(use_tweeteval: bool = False, benign_prompts: bool = False, permissive_extra: bool = False, civil_spans: bool = True,
                  seed: int = SEED) -> dict:
    """Multi-label targets over TOX_LABELS; None = unknown for that row (masked out of the loss).

    Jigsaw (CC0 / CC BY-SA 3.0) supplies all six labels. Davidson (MIT) adds tweets: hate speech ->
    toxic + identity_hate, offensive -> toxic (others unknown), neither -> all zero.
    TweetEval offensive (licence unknown) is only used with use_tweeteval=True.
    benign_prompts=True adds the training-eligible ordinary prompts (`benign_prompt_sources`: instructions,
    questions, code requests, dialogue turns, emails) as all-zero rows, 85% train / 15% dev: comments and tweets
    alone taught the model that "kill the process" or "shoot me an email" is toxic. Tests always include the
    held-out benign prompt sets (`benign_prompt_tests`) for false-positive rates.
    permissive_extra=True adds the permissively licensed sources of `tox_sources` (ConvAbuse, Civil Comments toxic
    spans unless civil_spans=False, ToxiGen demonstrations, HateCheck train templates, half of the multilingual benign
    sets), each 85% train / 15% dev (ConvAbuse: official train / valid), and their held-out parts as tests.
    """
    rng = random.Random(seed)
    jig = _jigsaw('train')
    train, dev = Split(), Split()
    tr_i, dv_i = _split_indices(len(jig), 0.15, seed)
    for i in tr_i:
        train.add(jig.texts[i], jig.labels[i], jig.sources[i])
    for i in dv_i:
        dev.add(jig.texts[i], jig.labels[i], jig.sources[i])
    df = pd.read_csv(DATASETS / 'toxicity/davidson-hate-offensive/data/labeled_data.csv')
    dav = Split()
    for t, c in zip(df['tweet'], df['class']):
        if c == 0:
            lab = [1.0, None, None, None, None, 1.0]
        elif c == 1:
            lab = [1.0, None, None, None, None, None]
        else:
            lab = [0.0] * 6
        dav.add(str(t), lab, 'davidson')
    tr_i, dv_i = _split_indices(len(dav), 0.15, seed)
    for i in tr_i:
        train.add(dav.texts[i], dav.labels[i], dav.sources[i])
    for i in dv_i:
        dev.add(dav.texts[i], dav.labels[i], dav.sources[i])
    if use_tweeteval:
        t, y = _tweeteval('offensive', 'train')
        for a, b in zip(t, y):
            train.add(a, [float(b), None, None, None, None, None], 'tweeteval-offensive')
        t, y = _tweeteval('offensive', 'val')
        for a, b in zip(t, y):
            dev.add(a, [float(b), None, None, None, None, None], 'tweeteval-offensive-val')
    if benign_prompts:
        for src in benign_prompt_sources(random.Random(seed), [0.0] * 6):
            tr_i, dv_i = _split_indices(len(src), 0.15, seed)
            for i in tr_i:
                train.add(src.texts[i], src.labels[i], src.sources[i])
            for i in dv_i:
                dev.add(src.texts[i], src.labels[i], src.sources[i])
    extra_tests: dict[str, Split] = {}
    if permissive_extra:
        import tox_sources as X
        hc_train, hc_test = X.hatecheck(seed)
        ml_train, ml_tests = X.multilingual_benign(seed)
        for src in [*([X.civil_spans('train')] if civil_spans else []), X.toxigen(), hc_train, *ml_train]:
            tr_i, dv_i = _split_indices(len(src), 0.15, seed)
            for i in tr_i:
                train.add(src.texts[i], src.labels[i], src.sources[i])
            for i in dv_i:
                dev.add(src.texts[i], src.labels[i], src.sources[i])
        train.extend(X.convabuse('train'))
        dev.extend(X.convabuse('valid'))
        ca = X.convabuse('test')
        ca.labels = [int((y[0] or 0) >= 0.5) for y in ca.labels]
        extra_tests['convabuse-test'] = ca
        extra_tests['hatecheck-en (held-out templates)'] = hc_test
        extra_tests.update(ml_tests)
    tests: dict[str, Split] = {}
    tests['jigsaw-test'] = _jigsaw('test')
    t, y = _tweeteval('offensive', 'test')
    s = Split()
    for a, b in zip(t, y):
        s.add(a, b, 'tweeteval-offensive-test')
    tests['tweeteval-offensive-test'] = s
    # TweetEval offensive val as an extra, non-test check of the tweet domain (not used in training
    # unless use_tweeteval=True)
    t, y = _tweeteval('offensive', 'val')
    s = Split()
    for a, b in zip(t, y):
        s.add(a, b, 'tweeteval-offensive-val')
    tests['tweeteval-offensive-val'] = s
    tests.update(benign_prompt_tests())
    tests.update(extra_tests)
    return {'train': train, 'dev': dev, 'tests': tests}


# --------------------------------------------------------------------------------------------------
# Sentiment
# --------------------------------------------------------------------------------------------------
SENT_LABELS = ['negative', 'neutral', 'positive']
_SENT_ID = {k: i for i, k in enumerate(SENT_LABELS)}


def _semeval_tsv(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) < 3:
                continue
            tid, lab, text = parts[0], parts[1], '\t'.join(parts[2:]).strip()
            if lab not in _SENT_ID:
                continue
            rows.append((tid, lab, text))
    return rows


_TWEET_WORD = re.compile(r'(?:(?<=^)|(?<= ))(?:@[^ ]+|http[^ ]*)')


def preprocess_tweet(text: str) -> str:
    """cardiffnlp's documented tweet preprocessing, as `packages/scanners/src/tweet-preprocess.ts` applies it before
    the Sentiment model: words between single spaces that start with `@` (and are longer) become `@user`, words that
    start with `http` become `http`."""
    return _TWEET_WORD.sub(lambda m: '@user' if m.group(0).startswith('@') else 'http', text)


GOEMOTIONS = DATASETS / 'sentiment/goemotions/data'
# GoEmotions' own sentiment grouping (the authors' `sentiment_dict.json`, applied in data/group/*.tsv):
# 0 ambiguous (surprise, realization, confusion, curiosity), 1 negative (anger, annoyance, disapproval, disgust, fear,
# sadness, grief, nervousness, remorse, embarrassment, disappointment), 2 neutral, 3 positive (joy, amusement,
# approval, excitement, gratitude, love, optimism, relief, pride, admiration, desire, caring).
_GOEMO_GROUP = {1: 0, 2: 1, 3: 2}  # negative / neutral / positive; ambiguous handled in goemotions_label


def goemotions_label(groups: str) -> int | None:
    """Three-way label of one GoEmotions row from its comma-separated group ids: exactly one polar group (negative or
    positive, with or without neutral/ambiguous) gives that polarity; only neutral and/or ambiguous gives neutral (the
    ambiguous emotions carry no polarity: "How do I ...?" is curiosity); both negative and positive gives None (the
    row is dropped: 2% of rows)."""
    g = {int(x) for x in groups.split(',') if x != ''}
    polar = g & {1, 3}
    if len(polar) == 2:
        return None
    if polar:
        return _GOEMO_GROUP[polar.pop()]
    return 1


def goemotions_rows(split: str) -> list[tuple[str, int | None]]:
    """(text, label or None) per line of `data/group/<split>.tsv`, in file order (text = the first tab field)."""
    with open(GOEMOTIONS / f'group/{split}.tsv', encoding='utf-8') as f:
        return [(line.rstrip('\n').split('\t')[0], goemotions_label(line.rstrip('\n').split('\t')[1])) for line in f]


def sst_test() -> Split:
    """SST-5 test sentences (Stanford trees, root label) mapped to three classes: 0-1 negative, 2 neutral, 3-4 positive."""
    s = Split()
    for line in open(DATASETS / 'sentiment/sst5-stanford-trees/trees/test.txt', encoding='utf-8'):
        lab = int(line[1])
        words = re.findall(r'\(\d ([^()]+)\)', line)
        text = ' '.join(words).replace('-LRB-', '(').replace('-RRB-', ')')
        s.add(text, 0 if lab < 2 else (1 if lab == 2 else 2), 'sst5-test')
    return s


def load_sentiment_goemotions(tweet_preprocess: bool = False) -> dict:
    """Sentiment from GoEmotions (Apache-2.0) only: official train / dev splits for training and model selection; tests:
    GoEmotions test (in domain) and, for evaluation only (research-use data, never trained on), SemEval-2017 test
    and SST-5 test (three classes)."""
    train, dev, gtest = Split(), Split(), Split()
    for split, dst, name in [('train', train, 'goemotions-train'), ('dev', dev, 'goemotions-dev'), ('test', gtest, 'goemotions-test')]:
        for text, lab in goemotions_rows(split):
            if lab is not None:
                dst.add(text, lab, name)
    d = DATASETS / 'sentiment/semeval2017-task4a/dataset/Subtask_A'
    sem = Split()
    for tid, lab, text in _semeval_tsv(d / 'gold/SemEval2017-task4-test.subtask-A.english.txt'):
        sem.add(text, _SENT_ID[lab], 'semeval2017-test')
    tests = {'goemotions-test': gtest, 'semeval2017-test': sem, 'sst5-test': sst_test()}
    if tweet_preprocess:
        for split in [train, dev, *tests.values()]:
            split.texts = [preprocess_tweet(t) for t in split.texts]
    return {'train': train, 'dev': dev, 'tests': tests}


# --------------------------------------------------------------------------------------------------
# Emotion (GoEmotions' 28 labels, multi-label)
# --------------------------------------------------------------------------------------------------
# the order of GoEmotions' `data/original/labels.txt` (label id = index); 27 = neutral
EMO_LABELS = ['admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
              'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief',
              'joy', 'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness',
              'surprise', 'neutral']


def goemotions_emotion_rows(split: str) -> list[tuple[str, list[float]]]:
    """(text, 28-way multi-hot) per line of `data/original/<split>.tsv`, in file order (text = the first tab field)."""
    rows = []
    with open(GOEMOTIONS / f'original/{split}.tsv', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            y = [0.0] * len(EMO_LABELS)
            for x in parts[1].split(','):
                if x != '':
                    y[int(x)] = 1.0
            rows.append((parts[0], y))
    return rows


def load_emotion() -> dict:
    """GoEmotions (Apache-2.0) with its 28 labels (27 emotions + neutral), multi-label: the official train split for
    training, dev for model selection and the threshold, test for the reported figures. The text is used as written
    (the EmotionDetection scanner does not rewrite it)."""
    assert (GOEMOTIONS / 'original/labels.txt').read_text(encoding='utf-8').split() == EMO_LABELS
    out: dict = {'tests': {}}
    for split, name in [('train', 'goemotions-train'), ('dev', 'goemotions-dev'), ('test', 'goemotions-test')]:
        s = Split()
        for text, y in goemotions_emotion_rows(split):
            s.add(text, y, name)
        if split == 'test':
            out['tests']['goemotions-test'] = s
        else:
            out[split] = s
    return out


def load_sentiment(use_sst: bool = False, tweet_preprocess: bool = False, seed: int = SEED) -> dict:
    """First generation (SemEval tweets, research use). tweet_preprocess=True rewrites every row (train, dev, test)
    with `preprocess_tweet`, so the model learns and is measured on the text the Sentiment scanner gives it."""
    d = DATASETS / 'sentiment/semeval2017-task4a/dataset/Subtask_A'
    pool: dict[str, tuple[str, str]] = {}
    for f in sorted((d / 'downloaded').glob('twitter-20*.tsv')):
        for tid, lab, text in _semeval_tsv(f):
            pool.setdefault(tid, (lab, text))
    test_rows = _semeval_tsv(d / 'gold/SemEval2017-task4-test.subtask-A.english.txt')
    test_ids = {r[0] for r in test_rows}
    ids = sorted(k for k in pool if k not in test_ids)
    tr_i, dv_i = _split_indices(len(ids), 0.1, seed)
    train, dev = Split(), Split()
    for i in tr_i:
        lab, text = pool[ids[i]]
        train.add(text, _SENT_ID[lab], 'semeval-pre2017')
    for i in dv_i:
        lab, text = pool[ids[i]]
        dev.add(text, _SENT_ID[lab], 'semeval-pre2017')
    if use_sst:
        for line in open(DATASETS / 'sentiment/sst5-stanford-trees/trees/train.txt', encoding='utf-8'):
            lab = int(line[1])
            words = re.findall(r'\(\d ([^()]+)\)', line)
            text = ' '.join(words).replace('-LRB-', '(').replace('-RRB-', ')')
            train.add(text, 0 if lab < 2 else (1 if lab == 2 else 2), 'sst5-train')
    tests = {}
    s = Split()
    for tid, lab, text in test_rows:
        s.add(text, _SENT_ID[lab], 'semeval2017-test')
    tests['semeval2017-test'] = s
    if tweet_preprocess:
        for split in [train, dev, *tests.values()]:
            split.texts = [preprocess_tweet(t) for t in split.texts]
    return {'train': train, 'dev': dev, 'tests': tests}


if __name__ == '__main__':
    pi = load_pi()
    from collections import Counter
    print('PI train', len(pi['train']), Counter(pi['train'].labels), 'dev', len(pi['dev']), Counter(pi['dev'].labels),
          'dropped persona', pi['dropped_persona'])
    print(Counter(zip(pi['train'].sources, pi['train'].labels)))
    for k, v in pi['tests'].items():
        print(' ', k, len(v), Counter(v.labels))
    tx = load_toxicity()
    print('TOX train', len(tx['train']), 'dev', len(tx['dev']), {k: len(v) for k, v in tx['tests'].items()})
    se = load_sentiment()
    print('SENT train', len(se['train']), Counter(se['train'].labels), 'dev', len(se['dev']), 'test',
          Counter(se['tests']['semeval2017-test'].labels))


def load_task(task: str, options: dict) -> dict:
    """The bundle (train, dev, tests) of a task from its `data_options` (as `metrics.json` records them): the one
    place that maps those options onto the loaders, for training, evaluation, ensembles and the dev-split export."""
    if task == 'prompt-injection':
        return load_pi(use_safeguard=options.get('use_safeguard', False), augment_persona=options.get('augment_persona', False),
                       synthetic_attacks=options.get('synthetic_attacks', 0), synthetic_benign=options.get('synthetic_benign', 0),
                       use_deepset=options.get('use_deepset', True), indirect_rows=options.get('indirect_rows', 0),
                       multilingual_attacks=options.get('multilingual_attacks', 0),
                       synthetic_extended=options.get('synthetic_extended', False), composites=options.get('composites', 0),
                       benign_windows=options.get('benign_windows', 0))
    if task == 'toxicity':
        return load_toxicity(use_tweeteval=options.get('use_tweeteval', False), benign_prompts=options.get('benign_prompts', False),
                             permissive_extra=options.get('permissive_extra', False), civil_spans=options.get('civil_spans', True))
    if task == 'sentiment':
        if options.get('source') == 'goemotions':
            return load_sentiment_goemotions(tweet_preprocess=options.get('tweet_preprocess', False))
        return load_sentiment(use_sst=options.get('use_sst', False), tweet_preprocess=options.get('tweet_preprocess', False))
    if task == 'emotion':
        return load_emotion()
    raise ValueError(f'unknown task {task!r}')
