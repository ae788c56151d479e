"""Evaluates an exported model directory (model.onnx / model_int8.onnx + tokenizer.json + config.json)
with onnxruntime on one thread and the shipped tokenizer.json (Python `tokenizers`), on the dev split and
every test split of its task; also measures single-thread latency.

    tools/train/.venv/bin/python tools/train/evaluate.py packages/models-embedded/models/prompt-injection
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

import metrics as M

TASK_OF = {'prompt-injection': 'prompt-injection', 'toxicity': 'toxicity', 'sentiment': 'sentiment', 'emotion': 'emotion'}


def session(path: Path) -> ort.InferenceSession:
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    return ort.InferenceSession(str(path), so, providers=['CPUExecutionProvider'])


class OnnxClassifier:
    def __init__(self, model_dir: Path, file: str = 'model.onnx'):
        self.dir = Path(model_dir)
        self.sess = session(self.dir / file)
        self.config = json.loads((self.dir / 'config.json').read_text())
        tcfg = json.loads((self.dir / 'tokenizer_config.json').read_text())
        self.max_len = int(tcfg['model_max_length'])
        self.tk = Tokenizer.from_file(str(self.dir / 'tokenizer.json'))
        self.tk.enable_truncation(max_length=self.max_len)
        self.tk.no_padding()
        self.multi = self.config.get('problem_type') == 'multi_label_classification'

    def logits(self, texts: list[str], batch: int = 64) -> np.ndarray:
        encs = self.tk.encode_batch(list(texts))
        order = np.argsort([len(e.ids) for e in encs])
        out = np.zeros((len(texts), len(self.config['id2label'])), dtype=np.float32)
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            n = max(len(encs[j].ids) for j in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.int64)
            for r, j in enumerate(idx):
                e = encs[j].ids
                ids[r, :len(e)] = e
                mask[r, :len(e)] = 1
            out[idx] = self.sess.run(['logits'], {'input_ids': ids, 'attention_mask': mask})[0]
        return out

    def probs(self, texts: list[str]) -> np.ndarray:
        z = self.logits(texts)
        if self.multi:
            return 1.0 / (1.0 + np.exp(-z))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def score_fn(task: str, clf: OnnxClassifier):
    def f(texts):
        p = clf.probs(texts)
        if task == 'prompt-injection':
            return p[:, 1]
        return p
    return f


def latency(model_path: Path, tokens: int = 64, runs: int = 2000, vocab: int = 1000) -> dict:
    sess = session(model_path)
    rng = np.random.default_rng(0)
    ids = rng.integers(5, vocab, size=(1, tokens), dtype=np.int64)
    ids[0, 0], ids[0, -1] = 2, 3
    mask = np.ones_like(ids)
    feed = {'input_ids': ids, 'attention_mask': mask}
    for _ in range(200):
        sess.run(['logits'], feed)
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        sess.run(['logits'], feed)
        ts.append(time.perf_counter() - t)
    ts = np.array(ts) * 1000
    return {'tokens': tokens, 'threads': 1, 'p50_ms': float(np.percentile(ts, 50)), 'p90_ms': float(np.percentile(ts, 90)),
            'p99_ms': float(np.percentile(ts, 99))}


def probes(model_dir: Path, task: str, threshold: float, file: str = 'model.onnx') -> dict | None:
    """The hand-written probes (`metrics.judge_probes`) judged by the exported model at `threshold`."""
    clf = OnnxClassifier(model_dir, file)
    return M.judge_probes(task, lambda texts: clf.probs(texts)[:, 1], threshold)


def evaluate_dir(model_dir: Path, task: str, bundle: dict, file: str = 'model.onnx', threshold: float | None = None,
                 target_fpr: float = 0.01, min_threshold: float = 0.5) -> dict:
    clf = OnnxClassifier(model_dir, file)
    f = score_fn(task, clf)
    if task == 'prompt-injection' and threshold is None and 'calib' not in bundle:
        dev = bundle['dev']
        s = f(dev.texts)
        y = np.asarray(dev.labels)
        threshold = max(min_threshold, M.fpr_threshold(s[y == 0], target_fpr))
    return M.evaluate(task, f, bundle, threshold=threshold)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('model_dir')
    ap.add_argument('--file', default='model.onnx')
    args = ap.parse_args()
    d = Path(args.model_dir)
    meta = json.loads((d / 'metrics.json').read_text())
    task = meta['task']
    import data
    bundle = data.load_task(task, meta.get('data_options', {}))
    thr = meta.get('threshold')
    m = evaluate_dir(d, task, bundle, args.file, threshold=thr)
    print(M.summary(task, m))
    print(json.dumps(latency(d / args.file)))


if __name__ == '__main__':
    main()
