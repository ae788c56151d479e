"""Writes packages/models-embedded/models/<name>/dev-split.json: where each row of a task's seeded dev split lives
in ../shared/datasets, so the Node regression test (packages/models-embedded/test/dev-metric.test.ts) can re-read
exactly the texts training used for dev, run the shipped model and compare its metric with the model card.

    tools/train/.venv/bin/python tools/train/export_dev_split.py [prompt-injection toxicity sentiment]

The dev split comes from data.py's own loaders (same seed, same options as metrics.json's `data_options`); nothing
about how it is made changes here. Each dev row is then located in its source file by (text, label): any row with
the same text and label is equivalent for the metric, and duplicates are assigned to distinct rows in file order.
Only locators, labels and short hashes are written (no texts: several sources may not be redistributed).

Row locators, per file format (the Node reader must count rows the same way):
- `csv`: 0-based data row of pandas.read_csv (header excluded); pandas' default NA strings read as "nan".
- `parquet`: 0-based row.
- `jsonl`: 0-based index among the non-blank lines (`data._jsonl`).
- `lines`: 0-based line (universal newlines: \\r\\n, \\r and \\n end a line); `tsv-first` takes the text before the first tab (GoEmotions); `tsv-semeval` then takes
  `"\\t".join(line.split("\\t")[2:]).strip()` (Python `str.strip`).
- `transform: "strip-prefix:Q: "` removes that prefix (BIPIA questions); `transform: "tweet-preprocess"` rewrites
  `@mentions` and links as `data.preprocess_tweet` / the Sentiment scanner's `preprocessTweet` do.

Hashes: first 12 hex digits of sha256(UTF-8 text). `ids` (first 8 hex digits of sha256 of the comma-joined token
ids, [CLS]/[SEP] included, truncated to model_max_length, as Python `tokenizers` encodes with the shipped
tokenizer.json) lets the Node test count tokenizer disagreements over the whole split; `tokenizerCheck` holds the
full ids of ~20 rows per model. `metric.python` is the card's dev metric recomputed here with onnxruntime on
exactly the listed rows (equal to the card when every dev row could be located).
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
import evaluate as E  # noqa: E402
import metrics as M  # noqa: E402

ROOT = HERE.parents[1]
MODELS_DIR = ROOT / 'packages/models-embedded/models'
DS = data.DATASETS
TEXT_HASH_HEX = 12
IDS_HASH_HEX = 8
TOKENIZER_CHECK_ROWS = 20


def text_hash(t: str) -> str:
    return hashlib.sha256(t.encode('utf-8')).hexdigest()[:TEXT_HASH_HEX]


def ids_hash(ids: list[int]) -> str:
    return hashlib.sha256(','.join(map(str, ids)).encode('ascii')).hexdigest()[:IDS_HASH_HEX]


def file_sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def rel(p: Path) -> str:
    return p.relative_to(DS).as_posix()


class Source:
    """One readable column of one dataset file: rows as (text, label) in the loader's order."""

    def __init__(self, path: Path, fmt: str, field: str, rows: list[tuple[str, object]], transform: str | None = None):
        self.path, self.fmt, self.field, self.transform = path, fmt, field, transform
        self.rows = rows
        self.by_key: dict[tuple, list[int]] = defaultdict(list)
        for i, (t, y) in enumerate(rows):
            self.by_key[(t, json.dumps(y))].append(i)
        self.used: set[int] = set()
        self.picked: list[int] = []  # row locators of dev rows, in dev order
        self.dev_positions: list[int] = []  # index in bundle['dev'] of each picked row

    def take(self, text: str, label, dev_pos: int) -> bool:
        for i in self.by_key.get((text, json.dumps(label)), []):
            if i not in self.used:
                self.used.add(i)
                self.picked.append(i)
                self.dev_positions.append(dev_pos)
                return True
        return False


def _lines(p: Path) -> list[str]:
    with open(p, encoding='utf-8') as f:
        return [line.rstrip('\n') for line in f]


# ------------------------------------------------------------------------------------------------------------
# Candidate rows per dev `source` name, read with the same code paths as data.py.
# ------------------------------------------------------------------------------------------------------------
def pi_sources() -> dict[str, list[Source]]:
    out: dict[str, list[Source]] = {}
    p = DS / 'prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_train_balanced.csv'
    df = pd.read_csv(p)
    out['jackhhao-train'] = [Source(p, 'csv', 'prompt', [(str(t), 1 if ty == 'jailbreak' else 0) for t, ty in zip(df['prompt'], df['type'])])]
    p = next((DS / 'prompt_injection/deepset-prompt-injections/data/raw').glob('train-*.parquet'))
    df = pd.read_parquet(p)
    out['deepset-train'] = [Source(p, 'parquet', 'text', [(str(t), int(y)) for t, y in zip(df['text'], df['label'])])]
    out.update(benign_prompt_sources(0))
    return out


