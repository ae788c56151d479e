"""Trains one embedded classifier from scratch, exports it to ONNX (+ int8), evaluates the export with
onnxruntime against the TF-IDF baseline trained on the same data, and writes the model directory:

    packages/models-embedded/models/<task>/{model.onnx, model_int8.onnx, config.json, tokenizer.json,
                                            tokenizer_config.json, metrics.json, README.md}

Reproduce (fixed seeds; one thread):
    tools/train/.venv/bin/python tools/train/train.py --task prompt-injection
    tools/train/.venv/bin/python tools/train/train.py --task toxicity
    tools/train/.venv/bin/python tools/train/train.py --task sentiment
The defaults of each task are in PRESETS below; any flag overrides them (use --out to write elsewhere).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baseline  # noqa: E402
import data  # noqa: E402
import evaluate as E  # noqa: E402
import lexicon  # noqa: E402
import metrics as M  # noqa: E402
import models  # noqa: E402
import tok  # noqa: E402

ROOT = HERE.parents[1]
MODELS_DIR = ROOT / 'packages/models-embedded/models'

PRESETS = {
    # second generation (issue 13): no deepset, no DSTC8; multilingual ordinary prompts, harmful requests and
    # indirect injections (pi_data.py); `--deepset` rebuilds the first generation's data (source_weight deepset-train=4)
    'prompt-injection': dict(arch='bag', dim=64, buckets=16384, hidden=0, channels=96, epochs=12, lr=3e-3,
                             max_len=512, min_count=1, batch=32, safeguard=False, augment_persona=True,
                             synthetic_attacks=1500, synthetic_benign=4000, deepset=False, indirect_rows=1800,
                             multilingual_attacks=1500, synthetic_extended=True, composites=1500, dropout=0.4,
                             weight_decay=0.01, chunk_tokens=64),
    # second generation (issue 13): permissive data only (no TweetEval; tox_sources.py), hybrid by default
    'toxicity': dict(arch='cnn', dim=56, buckets=16384, hidden=128, channels=96, epochs=10, lr=3e-3,
                     max_len=256, min_count=2, batch=64, tweeteval=False, permissive_extra=True, lexicon='toxicity',
                     seed=13, benign_prompts=True, default_mode='hybrid'),
    'sentiment': dict(arch='cnn', dim=64, buckets=16384, hidden=128, channels=96, epochs=3, lr=3e-3,
                      max_len=128, min_count=2, batch=64, sst=False, tweet_preprocess=True, class_weight_power=1.0, dropout=0.4,
                      lexicon='sentiment', source='goemotions'),
    'emotion': dict(arch='cnn', dim=64, buckets=16384, hidden=128, channels=128, epochs=6, lr=3e-3,
                    max_len=128, min_count=2, batch=64, dropout=0.3, lexicon='sentiment'),
}
LABELS = {'prompt-injection': data.PI_LABELS, 'toxicity': data.TOX_LABELS, 'sentiment': data.SENT_LABELS,
          'emotion': data.EMO_LABELS}
# multi-label tasks: sigmoid per label, BCE loss (None = label unknown for that row, masked out)
MULTI_LABEL = ('toxicity', 'emotion')


def model_license(task: str, o) -> str:
    """Licence marker of the trained weights, decided by the least permissive training source."""
    if task == 'prompt-injection':
        # deepset/prompt-injections: licence unverified (HF card reportedly Apache-2.0); safeguard: unknown.
        # Without them the least permissive sources are CC BY 4.0 (Mintaka, AILuminate) and CC BY 2.0 FR (Tatoeba):
        # attribution-only, given in the model card.
        return 'LicenseRef-unverified-data' if o.deepset or o.safeguard else 'CC-BY-4.0'
    if task == 'toxicity':
        return 'LicenseRef-research-only' if o.tweeteval else 'MIT'
    if task == 'emotion':
        return 'Apache-2.0'  # GoEmotions only
    # GoEmotions (Apache-2.0) only: the weights are shipped under the data's licence
    return 'Apache-2.0' if o.source == 'goemotions' else 'LicenseRef-research-only'


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def data_options(task: str, o) -> dict:
    if task == 'prompt-injection':
        d = {'use_safeguard': o.safeguard, 'augment_persona': o.augment_persona,
             'synthetic_attacks': o.synthetic_attacks, 'synthetic_benign': o.synthetic_benign}
        if not o.deepset:
            d.update({'use_deepset': False, 'indirect_rows': o.indirect_rows, 'multilingual_attacks': o.multilingual_attacks,
                      'synthetic_extended': o.synthetic_extended, 'composites': o.composites,
                      **({'benign_windows': o.benign_windows} if o.benign_windows else {})})
        return d
    if task == 'toxicity':
        opts = {'use_tweeteval': o.tweeteval, 'benign_prompts': o.benign_prompts} if o.benign_prompts else {'use_tweeteval': o.tweeteval}
        if not o.permissive_extra:
            return opts
        return {**opts, 'permissive_extra': True, **({} if o.civil_spans else {'civil_spans': False})}
    if task == 'emotion':
        return {}
    if o.source == 'goemotions':
        return {'source': 'goemotions', 'tweet_preprocess': o.tweet_preprocess}
    return {'use_sst': o.sst, 'tweet_preprocess': o.tweet_preprocess} if o.tweet_preprocess else {'use_sst': o.sst}


def targets(task: str, labels) -> tuple[torch.Tensor, torch.Tensor | None]:
    if task in MULTI_LABEL:
        y = torch.tensor([[0.0 if v is None else float(v) for v in r] for r in labels])
        w = torch.tensor([[0.0 if v is None else 1.0 for v in r] for r in labels])
        return y, w
    return torch.tensor(labels, dtype=torch.long), None


def batches(lengths: np.ndarray, batch: int, rng: np.random.Generator):
    idx = rng.permutation(len(lengths))
    chunk = batch * 50
    out = []
    for i in range(0, len(idx), chunk):
        c = idx[i:i + chunk]
        c = c[np.argsort(lengths[c], kind='stable')]
        out += [c[j:j + batch] for j in range(0, len(c), batch)]
    rng.shuffle(out)
    return out


@torch.no_grad()
def predict(model: nn.Module, enc: list[np.ndarray], task: str, batch: int = 256) -> np.ndarray:
    model.eval()
    lens = np.array([len(x) for x in enc])
    order = np.argsort(lens)
    out = None
    for i in range(0, len(order), batch):
        idx = order[i:i + batch]
        ids, mask = tok.pad([enc[j] for j in idx])
        z = model(torch.from_numpy(ids), torch.from_numpy(mask))
        p = torch.sigmoid(z) if task in MULTI_LABEL else torch.softmax(z, dim=-1)
        if out is None:
            out = np.zeros((len(enc), p.shape[1]), dtype=np.float32)
        out[idx] = p.numpy()
    return out


def dev_score(task: str, probs: np.ndarray, labels) -> float:
    from sklearn.metrics import average_precision_score, recall_score
    if task == 'sentiment':
        return float(recall_score(labels, probs.argmax(1), average='macro'))
    if task == 'emotion':
        return M.emotion_metrics(labels, probs, M.emotion_threshold(labels, probs))['macro_f1']
    y = M.binary_labels(task, labels)
    s = M.binary_scores(task, probs if task == 'toxicity' else probs[:, 1])
    return float(average_precision_score(y, s))


def init_embeddings(model: nn.Module, tk, path: Path) -> None:
    """Starts the piece embeddings from pretrained vectors (`pretrain.py`: one row per bert-base-uncased id), mapped
    into the pruned vocabulary by piece and rescaled to the random initialisation's spread (std 0.1)."""
    w = np.load(path)
    base = tok.base_tokenizer().get_vocab()
    weight = model.emb.weight
    if w.shape[1] != weight.shape[1]:
        raise SystemExit(f'{path}: dim {w.shape[1]} but the model has dim {weight.shape[1]}')
    rows = [(i, base[p]) for p, i in tk.get_vocab().items() if p in base and i != 0]
    src = w[[b for _, b in rows]]
    src = src / max(float(src.std()), 1e-8) * 0.1
    with torch.no_grad():
        for (i, _), v in zip(rows, src):
            weight[i] = torch.from_numpy(v)
    print(f'  embeddings: {len(rows)} of {weight.shape[0]} rows from {path.name}', flush=True)


