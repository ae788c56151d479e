"""Pretrains word-piece embeddings (skip-gram with negative sampling, word2vec's objective) over the full
bert-base-uncased WordPiece vocabulary on unlabelled text, for `train.py --init-embeddings`.

    tools/train/.venv/bin/python tools/train/pretrain.py --dim 64 [--epochs 3] [--out .cache/pretrain/sgns-64.npy]

Corpus: the *training* rows of all three tasks (never their dev or test rows, so model selection and the reported
metrics stay clean) plus text no task trains on and no evaluation uses: TweetEval hate train, SST-5 train sentences
and the training-eligible `extra/` benign sets. Labels are not read. Output: a float32 [30522, dim] array, row i =
the embedding of bert-base-uncased id i (rows of pieces never seen stay at their random start).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

import data
import tok

ROOT = Path(__file__).resolve().parents[2]


def corpus() -> list[str]:
    texts: list[str] = []
    seen: set[str] = set()

    def add(items):
        for t in items:
            k = data._norm(t)
            if k and k not in seen:
                seen.add(k)
                texts.append(t)

    add(data.load_pi(augment_persona=False)['train'].texts)
    add(data.load_toxicity(use_tweeteval=True)['train'].texts)
    add(data.load_sentiment()['train'].texts)
    hate, _ = data._tweeteval('hate', 'train')
    add(hate)
    for line in open(data.DATASETS / 'sentiment/sst5-stanford-trees/trees/train.txt', encoding='utf-8'):
        add([' '.join(w for w in line.replace(')', ' ').split() if not w.startswith('('))])
    for name in data.PI_BENIGN_EXTRA:
        add([r['text'] for r in data._jsonl(data.DATASETS / 'extra' / name)])
    # never any dev or test text: drop exact matches of every task's dev and test rows
    banned: set[str] = set()
    for bundle in (data.load_pi(), data.load_toxicity(use_tweeteval=True), data.load_sentiment()):
        banned.update(data._norm(t) for t in bundle['dev'].texts)
        for split in bundle['tests'].values():
            banned.update(data._norm(t) for t in split.texts)
    return [t for t in texts if data._norm(t) not in banned]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--dim', type=int, default=64)
    ap.add_argument('--window', type=int, default=4)
    ap.add_argument('--negatives', type=int, default=5)
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--batch', type=int, default=8192)
    ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--seed', type=int, default=13)
    ap.add_argument('--out')
    o = ap.parse_args()
    torch.manual_seed(o.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(o.seed)
    t0 = time.time()
    texts = corpus()
    base = tok.base_tokenizer()
    base.no_truncation()
    seqs = [np.asarray(e.ids, dtype=np.int64) for e in base.encode_batch(texts, add_special_tokens=False)]
    vocab = base.get_vocab_size()
    counts = np.bincount(np.concatenate(seqs), minlength=vocab).astype(np.float64)
    total = counts.sum()
    print(f'corpus {len(texts)} texts, {int(total)} pieces, {int((counts > 0).sum())} distinct ({time.time() - t0:.0f}s)', flush=True)
    # word2vec's frequent-piece subsampling and unigram^0.75 negative distribution
    freq = counts / total
    keep_p = np.minimum(1.0, (np.sqrt(freq / 1e-4) + 1) * 1e-4 / np.maximum(freq, 1e-12))
    neg_p = counts ** 0.75
    neg_p /= neg_p.sum()
    neg_table = torch.from_numpy(rng.choice(vocab, size=10_000_000, p=neg_p))

    emb_in = nn.Embedding(vocab, o.dim)
    emb_out = nn.Embedding(vocab, o.dim)
    nn.init.uniform_(emb_in.weight, -0.5 / o.dim, 0.5 / o.dim)
    nn.init.zeros_(emb_out.weight)
    opt = torch.optim.Adam(list(emb_in.parameters()) + list(emb_out.parameters()), lr=o.lr)
    for ep in range(o.epochs):
        centers, contexts = [], []
        for s in seqs:
            s = s[rng.random(len(s)) < keep_p[s]]
            n = len(s)
            if n < 2:
                continue
            for d in range(1, o.window + 1):
                if d >= n:
                    break
                # a random shrink of the window per pair approximates word2vec's dynamic window
                m = rng.random(n - d) < (o.window - d + 1) / o.window
                centers.append(s[:-d][m]); contexts.append(s[d:][m])
                centers.append(s[d:][m]); contexts.append(s[:-d][m])
        c = torch.from_numpy(np.concatenate(centers))
        x = torch.from_numpy(np.concatenate(contexts))
        perm = torch.from_numpy(rng.permutation(len(c)))
        c, x = c[perm], x[perm]
        t1, tot = time.time(), 0.0
        for i in range(0, len(c), o.batch):
            cb, xb = c[i:i + o.batch], x[i:i + o.batch]
            nb = neg_table[torch.randint(0, len(neg_table), (len(cb), o.negatives))]
            v = emb_in(cb)
            pos = (v * emb_out(xb)).sum(-1)
            neg = torch.bmm(emb_out(nb), v.unsqueeze(-1)).squeeze(-1)
            loss = -(nn.functional.logsigmoid(pos).mean() + nn.functional.logsigmoid(-neg).sum(-1).mean())
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += float(loss.detach()) * len(cb)
        print(f'  epoch {ep + 1}: {len(c)} pairs, loss {tot / len(c):.4f} ({time.time() - t1:.0f}s)', flush=True)
    out = Path(o.out) if o.out else ROOT / '.cache/pretrain' / f'sgns-{o.dim}.npy'
    out.parent.mkdir(parents=True, exist_ok=True)
    w = emb_in.weight.detach().numpy().astype(np.float32)
    np.save(out, w)
    (out.with_suffix('.json')).write_text(json.dumps({'texts': len(texts), 'pieces': int(total), **vars(o)}, indent=2) + '\n')
    print(f'wrote {out} {w.shape} in {time.time() - t0:.0f}s', flush=True)


if __name__ == '__main__':
    main()