def benign_prompt_sources(label) -> dict[str, list[Source]]:
    """The files behind `data.benign_prompt_sources`, every row labelled `label`."""
    out: dict[str, list[Source]] = {}
    for name in data.PI_BENIGN_EXTRA:
        p = DS / 'extra' / name
        out[name.removesuffix('.jsonl')] = [Source(p, 'jsonl', 'text', [(r['text'], label) for r in data._jsonl(p)])]
    p = DS / 'prompt_injection/bipia-indirect/benchmark/email/train.jsonl'
    rows = data._jsonl(p)
    out['bipia-email'] = [Source(p, 'jsonl', 'context', [(r['context'], label) for r in rows])]
    out['bipia-question'] = [Source(p, 'jsonl', 'question', [(r['question'].removeprefix('Q: '), label) for r in rows], 'strip-prefix:Q: ')]
    return out


def tox_sources() -> dict[str, list[Source]]:
    out: dict[str, list[Source]] = {}
    d = DS / 'toxicity/jigsaw-predibase-subsets/data/data_pools'
    srcs = []
    for p in sorted(d.glob('train.*.csv')):
        df = pd.read_csv(p)
        srcs.append(Source(p, 'csv', 'comment_text', [(str(r['comment_text']), [float(r[c]) for c in data.TOX_LABELS]) for _, r in df.iterrows()]))
    out['jigsaw-train'] = srcs
    p = DS / 'toxicity/davidson-hate-offensive/data/labeled_data.csv'
    df = pd.read_csv(p)
    rows = []
    for t, c in zip(df['tweet'], df['class']):
        lab = [1.0, None, None, None, None, 1.0] if c == 0 else ([1.0, None, None, None, None, None] if c == 1 else [0.0] * 6)
        rows.append((str(t), lab))
    out['davidson'] = [Source(p, 'csv', 'tweet', rows)]
    d = DS / 'toxicity/tweeteval-offensive/datasets/offensive'
    texts, labels = data._tweeteval('offensive', 'val')
    assert texts == _lines(d / 'val_text.txt')[:len(texts)]
    out['tweeteval-offensive-val'] = [Source(d / 'val_text.txt', 'lines', 'text',
                                             [(t, [float(y), None, None, None, None, None]) for t, y in zip(texts, labels)])]
    out.update(benign_prompt_sources([0.0] * 6))  # only looked up when the model's data_options add them
    out.update(tox_permissive_sources())
    return out


def tox_permissive_sources() -> dict[str, list[Source]]:
    """The files behind `tox_sources` (`--permissive-extra`) that the Node reader can re-read row by row: ConvAbuse
    valid (csv `user`), Civil Comments spans (csv `text`), the Korean chatbot questions (csv `Q`) and Tatoeba (lines).
    Dev rows of the other sources (ToxiGen and HateCheck, whose texts are stripped; Mintaka's JSON; CrossWOZ's zipped
    JSON) are not located and are counted in `excluded`: the Node test then compares with Python on the listed rows."""
    import tox_sources as X
    out: dict[str, list[Source]] = {}
    p = X.TOX / 'convabuse/2_splits/ConvAbuseEMNLPvalid.csv'
    df = pd.read_csv(p)
    kept = {t: y for t, y in zip(X.convabuse('valid').texts, X.convabuse('valid').labels)}
    out['convabuse-valid'] = [Source(p, 'csv', 'user', [(str(t), kept.get(str(t), '\0invalid')) for t in df['user']])]
    p = X.TOX / 'toxic-spans-civil-comments/SemEval2021/data/tsd_train.csv'
    df = pd.read_csv(p)
    out['civil-spans-train'] = [Source(p, 'csv', 'text', [(str(t), X.TOXIC) for t in df['text']])]
    p = X.BENIGN / 'korean-chatbot-data/ChatbotData.csv'
    df = pd.read_csv(p)
    out['korean-chatbot'] = [Source(p, 'csv', 'Q', [(str(q), X.ZERO) for q in df['Q']])]
    srcs = []
    for p in sorted((X.BENIGN / 'tatoeba-laser-multilingual/data/tatoeba/v1').glob('tatoeba.*-eng.*')):
        srcs.append(Source(p, 'lines', 'text', [(x, X.ZERO) for x in _lines(p)]))
    out['tatoeba'] = srcs
    return out


