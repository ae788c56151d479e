"""Compact classifier architectures. Both take (input_ids, attention_mask) int64 [batch, seq] and return
logits [batch, labels]; padding positions never change the result.

- `bag`: fastText-style embedding bag over token unigrams plus hashed token bigrams (bigram ids are computed
  inside the graph from consecutive input_ids: (a * P + b) mod H), mean- and max-pooled, then an MLP; optionally
  (`char_buckets`) also hashed character 3–5-grams of the text the pieces spell, pooled on their own.
- `cnn`: token embeddings -> causal 1-D convolutions of widths 1..K -> masked max + mean pooling -> MLP.
"""
from __future__ import annotations

import torch
from torch import nn

BIGRAM_PRIME = 1_000_003


def hashed_ngrams(ids: torch.Tensor, valid: torch.Tensor, order: int, buckets: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Bucket ids and presence (1.0 where every member is valid) of the n-grams of `order` along axis 1 of `ids`:
    h = ((order·P + id_t)·P + id_t+1 …) mod buckets, reduced at every step so it stays far below 2^63. Slices use
    negative ends so an exported graph keeps a dynamic sequence length."""
    def window(t: torch.Tensor, k: int) -> torch.Tensor:
        return t[:, k: k - (order - 1)] if k < order - 1 else t[:, k:]
    h = torch.zeros_like(window(ids, 0)) + order
    present = torch.ones_like(window(valid, 0))
    for k in range(order):
        h = torch.remainder(h * BIGRAM_PRIME + window(ids, k), buckets)
        present = present * window(valid, k)
    return h, present


class BagClassifier(nn.Module):
    def __init__(self, vocab: int, labels: int, dim: int = 64, buckets: int = 16384, hidden: int = 128,
                 dropout: float = 0.2, ngrams: tuple[int, ...] = (2,), piece_chars: list[list[int]] | None = None,
                 char_buckets: int = 0, char_orders: tuple[int, ...] = (3, 4, 5)):
        super().__init__()
        # optional hashed character n-grams of the text the pieces spell (`tok.piece_chars`), pooled on their own:
        # the features of the TF-IDF baseline's char_wb analyser, computed inside the graph from input_ids
        self.char_orders = tuple(char_orders)
        if char_buckets > 0:
            if piece_chars is None:
                raise ValueError('char_buckets needs piece_chars')
            # int16 keeps the table small in the graph; rows are widened to int64 for the n-gram codes
            self.register_buffer('piece_chars', torch.tensor(piece_chars, dtype=torch.int16))
            if self.piece_chars.shape[1] < max(self.char_orders):
                raise ValueError('piece_chars rows must be at least as wide as the longest character order')
            self.cemb = nn.Embedding(char_buckets, dim)
            nn.init.normal_(self.cemb.weight, std=0.1)
        else:
            self.piece_chars = None
            self.cemb = None
        feats = (4 if self.cemb is not None else 2) * dim
        self.buckets = buckets
        # hashed n-grams of consecutive ids; (2,) is the original piece-bigram model (its hash kept as it was)
        self.ngrams = tuple(ngrams)
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.bemb = nn.Embedding(buckets, dim) if buckets > 0 else None
        self.drop = nn.Dropout(dropout)
        # hidden = 0: a linear model over the pooled features (closest to the TF-IDF + LR baseline)
        self.fc1 = nn.Linear(feats, hidden) if hidden > 0 else None
        self.out = nn.Linear(hidden if hidden > 0 else feats, labels)
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
                h, mn = hashed_ngrams(input_ids, m, n, self.buckets)
                x = torch.cat([x, self.bemb(h) * mn.unsqueeze(-1)], dim=1)
                mm = torch.cat([mm, mn], dim=1)
        denom = mm.sum(dim=1, keepdim=True).clamp(min=1.0)
        mean = x.sum(dim=1) / denom
        mx = (x + (mm.unsqueeze(-1) - 1.0) * 1e4).max(dim=1).values
        z = torch.cat([mean, mx] + (self.char_features(input_ids, attention_mask) if self.cemb is not None else []), dim=-1)
        if self.fc1 is not None:
            z = torch.relu(self.fc1(self.drop(z)))
        return self.out(self.drop(z))


    def char_features(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> list[torch.Tensor]:
        """Masked mean and max of the embeddings of hashed character n-grams (orders `char_orders`) over the
        character stream the pieces spell. The pieces' padded character rows are compacted (a stable sort that puts
        the real characters first, in order), so n-grams run across piece boundaries as they do in the text."""
        chars = self.piece_chars[input_ids].to(torch.int64) * attention_mask.unsqueeze(-1)  # B, T, L
        flat = chars.reshape(chars.shape[0], -1)
        n = flat.shape[1]
        position = torch.arange(n, dtype=torch.int64).unsqueeze(0)
        key = torch.where(flat > 0, position, position + n)
        stream = torch.gather(flat, 1, torch.argsort(key, dim=1))
        # only the first `count` positions hold characters (the rest is padding): cut there, but keep at least the
        # longest order so every window shape stays valid (n >= that: each piece row is at least that wide)
        count = torch.clamp((flat > 0).sum(dim=1).max(), min=max(self.char_orders))
        stream = torch.index_select(stream, 1, torch.arange(count, dtype=torch.int64))
        valid = (stream > 0).to(torch.float32)
        x, mm = [], []
        for order in self.char_orders:
            h, present = hashed_ngrams(stream, valid, order, self.cemb.num_embeddings)
            x.append(self.cemb(h))
            mm.append(present)
        x = torch.cat(x, dim=1)
        mm = torch.cat(mm, dim=1)
        # masked mean as one batched matrix product (mask · embeddings): much faster in onnxruntime than a
        # multiply and a reduction over the n-gram axis
        total = torch.bmm(mm.unsqueeze(1), x).squeeze(1)
        mx = (x + (mm.unsqueeze(-1) - 1.0) * 1e4).max(dim=1).values * (mm.sum(dim=1, keepdim=True) > 0).to(torch.float32)
        return [total / mm.sum(dim=1, keepdim=True).clamp(min=1.0), mx]


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
