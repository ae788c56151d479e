"""bert-base-uncased WordPiece tokenizer, pruned to the tokens a task's training data uses.

Pruning keeps: the five special tokens, every single-character token and its `##` continuation (so unseen
words still split into pieces instead of collapsing to [UNK]), and every token that occurs at least
`min_count` times in the tokenised training texts. Greedy longest-match WordPiece gives the same pieces on
the training texts after pruning (no kept token is longer than the one chosen before), so only unseen
words tokenise differently, into smaller known pieces. Ids are remapped to 0..V-1 with [PAD]=0.
"""
from __future__ import annotations

import copy
import json
import os
from collections import Counter
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parents[2]
BERT_TOKENIZER = Path(os.environ.get(
    'LLM_SHIELD_BERT_TOKENIZER',
    ROOT.parent / 'shared/datasets/tokenizers/bert-base-uncased/derived/tokenizer.json'))
SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']


def base_tokenizer() -> Tokenizer:
    return Tokenizer.from_file(str(BERT_TOKENIZER))


def prune(texts: list[str], min_count: int = 1, max_len: int = 512, extra: list[str] = ()) -> tuple[dict, Tokenizer]:
    """Returns (pruned tokenizer.json as a dict, Tokenizer). `extra` pieces the base vocabulary lacks (e.g. emoji for
    a lexicon channel) are appended after the kept ones."""
    base = base_tokenizer()
    base.no_truncation()
    counts: Counter = Counter()
    for enc in base.encode_batch(texts, add_special_tokens=False):
        counts.update(enc.ids)
    spec = json.loads(BERT_TOKENIZER.read_text(encoding='utf-8'))
    vocab: dict[str, int] = spec['model']['vocab']
    inv = sorted(vocab.items(), key=lambda kv: kv[1])
    keep = []
    for tok, i in inv:
        core = tok[2:] if tok.startswith('##') else tok
        if tok in SPECIALS or len(core) == 1 or counts.get(i, 0) >= min_count:
            keep.append(tok)
    # [PAD] first so that id 0 is padding; the other specials keep their relative order
    keep = ['[PAD]'] + [t for t in keep if t != '[PAD]']
    keep += [t for t in dict.fromkeys(extra) if t not in vocab]
    new_vocab = {t: i for i, t in enumerate(keep)}
    out = copy.deepcopy(spec)
    out['model']['vocab'] = new_vocab
    for at in out['added_tokens']:
        at['id'] = new_vocab[at['content']]
    pp = out['post_processor']
    pp['sep'] = ['[SEP]', new_vocab['[SEP]']]
    pp['cls'] = ['[CLS]', new_vocab['[CLS]']]
    out['truncation'] = None
    out['padding'] = None
    tk = Tokenizer.from_str(json.dumps(out))
    return out, tk


def piece_chars(vocab: dict[str, int]) -> list[list[int]]:
    """The characters of every piece as small integer ids, one row per vocabulary id, zero-padded to the longest
    piece, for the bag's in-graph character n-grams (`models.BagClassifier`, `char_buckets`): a whole-word piece
    starts with a space (id 1), a `##` continuation contributes its characters only, special tokens none. Laid end
    to end, the rows of a text's pieces spell the normalised text with one space before each word, so hashed
    character n-grams can be computed inside the graph from `input_ids` alone. Character ids are assigned in sorted
    order of the characters the vocabulary uses (0 = padding, 1 = space)."""
    spelled = {}
    for piece, i in vocab.items():
        if piece in SPECIALS:
            spelled[i] = ''
        elif piece.startswith('##'):
            spelled[i] = piece[2:]
        else:
            spelled[i] = ' ' + piece
    alphabet = sorted({c for t in spelled.values() for c in t} - {' '})
    char_id = {' ': 1, **{c: k + 2 for k, c in enumerate(alphabet)}}
    if len(char_id) >= 2 ** 15:
        raise SystemExit(f'{len(char_id)} distinct characters: more than the int16 table of models.BagClassifier holds')
    width = max(len(t) for t in spelled.values())
    rows = [[0] * width for _ in range(max(vocab.values()) + 1)]
    for i, t in spelled.items():
        rows[i][:len(t)] = [char_id[c] for c in t]
    return rows


def tokenizer_config(max_len: int) -> dict:
    return {
        'tokenizer_class': 'BertTokenizerFast',
        'do_lower_case': True,
        'model_max_length': max_len,
        'padding_side': 'right',
        'truncation_side': 'right',
        'cls_token': '[CLS]',
        'sep_token': '[SEP]',
        'pad_token': '[PAD]',
        'unk_token': '[UNK]',
        'mask_token': '[MASK]',
        'clean_up_tokenization_spaces': True,
        'model_input_names': ['input_ids', 'attention_mask'],
    }


def encode(tk: Tokenizer, texts: list[str], max_len: int) -> list[np.ndarray]:
    """Token ids with [CLS]/[SEP], truncated to max_len (keeping [SEP] last), as int64 arrays."""
    tk = Tokenizer.from_str(tk.to_str())
    tk.enable_truncation(max_length=max_len)
    tk.no_padding()
    return [np.asarray(e.ids, dtype=np.int64) for e in tk.encode_batch(texts)]


def pad(batch: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    n = max(len(x) for x in batch)
    ids = np.zeros((len(batch), n), dtype=np.int64)
    mask = np.zeros((len(batch), n), dtype=np.int64)
    for i, x in enumerate(batch):
        ids[i, :len(x)] = x
        mask[i, :len(x)] = 1
    return ids, mask