def sent_sources(tweet_preprocess: bool = False) -> dict[str, list[Source]]:
    """With `tweet_preprocess` the rows are matched after `data.preprocess_tweet`, and the files say so
    (`transform: "tweet-preprocess"`), so the Node test rewrites them with the Sentiment scanner's preprocessTweet."""
    d = DS / 'sentiment/semeval2017-task4a/dataset/Subtask_A/downloaded'
    srcs = []
    for p in sorted(d.glob('twitter-20*.tsv')):
        rows: list[tuple[str, object]] = []
        for line in _lines(p):
            parts = line.split('\t')
            if len(parts) < 3 or parts[1] not in data._SENT_ID:
                rows.append(('\0invalid', None))  # keeps line numbers; never matches a dev row
                continue
            text = '\t'.join(parts[2:]).strip()
            rows.append((data.preprocess_tweet(text) if tweet_preprocess else text, data._SENT_ID[parts[1]]))
        srcs.append(Source(p, 'lines', 'tsv-semeval', rows, 'tweet-preprocess' if tweet_preprocess else None))
    return {'semeval-pre2017': srcs}


def goemotions_sources(tweet_preprocess: bool = False) -> dict[str, list[Source]]:
    """GoEmotions dev (`data/group/dev.tsv`): text = first tab field of the line, label = data.goemotions_label."""
    p = data.GOEMOTIONS / 'group/dev.tsv'
    rows: list[tuple[str, object]] = []
    for text, lab in data.goemotions_rows('dev'):
        if lab is None:
            rows.append(('\0invalid', None))  # keeps line numbers; never matches a dev row
            continue
        rows.append((data.preprocess_tweet(text) if tweet_preprocess else text, lab))
    return {'goemotions-dev': [Source(p, 'lines', 'tsv-first', rows, 'tweet-preprocess' if tweet_preprocess else None)]}


def emotion_sources() -> dict[str, list[Source]]:
    """GoEmotions dev with its 28 labels (`data/original/dev.tsv`): text = first tab field, label = the multi-hot list."""
    p = data.GOEMOTIONS / 'original/dev.tsv'
    return {'goemotions-dev': [Source(p, 'lines', 'tsv-first', data.goemotions_emotion_rows('dev'))]}


# ------------------------------------------------------------------------------------------------------------
def load(task: str, meta: dict) -> tuple[dict, dict[str, list[Source]]]:
    options = meta.get('data_options', {})
    if task == 'sentiment':
        srcs = goemotions_sources if options.get('source') == 'goemotions' else sent_sources
        return data.load_task(task, options), srcs(options.get('tweet_preprocess', False))
    sources = {'prompt-injection': pi_sources, 'toxicity': tox_sources, 'emotion': emotion_sources}[task]
    return data.load_task(task, options), sources()


def compact_label(task: str, y) -> object:
    """Label as training used it: int class (PI, sentiment); toxicity: 6 chars over {0,1,-} (- = masked); emotion: 28
    chars over {0,1}, one per label."""
    if task in ('toxicity', 'emotion'):
        return ''.join('-' if v is None else str(int(v)) for v in y)
    return int(y)


def metric_value(task: str, meta: dict, probs: np.ndarray, labels: list) -> tuple[str, float]:
    if task == 'sentiment':
        return 'macro_recall', M.sentiment_metrics(labels, probs)['macro_recall']
    if task == 'emotion':
        return 'macro_f1', M.emotion_metrics(labels, probs, meta['threshold'])['macro_f1']
    y = M.binary_labels(task, labels)
    s = M.binary_scores(task, probs[:, 1] if task == 'prompt-injection' else probs)
    return 'f1', M.binary_metrics(y, s, meta['threshold'])['f1']


