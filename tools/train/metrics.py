"""Task metrics shared by the baseline, the trainer and the ONNX evaluator.

Scores:
- prompt-injection: P(INJECTION) per text (1-D).
- toxicity: per-label sigmoid probabilities [N, 6]; a text is "bad" when its max probability >= threshold.
- sentiment: softmax probabilities [N, 3]; the prediction is the argmax.
- emotion: per-label sigmoid probabilities [N, 28]; a label is predicted when its probability >= threshold (one
  threshold for all labels, calibrated for macro-F1 on dev).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score


def binary_scores(task: str, scores: np.ndarray) -> np.ndarray:
    scores = np.asarray(scores)
    if task == 'toxicity':
        return scores.max(axis=1) if scores.ndim == 2 else scores
    return scores


def binary_labels(task: str, labels) -> np.ndarray:
    if task == 'toxicity':
        out = []
        for y in labels:
            if isinstance(y, (list, tuple)):
                out.append(int(any((v or 0) >= 0.5 for v in y)))
            else:
                out.append(int(y))
        return np.array(out)
    return np.array(labels, dtype=int)


def fpr_threshold(benign_scores: np.ndarray, target_fpr: float) -> float:
    """Smallest threshold whose FPR on the given benign scores is <= target_fpr."""
    s = np.sort(np.asarray(benign_scores))[::-1]
    k = int(np.floor(target_fpr * len(s)))  # number of allowed false positives
    if k >= len(s):
        return 0.0
    # predict positive when score >= thr; put thr just above the (k+1)-th highest score
    return float(min(1.0, np.nextafter(s[k], np.inf)))


def binary_metrics(y: np.ndarray, s: np.ndarray, thr: float) -> dict:
    p = (s >= thr).astype(int)
    if y.min() == y.max() == 0:
        return {'n': int(len(y)), 'fpr': float(p.mean())}
    if y.min() == y.max() == 1:
        return {'n': int(len(y)), 'recall': float(p.mean())}
    return {
        'n': int(len(y)),
        'f1': float(f1_score(y, p)),
        'precision': float(precision_score(y, p, zero_division=0)),
        'recall': float(recall_score(y, p)),
        'accuracy': float(accuracy_score(y, p)),
        'fpr': float(((p == 1) & (y == 0)).sum() / max(1, (y == 0).sum())),
        'macro_f1': float(f1_score(y, p, average='macro')),
    }


def sentiment_metrics(y, probs: np.ndarray) -> dict:
    y = np.asarray(y, dtype=int)
    p = np.asarray(probs).argmax(axis=1)
    f1s = f1_score(y, p, average=None, labels=[0, 1, 2])
    return {
        'n': int(len(y)),
        'macro_recall': float(recall_score(y, p, average='macro')),
        'accuracy': float(accuracy_score(y, p)),
        'macro_f1': float(f1_score(y, p, average='macro')),
        'f1_pn': float((f1s[0] + f1s[2]) / 2),
    }


def emotion_metrics(labels, probs: np.ndarray, thr: float) -> dict:
    """Multi-label metrics over the 28 GoEmotions labels at one threshold: macro-F1 (the GoEmotions paper's figure),
    micro-F1, macro precision / recall and the F1 of each label."""
    y = np.asarray(labels, dtype=np.float64) >= 0.5
    p = np.asarray(probs) >= thr
    per = f1_score(y, p, average=None, zero_division=0)
    return {
        'n': int(len(y)),
        'macro_f1': float(per.mean()),
        'micro_f1': float(f1_score(y, p, average='micro', zero_division=0)),
        'macro_precision': float(precision_score(y, p, average='macro', zero_division=0)),
        'macro_recall': float(recall_score(y, p, average='macro', zero_division=0)),
        'per_label_f1': [round(float(v), 6) for v in per],
    }


# llm-guard's DEFAULT_BLOCKED_EMOTIONS: the EmotionDetection scanner's default verdict is "any of these above threshold"
BLOCKED_EMOTIONS = ['anger', 'annoyance', 'disappointment', 'disapproval', 'disgust', 'embarrassment', 'fear', 'grief',
                    'nervousness', 'remorse', 'sadness']


def blocked_scores(labels_order: list[str], labels, probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(gold: the row has a blocked emotion, score: the highest blocked-emotion probability) of each row."""
    idx = [labels_order.index(b) for b in BLOCKED_EMOTIONS]
    p = np.asarray(probs)[:, idx].max(axis=1)
    if labels is None:
        return np.zeros(len(p), dtype=int), p
    return (np.asarray(labels, dtype=np.float64)[:, idx] >= 0.5).any(axis=1).astype(int), p


def emotion_scanner_threshold(labels_order: list[str], labels, probs: np.ndarray, beta: float = 0.5) -> float:
    """The EmotionDetection scanner's threshold for a model: the value in 0.05..0.95 (step 0.01; ties: the lowest) with
    the best dev F-beta (beta 0.5: precision weighs more, a false alarm on an ordinary text costs more than a miss) of
    the scanner's default verdict, "some blocked emotion (llm-guard's list) above the threshold"."""
    from sklearn.metrics import fbeta_score
    y, s = blocked_scores(labels_order, labels, probs)
    cands = np.round(np.linspace(0.05, 0.95, 91), 2)
    return float(max(cands, key=lambda t: fbeta_score(y, (s > t).astype(int), beta=beta, zero_division=0)))


def emotion_threshold(labels, probs: np.ndarray) -> float:
    """The threshold in 0.05..0.95 (step 0.01) with the best dev macro-F1 (ties: the lowest)."""
    cands = np.round(np.linspace(0.05, 0.95, 91), 2)
    return float(max(cands, key=lambda t: emotion_metrics(labels, probs, t)['macro_f1']))


def evaluate(task: str, score_fn, bundle: dict, threshold: float | None = None, target_fpr: float = 0.01,
             min_threshold: float = 0.5) -> dict:
    """Runs score_fn(list[str]) -> scores on dev and every test split; returns a metrics dict.

    For binary tasks the threshold is calibrated on dev (PI: FPR <= target_fpr on the dev benign rows;
    toxicity: best F1 on dev) unless one is given. PI policy: the smallest threshold whose FPR on the dev
    benign rows is <= target_fpr (1%, stricter than the 3% requirement because dev benign FPR
    under-estimates FPR on other benign collections), but never below min_threshold (0.5).
    """
    out: dict = {}
    dev = bundle['dev']
    dev_s = np.asarray(score_fn(dev.texts))
    if task == 'sentiment':
        out['dev'] = sentiment_metrics(dev.labels, dev_s)
        out['test'] = {k: sentiment_metrics(v.labels, np.asarray(score_fn(v.texts))) for k, v in bundle['tests'].items()}
        return out
    if task == 'emotion':
        if threshold is None:
            threshold = emotion_threshold(dev.labels, dev_s)
        out['threshold'] = float(threshold)
        out['dev'] = emotion_metrics(dev.labels, dev_s, threshold)
        out['test'] = {k: emotion_metrics(v.labels, np.asarray(score_fn(v.texts)), threshold) for k, v in bundle['tests'].items()}
        out['test@0.5'] = {k: emotion_metrics(v.labels, np.asarray(score_fn(v.texts)), 0.5) for k, v in bundle['tests'].items()}
        return out
    y = binary_labels(task, dev.labels)
    s = binary_scores(task, dev_s)
    if threshold is None:
        if task == 'prompt-injection' and 'calib' in bundle:
            # second generation: dev benign + the multilingual calibration parts (pi_data.calibrated_threshold)
            import pi_data
            cal = bundle['calib']
            cs = np.asarray(score_fn(cal.texts))
            groups: dict[str, list[float]] = {}
            for src, v in zip(cal.sources, cs):
                groups.setdefault(src.split('/')[0], []).append(float(v))
            threshold = pi_data.calibrated_threshold(s[y == 0], groups, floor=min_threshold)
        elif task == 'prompt-injection':
            threshold = max(min_threshold, fpr_threshold(s[y == 0], target_fpr))
        else:
            cands = np.linspace(0.05, 0.95, 91)
            threshold = float(max(cands, key=lambda t: f1_score(y, (s >= t).astype(int))))
    out['threshold'] = float(threshold)
    out['dev'] = binary_metrics(y, s, threshold)
    out['dev@0.5'] = binary_metrics(y, s, 0.5)
    out['test'] = {}
    out['test@0.5'] = {}
    for k, v in bundle['tests'].items():
        ts = binary_scores(task, np.asarray(score_fn(v.texts)))
        ty = binary_labels(task, v.labels)
        out['test'][k] = binary_metrics(ty, ts, threshold)
        out['test@0.5'][k] = binary_metrics(ty, ts, 0.5)
    return out


def summary(task: str, m: dict) -> str:
    rows = []
    if task == 'sentiment':
        for k, v in [('dev', m['dev'])] + list(m['test'].items()):
            rows.append(f"{k:32s} macroR={v['macro_recall']:.3f} acc={v['accuracy']:.3f} macroF1={v['macro_f1']:.3f}")
        return '\n'.join(rows)
    if task == 'emotion':
        rows.append(f"threshold={m['threshold']:.4f}")
        for k, v in [('dev', m['dev'])] + list(m['test'].items()) + [(k + '@0.5', v) for k, v in m.get('test@0.5', {}).items()]:
            rows.append(f"{k:32s} macroF1={v['macro_f1']:.3f} microF1={v['micro_f1']:.3f} macroP={v['macro_precision']:.3f} macroR={v['macro_recall']:.3f}")
        return '\n'.join(rows)
    rows.append(f"threshold={m['threshold']:.4f}")
    for name, block in [('thr', m['test']), ('@0.5', m['test@0.5'])]:
        items = [('dev', m['dev'] if name == 'thr' else m['dev@0.5'])] + list(block.items())
        for k, v in items:
            parts = [f'{a}={b:.3f}' for a, b in v.items() if a in ('f1', 'fpr', 'recall', 'macro_f1')]
            rows.append(f'{name:5s} {k:32s} ' + ' '.join(parts))
    return '\n'.join(rows)


PROBES = Path(__file__).resolve().parent / 'probes'


def judge_probes(task: str, score, threshold: float) -> dict | None:
    """Judges the hand-written generalisation probes (`probes/<task>.jsonl`, never trained on: benign prompts that
    share words with attacks, attacks phrased unlike the training data) with `score(texts) -> P(positive)`; a probe
    is flagged above `threshold`. Returns counts and the misjudged texts, or None when the task has no probes."""
    path = PROBES / f'{task}.jsonl'
    if not path.exists():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding='utf-8').splitlines() if line.strip()]
    p = score([r['text'] for r in rows])
    return {
        'benign': sum(1 for r in rows if r['label'] == 0),
        'benign_flagged': [r['text'] for r, x in zip(rows, p) if r['label'] == 0 and x > threshold],
        'attacks': sum(1 for r in rows if r['label'] == 1),
        'attacks_missed': [r['text'] for r, x in zip(rows, p) if r['label'] == 1 and x <= threshold],
    }