def train(task: str, o, bundle: dict, tk) -> tuple[nn.Module, dict]:
    set_seed(o.seed)
    tr, dv = bundle['train'], bundle['dev']
    enc_tr = tok.encode(tk, tr.texts, o.max_len)
    enc_dv = tok.encode(tk, dv.texts, o.max_len)
    y, w = targets(task, tr.labels)
    vocab = tk.get_vocab_size()
    kw = dict(dim=o.dim, hidden=o.hidden, dropout=o.dropout)
    if o.arch == 'bag':
        kw['buckets'] = o.buckets
        if o.ngrams != '2':
            kw['ngrams'] = tuple(int(x) for x in o.ngrams.split(','))
        if o.char_buckets:
            kw['char_buckets'] = o.char_buckets
            kw['char_orders'] = tuple(int(x) for x in o.char_orders.split(','))
    else:
        kw['channels'] = o.channels
        kw['widths'] = tuple(int(x) for x in o.widths.split(','))
    if o.lexicon:
        kw['lexicon'] = lexicon.channels(o.lexicon, tk.get_vocab())
    tables = {'piece_chars': tok.piece_chars(tk.get_vocab())} if o.arch == 'bag' and o.char_buckets else {}
    model = models.build(o.arch, vocab, len(LABELS[task]), **kw, **tables)
    if o.init_embeddings:
        init_embeddings(model, tk, Path(o.init_embeddings))
    extra = [i for i in (tk.token_to_id(p) for p in lexicon.extra_pieces(o.lexicon)) if i is not None]
    if extra:
        # pieces added for the lexicon (emoji): a zero embedding instead of random noise, so that the lexicon channel
        # speaks for them first. Rows that contain them (GoEmotions' Reddit comments do) train the embedding; keeping
        # it frozen at zero was tried for the GoEmotions model and lost 3 of the 5 emoji-only probes (emoji.test.ts)
        with torch.no_grad():
            model.emb.weight[extra] = 0.0
    if task in MULTI_LABEL:
        loss_fn = None
    else:
        counts = np.bincount(np.asarray(tr.labels), minlength=len(LABELS[task])).astype(np.float64)
        cw = (counts.sum() / (len(counts) * counts)) ** o.class_weight_power
        loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(cw, dtype=torch.float32), reduction='none',
                                      label_smoothing=o.label_smoothing)
    sw = {}
    for item in (o.source_weight or '').split(','):
        if '=' in item:
            k, v = item.split('=')
            sw[k] = float(v)
    sample_w = torch.tensor([sw.get(s, 1.0) for s in tr.sources], dtype=torch.float32)
    opt = torch.optim.AdamW(model.parameters(), lr=o.lr, weight_decay=o.weight_decay)
    steps = o.epochs * ((len(enc_tr) + o.batch - 1) // o.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=o.lr, total_steps=steps, pct_start=0.1)
    rng = np.random.default_rng(o.seed)
    lens = np.array([len(x) for x in enc_tr])
    best, best_state, history = -1.0, None, []
    for ep in range(o.epochs):
        model.train()
        t0 = time.time()
        tot = 0.0
        for b in batches(lens, o.batch, rng):
            ids, mask = tok.pad([enc_tr[j] for j in b])
            ids_t, mask_t = torch.from_numpy(ids), torch.from_numpy(mask)
            if o.token_dropout > 0:
                drop = (torch.rand(ids_t.shape) < o.token_dropout) & (mask_t == 1)
                ids_t = torch.where(drop, torch.full_like(ids_t, tk.token_to_id('[UNK]')), ids_t)
            z = model(ids_t, mask_t)
            if task in MULTI_LABEL:
                l = nn.functional.binary_cross_entropy_with_logits(z, y[b], weight=w[b], reduction='sum') / w[b].sum().clamp(min=1)
            else:
                l = (loss_fn(z, y[b]) * sample_w[b]).sum() / sample_w[b].sum()
            opt.zero_grad()
            l.backward()
            opt.step()
            sched.step()
            tot += float(l) * len(b)
        p = predict(model, enc_dv, task)
        sc = dev_score(task, p, dv.labels)
        history.append({'epoch': ep + 1, 'loss': tot / len(enc_tr), 'dev': sc, 'sec': time.time() - t0})
        print(f'  epoch {ep + 1} loss {tot / len(enc_tr):.4f} dev {sc:.4f} ({time.time() - t0:.1f}s)', flush=True)
        if sc > best:
            best = sc
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    model.eval()
    return model, {'history': history, 'best_dev': best, 'kw': {k: (list(v) if isinstance(v, tuple) else o.lexicon if k == 'lexicon' else v) for k, v in kw.items()}}


def export(model: nn.Module, path: Path) -> None:
    ids = torch.tensor([[2, 10, 11, 12, 3], [2, 13, 14, 3, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    torch.onnx.export(model, (ids, mask), str(path), input_names=['input_ids', 'attention_mask'],
                      output_names=['logits'], opset_version=17, dynamo=False,
                      dynamic_axes={'input_ids': {0: 'batch', 1: 'sequence'},
                                    'attention_mask': {0: 'batch', 1: 'sequence'},
                                    'logits': {0: 'batch'}})
    import onnx
    m = onnx.load(str(path))
    onnx.checker.check_model(m)
    # drop the exporter's doc strings / absolute paths
    for n in m.graph.node:
        n.doc_string = ''
    m.producer_name = 'llm-shield tools/train'
    onnx.save(m, str(path))


def quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    quantize_dynamic(str(src), str(dst), per_channel=True, weight_type=QuantType.QInt8,
                     op_types_to_quantize=['MatMul', 'Gemm', 'Gather'],
                     extra_options={'EnableSubgraph': False})


def evaluate_variants(out: Path, task: str, bundle: dict, vocab: int) -> tuple[dict, float | None, bool, dict]:
    """Evaluates `model.onnx` (calibrating the threshold on dev) and `model_int8.onnx` at that threshold, deletes
    the int8 graph when it loses more than 0.005 of the dev metric, and measures latency. Returns (results,
    threshold, int8 kept, latency)."""
    res = {'fp32': E.evaluate_dir(out, task, bundle, 'model.onnx')}
    thr = res['fp32'].get('threshold')
    thr = None if thr is None else round(float(thr), 6)
    res['int8'] = E.evaluate_dir(out, task, bundle, 'model_int8.onnx', threshold=thr)
    print('fp32:\n' + M.summary(task, res['fp32']))
    print('int8:\n' + M.summary(task, res['int8']))
    key = {'sentiment': 'macro_recall', 'emotion': 'macro_f1'}.get(task, 'f1')
    keep_int8 = (res['fp32']['dev'][key] - res['int8']['dev'][key]) <= 0.005
    if not keep_int8:
        (out / 'model_int8.onnx').unlink()
    lat = {'fp32': E.latency(out / 'model.onnx', vocab=vocab)}
    if keep_int8:
        lat['int8'] = E.latency(out / 'model_int8.onnx', vocab=vocab)
    return res, thr, keep_int8, lat


def emotion_scanner_report(out: Path, bundle: dict) -> dict:
    """The EmotionDetection scanner's default verdict with the exported fp32 and int8 graphs: the threshold calibrated on
    dev (`metrics.emotion_scanner_threshold`), then precision / recall / F1 on dev and test and the false-positive rate
    on the held-out ordinary prompts (`data.benign_prompt_tests`, never trained on)."""
    from sklearn.metrics import f1_score, precision_score, recall_score
    labels = data.EMO_LABELS
    report: dict = {'rule': 'any of metrics.BLOCKED_EMOTIONS (llm-guard default) > threshold', 'blocked': M.BLOCKED_EMOTIONS}
    for variant in ('model.onnx', 'model_int8.onnx'):
        if not (out / variant).exists():
            continue
        clf = E.OnnxClassifier(out, variant)
        dv = bundle['dev']
        p_dev = clf.probs(dv.texts)
        if variant == 'model.onnx':
            report['threshold'] = M.emotion_scanner_threshold(labels, dv.labels, p_dev)
        t = report['threshold']
        block = {}
        for name, split in [('dev', dv), *bundle['tests'].items()]:
            y, s = M.blocked_scores(labels, split.labels, p_dev if name == 'dev' else clf.probs(split.texts))
            pred = (s > t).astype(int)
            block[name] = {'n': len(y), 'f1': float(f1_score(y, pred)), 'precision': float(precision_score(y, pred, zero_division=0)),
                           'recall': float(recall_score(y, pred))}
        for name, split in data.benign_prompt_tests().items():
            _, s = M.blocked_scores(labels, None, clf.probs(split.texts))
            block[name] = {'n': len(s), 'fpr': float((s > t).mean())}
        report['fp32' if variant == 'model.onnx' else 'int8'] = block
    return report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--task', required=True, choices=list(PRESETS))
    ap.add_argument('--arch', choices=['bag', 'cnn'])
    ap.add_argument('--dim', type=int)
    ap.add_argument('--buckets', type=int)
    ap.add_argument('--hidden', type=int)
    ap.add_argument('--channels', type=int)
    ap.add_argument('--widths', default='1,2,3')
    ap.add_argument('--init-embeddings', dest='init_embeddings', help='pretrained piece vectors from pretrain.py (.npy)')
    ap.add_argument('--ngrams', default='2', help='bag: hashed n-gram orders, e.g. 2,3,4,5 for a character model')
    ap.add_argument('--char-buckets', type=int, dest='char_buckets',
                    help='bag: hashed character n-grams of the spelled text with this many buckets (0 = off)')
    ap.add_argument('--char-orders', default='3,4,5', dest='char_orders', help='bag: character n-gram orders')
    ap.add_argument('--epochs', type=int)
    ap.add_argument('--lr', type=float)
    ap.add_argument('--batch', type=int)
    ap.add_argument('--max-len', type=int, dest='max_len')
    ap.add_argument('--min-count', type=int, dest='min_count')
    ap.add_argument('--dropout', type=float)
    ap.add_argument('--token-dropout', type=float, default=0.05, dest='token_dropout')
    ap.add_argument('--weight-decay', type=float, dest='weight_decay')
    ap.add_argument('--class-weight-power', type=float, dest='class_weight_power')
    ap.add_argument('--label-smoothing', type=float, default=0.0, dest='label_smoothing')
    ap.add_argument('--source-weight', dest='source_weight', help='e.g. deepset-train=3,jackhhao-train=2')
    ap.add_argument('--safeguard', action=argparse.BooleanOptionalAction)
    ap.add_argument('--deepset', action=argparse.BooleanOptionalAction,
                    help='prompt injection: train on deepset (licence unverified; first generation) instead of pi_data.py')
    ap.add_argument('--indirect-rows', type=int, dest='indirect_rows', help='prompt injection: indirect injections (+ benign twins)')
    ap.add_argument('--synthetic-extended', action=argparse.BooleanOptionalAction, dest='synthetic_extended',
                    help='prompt injection: the extended template grammar (synthetic_extended.py) instead of synthetic.py')
    ap.add_argument('--benign-windows', type=int, dest='benign_windows',
                    help='prompt injection: 30-50-word windows of benign training carriers (what a 64-token chunk sees)')
    ap.add_argument('--composites', type=int, help='prompt injection: attacks appended to ordinary training prompts (pi_data.composites)')
    ap.add_argument('--multilingual-attacks', type=int, dest='multilingual_attacks',
                    help='prompt injection: template attacks in 14 languages (synthetic_multilingual.py)')
    ap.add_argument('--synthetic-attacks', type=int, dest='synthetic_attacks', help='template attacks (synthetic.py)')
    ap.add_argument('--synthetic-benign', type=int, dest='synthetic_benign', help='template benign prompts (synthetic.py)')
    ap.add_argument('--augment-persona', action=argparse.BooleanOptionalAction, dest='augment_persona')
    ap.add_argument('--tweeteval', action=argparse.BooleanOptionalAction)
    ap.add_argument('--benign-prompts', action=argparse.BooleanOptionalAction, dest='benign_prompts',
                    help='toxicity: ordinary prompts as non-toxic rows (data.benign_prompt_sources)')
    ap.add_argument('--permissive-extra', action=argparse.BooleanOptionalAction, dest='permissive_extra',
                    help='toxicity: add the permissive sources of tox_sources.py (ConvAbuse, Civil Comments spans, ToxiGen, '
                         'HateCheck train templates, multilingual ordinary sentences)')
    ap.add_argument('--civil-spans', action=argparse.BooleanOptionalAction, dest='civil_spans', default=True,
                    help='toxicity with --permissive-extra: the Civil Comments toxic-spans posts as toxic rows (default on)')
    ap.add_argument('--lexicon', choices=['none', 'vader', 'sentiment', 'toxicity'],
                    help='fixed lexicon channels (cnn only; tools/train/lexicon.py)')
    ap.add_argument('--sst', action=argparse.BooleanOptionalAction)
    ap.add_argument('--source', choices=['goemotions', 'semeval'],
                    help='sentiment training data: goemotions (Apache-2.0, default) or semeval (first generation, research use)')
    ap.add_argument('--tweet-preprocess', action=argparse.BooleanOptionalAction, dest='tweet_preprocess',
                    help="sentiment: rewrite @mentions and links as the Sentiment scanner does (data.preprocess_tweet)")
    ap.add_argument('--seed', type=int, help='default 13 (PRESETS may set another)')
    ap.add_argument('--out')
    ap.add_argument('--default-mode', dest='default_mode', choices=['ml', 'hybrid'],
                    help="detection mode written to config.json's llm_shield.default_mode (default ml; the toxicity preset: hybrid)")
    ap.add_argument('--chunk-tokens', type=int, dest='chunk_tokens',
                    help="config.json's llm_shield.chunk_tokens (prompt injection: 64, a bag of words averages over its input)")
    ap.add_argument('--skip-baseline', action='store_true')
    o = ap.parse_args()
    for k, v in {'seed': 13, 'char_buckets': 0, 'dropout': 0.2, 'class_weight_power': 0.5, 'weight_decay': 0.0, 'synthetic_attacks': 0, 'synthetic_benign': 0, 'indirect_rows': 0, 'multilingual_attacks': 0, 'composites': 0, 'benign_windows': 0, 'chunk_tokens': 0, 'default_mode': 'ml', **PRESETS[o.task]}.items():
        if getattr(o, k, None) is None:
            setattr(o, k, v)
    for k in ('safeguard', 'augment_persona', 'tweeteval', 'sst', 'benign_prompts', 'deepset', 'synthetic_extended', 'permissive_extra'):
        if getattr(o, k, None) is None:
            setattr(o, k, False)
    if o.lexicon in (None, 'none'):
        o.lexicon = None
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    task = o.task
    out = Path(o.out) if o.out else MODELS_DIR / task
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    bundle = data.load_task(task, data_options(task, o))
    print(f'[{task}] train {len(bundle["train"])} dev {len(bundle["dev"])}', flush=True)
    spec, tk = tok.prune(bundle['train'].texts, o.min_count, o.max_len, extra=lexicon.extra_pieces(o.lexicon))
    print(f'[{task}] vocab {tk.get_vocab_size()}', flush=True)
    model, info = train(task, o, bundle, tk)
    n_params = models.param_count(model)
    print(f'[{task}] params {n_params} trained in {time.time() - t0:.0f}s', flush=True)

    labels = LABELS[task]
    (out / 'tokenizer.json').write_text(json.dumps(spec, ensure_ascii=False), encoding='utf-8')
    (out / 'tokenizer_config.json').write_text(json.dumps(tok.tokenizer_config(o.max_len), indent=2) + '\n')
    license_id = model_license(task, o)
    config = {
        'architectures': ['BagClassifier' if o.arch == 'bag' else 'CNNClassifier'],
        'model_type': 'llm-shield-embedded',
        'arch': o.arch,
        **info['kw'],
        'vocab_size': tk.get_vocab_size(),
        'max_position_embeddings': o.max_len,
        'pad_token_id': 0,
        'id2label': {str(i): l for i, l in enumerate(labels)},
        'label2id': {l: i for i, l in enumerate(labels)},
        'problem_type': 'multi_label_classification' if task in MULTI_LABEL else 'single_label_classification',
        'license': license_id,
    }
    (out / 'config.json').write_text(json.dumps(config, indent=2) + '\n')
    export(model, out / 'model.onnx')
    quantize(out / 'model.onnx', out / 'model_int8.onnx')

    # verify the export matches torch on dev
    clf = E.OnnxClassifier(out)
    sample = bundle['dev'].texts[:200]
    pt = predict(model, tok.encode(tk, sample, o.max_len), task)
    po = clf.probs(sample)
    diff = float(np.abs(pt - po).max())
    print(f'[{task}] onnx vs torch max |dp| {diff:.2e}', flush=True)
    assert diff < 1e-4, diff

    res, thr, keep_int8, lat = evaluate_variants(out, task, bundle, tk.get_vocab_size())
    print('latency', json.dumps(lat), flush=True)
    # The calibrated threshold and the detection mode travel with the model: scanners given this model and no
    # threshold/mode read them from config.json's `llm_shield` object (the onnx graphs are not touched).
    scanner = None
    if task == 'emotion':
        # The scanner's verdict is "a blocked emotion above the threshold", not the 28-label macro-F1 the `threshold`
        # above is calibrated for: its own threshold (config.json llm_shield.threshold) is calibrated on dev for it.
        scanner = emotion_scanner_report(out, bundle)
        print('scanner', json.dumps(scanner), flush=True)
    scanner_thr = scanner['threshold'] if scanner else thr
    config['llm_shield'] = {**({'threshold': scanner_thr} if scanner_thr is not None else {}), 'default_mode': o.default_mode,
                            **({'chunk_tokens': o.chunk_tokens} if o.chunk_tokens else {})}
    (out / 'config.json').write_text(json.dumps(config, indent=2) + '\n')

    probe = E.probes(out, task, thr) if task == 'prompt-injection' else None
    if probe:
        print('probes', json.dumps(probe), flush=True)

    base = None
    if not o.skip_baseline:
        base = baseline.run(task, bundle)
        print('baseline:\n' + M.summary(task, base))

    files = {'fp32': 'model.onnx'}
    if keep_int8:
        files['int8'] = 'model_int8.onnx'
    sizes = {f: (out / f).stat().st_size for f in ['model.onnx', 'model_int8.onnx', 'tokenizer.json',
                                                  'tokenizer_config.json', 'config.json'] if (out / f).exists()}
    cmd = f'tools/train/.venv/bin/python tools/train/train.py --task {task}'
    extra = [a for a in sys.argv[1:] if a not in ('--task', task)]
    if extra:
        cmd += ' ' + ' '.join(extra)
    meta = {
        'name': task,
        'task': task,
        'labels': labels,
        'problem_type': config['problem_type'],
        'license': license_id,
        'threshold': thr,
        'files': files,
        'sizes_bytes': sizes,
        'params': n_params,
        'architecture': config['architectures'][0],
        'hyperparameters': {k: getattr(o, k) for k in ['arch', 'dim', 'buckets', 'ngrams', *(['char_buckets', 'char_orders'] if o.char_buckets else []), 'hidden', 'channels', 'widths',
                                                       'epochs', 'lr', 'batch', 'max_len', 'min_count', 'dropout',
                                                       'token_dropout', 'weight_decay', 'class_weight_power', 'label_smoothing', 'lexicon', 'init_embeddings',
                                                       'source_weight', 'seed']},
        'data_options': data_options(task, o),
        'train_rows': len(bundle['train']),
        'dev_rows': len(bundle['dev']),
        'train_sources': sorted(set(bundle['train'].sources)),
        'dev': res['fp32']['dev'],
        'test': res['fp32']['test'],
        'test_at_0.5': res['fp32'].get('test@0.5'),
        'int8': {'kept': keep_int8, 'dev': res['int8']['dev'], 'test': res['int8']['test']},
        'probes': probe,
        **({'scanner': scanner} if scanner else {}),
        'baseline_tfidf_lr': base,
        'latency_ms': lat,
        'training': info['history'],
        'command': cmd,
        'versions': {'torch': torch.__version__, 'onnxruntime': __import__('onnxruntime').__version__,
                     'tokenizers': __import__('tokenizers').__version__},
    }
    (out / 'metrics.json').write_text(json.dumps(meta, indent=2) + '\n')
    print(f'[{task}] wrote {out} in {time.time() - t0:.0f}s; sizes {sizes}', flush=True)


if __name__ == '__main__':
    main()