def export(task: str) -> dict:
    model_dir = MODELS_DIR / task
    meta = json.loads((model_dir / 'metrics.json').read_text())
    bundle, sources = load(task, meta)
    dev = bundle['dev']
    missing = []
    for pos, (t, y, s) in enumerate(zip(dev.texts, dev.labels, dev.sources)):
        if not any(src.take(t, y, pos) for src in sources.get(s, [])):
            missing.append(pos)

    # Python tokenizers on the shipped tokenizer.json, exactly as evaluate.OnnxClassifier encodes.
    clf = E.OnnxClassifier(model_dir)
    encs = clf.tk.encode_batch(list(dev.texts))

    files = []
    listed: list[int] = []
    for src_list in sources.values():
        for src in src_list:
            if not src.picked:
                continue
            order = sorted(range(len(src.picked)), key=lambda k: src.picked[k])
            rows = [src.picked[k] for k in order]
            poss = [src.dev_positions[k] for k in order]
            entry = {
                'file': rel(src.path),
                'sha256': file_sha256(src.path),
                'format': src.fmt,
                'field': src.field,
                **({'transform': src.transform} if src.transform else {}),
                'rows': rows,
                'labels': [compact_label(task, dev.labels[p]) for p in poss],
                'text': [text_hash(dev.texts[p]) for p in poss],
                'ids': [ids_hash(encs[p].ids) for p in poss],
            }
            # round-trip: the locator must give back the dev text and label
            for r, p in zip(rows, poss):
                assert src.rows[r][0] == dev.texts[p] and json.dumps(src.rows[r][1]) == json.dumps(dev.labels[p])
            files.append((entry, poss))
            listed += poss
    assert len(listed) + len(missing) == len(dev), (len(listed), len(missing), len(dev))

    # the card's metric, on the card's dev split and on the listed rows
    probs = clf.probs(list(dev.texts))
    name, card_value = metric_value(task, meta, probs, dev.labels)
    assert abs(card_value - meta['dev'][name]) < 1e-9, (card_value, meta['dev'][name])
    _, listed_value = metric_value(task, meta, probs[listed], [dev.labels[p] for p in listed])

    # tokenizer check: ~20 rows per model; half where pruning changed the pieces (unseen words), half at random
    rng = random.Random(data.SEED)
    base = __import__('tok').base_tokenizer()
    base.enable_truncation(max_length=clf.max_len)
    base.no_padding()
    vocab_new = clf.tk.get_vocab()
    inv_base = {i: t for t, i in base.get_vocab().items()}
    candidates = [(fi, k) for fi, (_, poss) in enumerate(files) for k in range(len(poss))]
    rng.shuffle(candidates)
    pruned_diff, plain = [], []
    for fi, k in candidates:
        p = files[fi][1][k]
        if len(encs[p].ids) > 200:
            continue
        pieces = [inv_base[i] for i in base.encode(dev.texts[p]).ids]
        differs = [vocab_new.get(t) for t in pieces] != encs[p].ids
        if differs and len(pruned_diff) < TOKENIZER_CHECK_ROWS // 2:
            pruned_diff.append((fi, k))
        elif not differs and len(plain) < TOKENIZER_CHECK_ROWS - TOKENIZER_CHECK_ROWS // 2:
            plain.append((fi, k))
        if len(pruned_diff) + len(plain) >= TOKENIZER_CHECK_ROWS:
            break
    check = []
    for fi, k in sorted(pruned_diff + plain):
        p = files[fi][1][k]
        check.append({'file': fi, 'index': k, 'prunedDiffers': (fi, k) in pruned_diff, 'ids': list(encs[p].ids)})

    out = {
        'model': task,
        'generatedBy': 'tools/train/.venv/bin/python tools/train/export_dev_split.py',
        'datasets': '../shared/datasets (relative to the repository root)',
        'splitFrom': {'function': {'prompt-injection': 'data.load_pi', 'toxicity': 'data.load_toxicity', 'sentiment': 'data.load_sentiment',
                                   'emotion': 'data.load_emotion'}[task],
                      'options': meta.get('data_options', {}), 'seed': data.SEED},
        'hashes': {'text': f'sha256(utf-8 text)[:{TEXT_HASH_HEX}]', 'ids': f'sha256(ids joined by ",")[:{IDS_HASH_HEX}]'},
        'labels': 'toxicity: one char per label in id2label order (0/1, - = not annotated, masked in training); '
                  'is_bad = any label 1' if task == 'toxicity' else
                  'emotion: one char per label in id2label order (0/1)' if task == 'emotion' else 'class index in id2label order',
        'metric': {
            'name': name,
            **({'threshold': meta['threshold'], 'rule': 'P(INJECTION) >= threshold' if task == 'prompt-injection'
                else 'each label: sigmoid >= threshold; macro-F1 over the labels' if task == 'emotion'
                else 'max label sigmoid >= threshold vs is_bad'} if task != 'sentiment' else {'rule': 'argmax'}),
            'card': meta['dev'][name],
            'cardRows': len(dev),
            'rows': len(listed),
            'python': listed_value,
            'excluded': len(missing),
        },
        'files': [e for e, _ in files],
        'tokenizerCheck': check,
    }
    path = model_dir / 'dev-split.json'
    path.write_text(json.dumps(out, separators=(',', ':'), ensure_ascii=False) + '\n', encoding='utf-8')
    print(f'[{task}] dev {len(dev)} rows, located {len(listed)}, missing {len(missing)}; {name} card {meta["dev"][name]:.4f} '
          f'listed {listed_value:.4f}; tokenizerCheck {len(check)} ({len(pruned_diff)} pruned-differs); '
          f'{path.stat().st_size / 1024:.0f} KB', flush=True)
    return out


def main() -> None:
    tasks = sys.argv[1:] or ['prompt-injection', 'toxicity', 'sentiment']
    for t in tasks:
        export(t)


if __name__ == '__main__':
    main()
