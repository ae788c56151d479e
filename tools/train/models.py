"""Compact classifier architectures. Both take (input_ids, attention_mask) int64 [batch, seq] and return
logits [batch, labels]; padding positions never change the result.

- `bag`: fastText-style embedding bag over token unigrams plus hashed token bigrams (bigram ids are computed
  inside the graph from consecutive input_ids: (a * P + b) mod H), mean- and max-pooled, then an MLP.
- `cnn`: token embeddings -> causal 1-D convolutions of widths 1..K -> masked max + mean pooling -> MLP.
"""
from __future__ import annotations

import torch
from torch import nn

BIGRAM_PRIME = 1_000_003


class BagClassifier(nn.Module):
    def __init__(self, vocab: int, labels: int, dim: int = 64, buckets: int = 16384, hidden: int = 128,
                 dropout: float = 0.2, ngrams: tuple[int, ...] = (2,)):
        super().__init__()
        self.buckets = buckets
        # hashed n-grams of consecutive ids; (2,) is the original piece-bigram model (its hash kept as it was)
        self.ngrams = tuple(ngrams)
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.bemb = nn.Embedding(buckets, dim) if buckets > 0 else None
        self.drop = nn.Dropout(dropout)
        # hidden = 0: a linear model over the pooled features (closest to the TF-IDF + LR baseline)
        self.fc1 = nn.Linear(2 * dim, hidden) if hidden > 0 else None
        self.out = nn.Linear(hidden if hidden > 0 else 2 * dim, labels)
        nn.init.normal_(self.emb.weight, std=0.1)
        if self.bemb is not None:
            nn.init.normal_(self.bemb.weight, std=0.1)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        m = attention_mask.to(torch.float32)
        x = self.emb(input_ids) * m.unsqueeze(-1)
        mm = m
        if self.bemb is not None and self.ngrams == (2,):
            a = input_ids[:, :-1]
            b = input_ids[:, 1:]
            h = torch.remainder(a * BIGRAM_PRIME + b, self.buckets)
            mb = m[:, :-1] * m[:, 1:]
            xb = self.bemb(h) * mb.unsqueeze(-1)
            x = torch.cat([x, xb], dim=1)
            mm = torch.cat([m, mb], dim=1)
        elif self.bemb is not None:
            for n in self.ngrams:
                # h = ((n·P + id_t)·P + id_t+1 … ) mod buckets, reduced at every step so it stays far below 2^63;
                # slices use negative ends so the exported graph keeps a dynamic sequence length
                def window(t: torch.Tensor, k: int) -> torch.Tensor:
                    return t[:, k: k - (n - 1)] if k < n - 1 else t[:, k:]
                h = torch.zeros_like(window(input_ids, 0)) + n
                mn = torch.ones_like(window(m, 0))
                for k in range(n):
                    h = torch.remainder(h * BIGRAM_PRIME + window(input_ids, k), self.buckets)
                    mn = mn * window(m, k)
                x = torch.cat([x, self.bemb(h) * mn.unsqueeze(-1)], dim=1)
                mm = torch.cat([mm, mn], dim=1)
        denom = mm.sum(dim=1, keepdim=True).clamp(min=1.0)
        mean = x.sum(dim=1) / denom
        mx = (x + (mm.unsqueeze(-1) - 1.0) * 1e4).max(dim=1).values
        z = torch.cat([mean, mx], dim=-1)
        if self.fc1 is not None:
            z = torch.relu(self.fc1(self.drop(z)))
        return self.out(self.drop(z))


class CNNClassifier(nn.Module):
    def __init__(self, vocab: int, labels: int, dim: int = 64, channels: int = 96, widths=(1, 2, 3),
                 hidden: int = 128, dropout: float = 0.2, lexicon: list[list[float]] | None = None):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.widths = tuple(widths)
        # optional fixed (non-trainable) extra input dimensions per piece (vocab × K), e.g. a sentiment lexicon's
        # valence (tools/train/lexicon.py)
        if lexicon is not None:
            self.register_buffer('lexicon', torch.tensor(lexicon, dtype=torch.float32).reshape(vocab, -1))
        else:
            self.lexicon = None
        width_in = dim + (self.lexicon.shape[1] if lexicon is not None else 0)
        self.convs = nn.ModuleList([nn.Conv1d(width_in, channels, k) for k in self.widths])
        self.drop = nn.Dropout(dropout)
        self.fc1 = nn.Linear(2 * channels * len(self.widths), hidden)
        self.out = nn.Linear(hidden, labels)
        nn.init.normal_(self.emb.weight, std=0.1)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        m = attention_mask.to(torch.float32)
        e = self.emb(input_ids)
        if self.lexicon is not None:
            e = torch.cat([e, nn.functional.embedding(input_ids, self.lexicon)], dim=-1)
        x = (e * m.unsqueeze(-1)).transpose(1, 2)  # B, d, T
        x = self.drop(x)
        denom = m.sum(dim=1, keepdim=True).clamp(min=1.0)
        neg = ((m - 1.0) * 1e4).unsqueeze(1)
        feats = []
        for k, conv in zip(self.widths, self.convs):
            xi = nn.functional.pad(x, (k - 1, 0)) if k > 1 else x
            y = torch.relu(conv(xi)) * m.unsqueeze(1)  # B, C, T (causal: position t sees t-k+1..t)
            feats.append((y + neg).max(dim=2).values)
            feats.append(y.sum(dim=2) / denom)
        z = torch.cat(feats, dim=-1)
        z = torch.relu(self.fc1(self.drop(z)))
        return self.out(self.drop(z))


def build(arch: str, vocab: int, labels: int, **kw) -> nn.Module:
    if arch == 'bag':
        return BagClassifier(vocab, labels, **kw)
    if arch == 'cnn':
        return CNNClassifier(vocab, labels, **kw)
    raise ValueError(arch)


def param_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
