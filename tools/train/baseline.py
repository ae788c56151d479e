"""TF-IDF (word 1-2 + char 3-5 grams) + logistic-regression baseline, trained on exactly the data the
embedded model of the same task is trained on, calibrated on the same dev split.

    tools/train/.venv/bin/python tools/train/baseline.py --task prompt-injection
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

import data
from metrics import binary_labels, evaluate, judge_probes, summary

OUT = Path(__file__).resolve().parent / 'out'


def run(task: str, bundle: dict, C: float = 4.0) -> dict:
    word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True, max_features=200000)
    char = TfidfVectorizer(analyzer='char_wb', ngram_range=(3, 5), min_df=2, sublinear_tf=True, lowercase=True,
                           max_features=300000)
    tr = bundle['train']
    X = hstack([word.fit_transform(tr.texts), char.fit_transform(tr.texts)]).tocsr()
    if task == 'emotion':
        # one logistic regression per label (one-vs-rest), unweighted: the threshold is calibrated on dev
        from sklearn.multiclass import OneVsRestClassifier
        y = (np.asarray(tr.labels) >= 0.5).astype(int)
        clf = OneVsRestClassifier(LogisticRegression(C=C, max_iter=2000, solver='liblinear'))
    elif task == 'sentiment':
        y = np.array(tr.labels)
        clf = LogisticRegression(C=C, max_iter=2000, class_weight='balanced')
    else:
        y = binary_labels(task, tr.labels)
        clf = LogisticRegression(C=C, max_iter=2000, class_weight='balanced')
    clf.fit(X, y)

    def score(texts):
        Z = hstack([word.transform(texts), char.transform(texts)]).tocsr()
        p = clf.predict_proba(Z)
        return p if task in ('sentiment', 'emotion') else p[:, 1]

    result = evaluate(task, score, bundle)
    if task == 'prompt-injection':
        result['probes'] = judge_probes(task, score, result.get('threshold', 0.5))
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--task', required=True, choices=['prompt-injection', 'toxicity', 'sentiment', 'emotion'])
    ap.add_argument('--safeguard', action='store_true')
    ap.add_argument("--augment-persona", action="store_true", dest="augment_persona")
    ap.add_argument('--tweeteval', action='store_true')
    ap.add_argument('--sst', action='store_true')
    ap.add_argument('--tag', default='')
    args = ap.parse_args()
    bundle = data.load_task(args.task, {'use_safeguard': args.safeguard, 'augment_persona': args.augment_persona,
                                        'use_tweeteval': args.tweeteval, 'use_sst': args.sst})
    m = run(args.task, bundle)
    print(summary(args.task, m))
    OUT.mkdir(exist_ok=True)
    (OUT / f'baseline-{args.task}{args.tag}.json').write_text(json.dumps(m, indent=2))


if __name__ == '__main__':
    main()
