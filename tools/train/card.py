"""Writes models/<name>/README.md (the model card) from models/<name>/metrics.json.

    tools/train/.venv/bin/python tools/train/card.py prompt-injection toxicity sentiment
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / 'packages/models-embedded/models'

DATA = {
    'prompt-injection': """Second generation (issue 13): trained only on data whose licence allows shipping the weights. Every training set:

| source | rows used | licence (SPDX) |
|---|---|---|
| jackhhao/jailbreak-classification, balanced **train** (jailbreaks + benign OpenOrca / GPTeacher role-play) | 85% train / 15% dev | `MIT` |
| extra/gsm8k_train (1,500 sampled), gpteacher_roleplay, gpteacher_codegen (2,000 sampled), humaneval | 85% / 15% | `MIT` |
| extra/self_instruct_seed | 85% / 15% | `Apache-2.0` |
| BIPIA email contexts and questions (benign external content) | 85% / 15% | `MIT` |
| Mintaka questions (en + ar, de, es, fr, hi, it, ja, pt), split by question id across languages | 60% train (2,400 sampled) / 10% calibration / 30% held-back test | `CC-BY-4.0` (Amazon Science) |
| Tatoeba sentences, 45 languages (via LASER's retrieval files) | 60% train (120 per language) / 10% calibration / 30% test | CC BY 2.0 FR (tatoeba.org; no SPDX id; attribution) |
| Korean chatbot user utterances (songys/Chatbot_data) | 60% train (2,000) / 10% / 30% | `MIT` |
| CrossWOZ user turns (Chinese), upstream **val** dialogues; upstream **test** dialogues are the held-back test | 90% train (2,000) / 10% calibration | `Apache-2.0` |
| MultiJail harmful requests, 10 languages, split by prompt id — **benign** for this model (policy below) | 60% train (800) / 10% / 30% | `MIT` |
| AILuminate demo, `unskilled` persona only (plain harmful requests, en + fr) — **benign** (policy below) | 60% train (720) / 10% / 30% | `CC-BY-4.0` (MLCommons) |
| indirect injections: BIPIA text and code attack strings (3 of 5 per category) inside 35 of BIPIA's 50 email contexts and inside hand-written web pages, tables, reviews, READMEs and code files (`tools/train/carriers.py`), each with a benign twin (the same carrier with an ordinary sentence) | train only | `MIT` (BIPIA) / written for this project |
| persona rewrites: benign GPTeacher/jackhhao role-play train rows re-opened as "I want you to act as …" (≤1,500) | train only | `MIT` (derived) |
| template rows from `tools/train/synthetic_extended.py` (hand-written grammars, seeded): 1,500 attacks, 4,000 benign prompts with everyday "ignore / forget / system / act as" | train only | written for this project |
| template attacks in 14 languages and their benign twins (`tools/train/synthetic_multilingual.py`, hand-translated) | train only | written for this project |
| composites: a training-split ordinary prompt (any language) followed or preceded by a template attack, no marker | train only | derived from the rows above |

The weights are released as `CC-BY-4.0`: the least permissive training licences are attribution-only (CC BY 4.0:
Mintaka — Sen et al., COLING 2022; AILuminate — MLCommons; CC BY 2.0 FR: Tatoeba, tatoeba.org).

**Evaluation only, never trained on:** deepset/prompt-injections train and test (licence unverified), extra/dstc8_sgd_user
(CC BY-SA 4.0), wizardlm_testset (CC BY-NC 4.0), promptmap (GPL-3.0), safeguard_train (unknown), `benign_prompts/`
alpaca-eval-805 / nq-open / awesome-chatgpt-prompts, AILuminate `skilled` prompts, and the 30% held-back parts above.""",
    'toxicity': """| source | rows used | licence |
|---|---|---|
| Jigsaw toxic comments (predibase subsets), **train** pools, all six labels | 85% train / 15% dev | CC0 (labels) / CC BY-SA 3.0 (Wikipedia text) |
| Davidson hate/offensive tweets: hate → toxic + identity_hate, offensive → toxic (others unknown, masked), neither → all 0 | 85% / 15% | MIT |
| ConvAbuse user turns to two chatbots, majority label: abusive → toxic (others masked), not abusive → all 0, ties dropped | official train / valid (dev) | CC BY 4.0 |
| Civil Comments toxic spans (SemEval-2021 Task 5) train posts with a span → toxic (others masked); only with `--civil-spans` | 85% / 15% | CC0-1.0 |
| ToxiGen demonstrations: hate → toxic + identity_hate, neutral → all 0 | 85% / 15% | MIT |
| HateCheck (English), 70% of the templates (`templ_id`, seeded): hateful → toxic + identity_hate; counter-speech, negation, neutral / positive identity mentions, reclaimed slurs, homonyms → all 0; abuse of non-protected targets and profanity → identity_hate 0 (others masked) | 85% / 15% | CC BY 4.0 |
| ordinary sentences and questions in many languages: Tatoeba (45 languages, ≤150 per language), Mintaka (300 questions × 8 languages), Korean chatbot (2,000), CrossWOZ val user turns (2,000), each from a seeded half, as all-0 rows | 85% / 15% | CC BY 2.0 FR / CC BY 4.0 / MIT / Apache-2.0 |
| ordinary prompts as all-0 rows (`--benign-prompts`): extra/gsm8k_train (1,500 sampled), self_instruct_seed, gpteacher_roleplay, gpteacher_codegen (2,000 sampled), humaneval, dstc8_sgd_user, BIPIA email contexts and questions | 85% / 15% | MIT / Apache-2.0 / CC BY-SA 4.0 (dstc8) |
| the project's toxicity lexicon (`packages/heuristics`, written by hand), as fixed input channels, not as rows | – | written for this project |

No research-only data: TweetEval (offensive, hate) is evaluation only. The weights are marked `MIT`; the card lists
the attribution (CC BY) and share-alike (CC BY-SA: Jigsaw's Wikipedia text, DSTC8) sources above. Held out and never
trained on: Jigsaw test, TweetEval, ConvAbuse test, HateCheck's other 30% of templates, the other halves of the
multilingual sets, `benign_prompts/*` (alpaca-eval-805, nq-open, awesome-chatgpt-prompts) and wizardlm_testset.""",
    'sentiment': """| source | rows used | licence (SPDX) |
|---|---|---|
| GoEmotions (Google; Reddit comments, `sentiment/goemotions/data/group`), official **train** split | train | `Apache-2.0` |
| GoEmotions official **dev** split | dev (model selection) | `Apache-2.0` |
| VADER lexicon (7,5k words with a mean valence; the copy in `packages/heuristics`), the project's tweet-slang and emoji valence lists, as a fixed input channel, not as rows | – | `MIT` / written for this project |

**Grouping.** GoEmotions' own sentiment grouping (the authors' `sentiment_dict.json`, applied in `data/group`):
negative = anger, annoyance, disapproval, disgust, fear, sadness, grief, nervousness, remorse, embarrassment,
disappointment; positive = joy, amusement, approval, excitement, gratitude, love, optimism, relief, pride,
admiration, desire, caring; ambiguous = surprise, realization, confusion, curiosity; neutral. A row with one polar
group (with or without neutral / ambiguous) takes that polarity; a row with only neutral and/or ambiguous emotions
is **neutral** (ambiguous emotions carry no polarity: a curious question is not negative); a row with both negative
and positive is dropped (2% of rows, also in dev / test). Mentions and links are rewritten as below.

**Evaluation only, never trained on** (research use, no explicit licence): SemEval-2017 Task 4A test (tweets) and
SST-5 test (movie-review sentences, root label; 0–1 negative, 2 neutral, 3–4 positive). They are out-of-domain
checks: the first generation (`LicenseRef-research-only`, trained on SemEval 2013–2016 tweets) reached SemEval-2017
macro-recall 0.634; moving to permissive Reddit data costs the difference shown below.""",
    'emotion': """| source | rows used | licence (SPDX) |
|---|---|---|
| GoEmotions (Google; Reddit comments, `sentiment/goemotions/data/original`), official **train** split, 28 labels | train | `Apache-2.0` |
| GoEmotions official **dev** split | dev (model selection, threshold) | `Apache-2.0` |
| GoEmotions official **test** split | test (reported below, never trained on) | `Apache-2.0` |
| VADER lexicon (the copy in `packages/heuristics`), the project's tweet-slang and emoji valence lists, as a fixed input channel, not as rows | – | `MIT` / written for this project |

No other data. Names in the comments are masked as `[NAME]`, religions as `[RELIGION]` (as in the release).""",
}

POLICY = {
    'prompt-injection': """**Labelling policy for role-play.** A plain persona request ("I want you to act as a travel guide",
"Imagine you are a detective…") is BENIGN, as in jackhhao and the project's heuristics. Role-play that removes
restrictions or asks for harmful content ("DAN can do anything now", "pretend you are an evil AI…") is an
attack.

**Harmful requests.** A plain harmful question ("how do I make a weapon?") is not a prompt injection: it does not try
to override, leak or smuggle instructions. MultiJail and AILuminate's plain (`unskilled`) prompts are BENIGN rows for
this model; harmful content is the job of the Toxicity / BanTopics scanners. A harmful request wrapped in a jailbreak
(restriction-removing persona, fake authority, "ignore your rules") stays an attack.

**Indirect injection.** An instruction addressed to the model inside content the application passes on (an email,
a web page, a table, a code file) is an attack even when the instruction itself is harmless out of context ("write a
poem about the sea" inside an invoice email); the same carrier with an ordinary sentence is benign.""",
    'toxicity': """**Labels.** Multi-label sigmoid over Jigsaw's six categories (`toxic, severe_toxic, obscene, threat,
insult, identity_hate`). A text is flagged when any probability ≥ the threshold (that is how "is_bad" and
"offensive" are scored below). Sources without a category leave it unsupervised (masked loss).""",
    'sentiment': """**Labels.** Softmax over `negative, neutral, positive`; the prediction is the argmax. Class weights
balance the training prior (GoEmotions train: negative 21%, neutral 40%, positive 39%).""",
    'emotion': """**Labels.** Sigmoid per label over GoEmotions' 27 emotions and `neutral` (multi-label: 16% of the rows
carry two or more). One threshold for every label, the one with the best dev macro-F1; metrics below are macro
averages over the 28 labels at that threshold (the GoEmotions paper's BERT-base: macro-F1 0.46 on test).""",
}

USE = {
    'prompt-injection': """**Intended use.** Offline / in-browser default for the prompt-injection scanner when no production model
is cached: flags direct injections ("ignore previous instructions…"), in-the-wild jailbreaks and instructions
hidden in emails, web pages, tables and code, while passing ordinary prompts in many languages and plain harmful
questions. **Known limits.** A bag of word pieces and piece bigrams: no word order beyond bigrams, no understanding of
context; evaded by paraphrase outside its grammars and data, by encodings, and by languages it has few attacks in.
Without deepset in training, deepset-style rows (German, "topic + question + hidden order") are where it fails most
(see the deepset rows below). The scanners read long inputs in 64-token chunks (`chunk_tokens`).""",
    'toxicity': """**Intended use.** Offline default for the toxicity scanner: insults, obscenity, threats, hate in English
comments and tweets. **Known limits.** Keyword-driven; misses implicit hate and sarcasm, over-flags quoted or
reclaimed slurs, counter-speech and profanity used without offence (HateCheck's non-hateful cases); Davidson's labels carry documented dialect bias. The
minority categories (threat, identity_hate, severe_toxic) have few training examples: treat their individual
probabilities as rough. English only (ordinary text in other languages passes: it was trained on as non-toxic; toxic text in other languages is mostly missed). Texts are truncated at 256 tokens.""",
    'sentiment': """**Intended use.** Offline default for the sentiment scanner on short English texts. **Known limits.**
Trained on Reddit comments only; weaker on long or formal text, tweets, negation and sarcasm; neutral vs. mildly
positive is often confused. Texts are truncated at 128 tokens.""",
    'emotion': """**Intended use.** Offline default for the EmotionDetection scanner (llm-guard's blocked negative emotions)
on short English texts. **Known limits.** A small CNN trained from scratch on 43k Reddit comments: rare emotions
(grief, pride, relief, nervousness: under 1% of the rows) are weakly learned; no context beyond a few words,
sarcasm and negation are often missed. The scanner reads long texts in 128-token chunks.""",
}


def f(x, k):
    v = x.get(k)
    return '–' if v is None else f'{v:.3f}'


def metric_rows(task: str, m: dict) -> str:
    base = m.get('baseline_tfidf_lr') or {}
    rows = []
    if task == 'sentiment':
        rows.append('| split | metric | this model (fp32) | int8 | TF-IDF + LR baseline |')
        rows.append('|---|---|---|---|---|')
        for split, v in [('dev (not test)', m['dev'])] + list(m['test'].items()):
            b = base.get('dev') if split.startswith('dev') else base.get('test', {}).get(split, {})
            q = m['int8']['dev'] if split.startswith('dev') else m['int8']['test'].get(split, {})
            for k in ['macro_recall', 'accuracy', 'macro_f1']:
                rows.append(f'| {split} | {k} | {f(v, k)} | {f(q, k)} | {f(b or {}, k)} |')
        return '\n'.join(rows)
    if task == 'emotion':
        rows.append(f"Threshold {m['threshold']:.2f} on every label (best dev macro-F1; baseline threshold {base.get('threshold', 0):.2f}).\n")
        rows.append('| split | metric | this model (fp32) | int8 | TF-IDF + LR baseline |')
        rows.append('|---|---|---|---|---|')
        for split, v in [('dev (not test)', m['dev'])] + list(m['test'].items()):
            b = base.get('dev') if split.startswith('dev') else base.get('test', {}).get(split, {})
            q = m['int8']['dev'] if split.startswith('dev') else m['int8']['test'].get(split, {})
            for k in ['macro_f1', 'micro_f1', 'macro_precision', 'macro_recall']:
                rows.append(f'| {split} | {k} | {f(v, k)} | {f(q, k)} | {f(b or {}, k)} |')
        sc = m.get('scanner')
        if sc:
            rows.append(f"\n**EmotionDetection's verdict** (a blocked emotion, llm-guard's default list, above "
                        f"{sc['threshold']:.2f}: the best dev F0.5 of that verdict; `config.json` `llm_shield.threshold`):\n")
            rows.append('| split | metric | fp32 | int8 |')
            rows.append('|---|---|---|---|')
            for split, v in sc['fp32'].items():
                q = sc.get('int8', {}).get(split, {})
                for k in (['fpr'] if 'fpr' in v else ['f1', 'precision', 'recall']):
                    rows.append(f'| {split} | {k} | {f(v, k)} | {f(q, k)} |')
        t = m['test'].get('goemotions-test', {})
        if t.get('per_label_f1'):
            rows.append('\nPer-label F1 on GoEmotions test (fp32): ' + ', '.join(
                f'{label} {v:.2f}' for label, v in zip(m['labels'], t['per_label_f1'])) + '.')
        return '\n'.join(rows)
    how = ('calibrated on the dev benign rows and the 10% calibration parts of the multilingual and harmful-request sets: '
           'FPR ≤ 1% pooled and ≤ 1.5% on each set, never below 0.5' if (m.get('data_options') or {}).get('use_deepset') is False
           else 'calibrated on dev')
    rows.append(f"Threshold {m['threshold']:.2f} ({how}; baseline threshold {base.get('threshold', 0):.2f}).\n")
    rows.append('| split | metric | this model (fp32) | int8 | TF-IDF + LR baseline |')
    rows.append('|---|---|---|---|---|')
    for split, v in [('dev (not test)', m['dev'])] + list(m['test'].items()):
        b = base.get('dev') if split.startswith('dev') else base.get('test', {}).get(split, {})
        q = m['int8']['dev'] if split.startswith('dev') else m['int8']['test'].get(split, {})
        keys = ['f1', 'fpr'] if 'f1' in v else (['fpr'] if 'fpr' in v else ['recall'])
        if task == 'toxicity' and 'macro_f1' in v:
            keys = ['f1', 'macro_f1', 'fpr']
        for k in keys:
            rows.append(f'| {split} | {k} | {f(v, k)} | {f(q, k)} | {f(b or {}, k)} |')
    return '\n'.join(rows)


def probe_rows(m: dict) -> str:
    p = m.get('probes')
    if not p:
        return ''
    b = (m.get('baseline_tfidf_lr') or {}).get('probes') or {}
    base = (f" The baseline: {b['benign'] - len(b['benign_flagged'])}/{b['benign']} benign passed, "
            f"{b['attacks'] - len(b['attacks_missed'])}/{b['attacks']} attacks flagged.") if b else ''
    wrong = [f'"{t}"' for t in p['benign_flagged'] + p['attacks_missed']]
    return (f"\n**Generalisation probes** (`tools/train/probes/prompt-injection.jsonl`: hand-written, never trained on, "
            f"written before the template grammars): {p['benign'] - len(p['benign_flagged'])}/{p['benign']} benign prompts "
            f"that share words with attacks pass, {p['attacks'] - len(p['attacks_missed'])}/{p['attacks']} attacks phrased "
            f"unlike the training data are flagged.{base}"
            + (f" Misjudged: {', '.join(wrong)}." if wrong else '') + "\n")


PREPROCESS_TEXT = ("""

**Preprocessing.** Every row (train, dev and test) is rewritten as the Sentiment scanner rewrites text before any
model (`packages/scanners/src/tweet-preprocess.ts`, cardiffnlp's documented preprocessing; `data.preprocess_tweet`):
words starting with `@` become `@user`, words starting with `http` become `http`. The metrics below are therefore
those of the scanner's input.""")


# what each `train.py --lexicon` value adds to the architecture line (`True`: metrics.json written before the names)
LEXICON_TEXT = {
    'vader': (" plus one fixed, non-trainable channel holding VADER's valence / 4 of each whole-word piece "
              "(`tools/train/lexicon.py`; VADER lexicon, MIT)"),
    'sentiment': (" plus one fixed, non-trainable channel holding the valence / 4 of each whole-word piece from VADER "
                  "(MIT) and the project's tweet-slang list, and of 142 emoji from the project's emoji list, which are "
                  "added to the vocabulary as pieces and `##` continuations (plus the five skin-tone modifiers) because "
                  "bert-base-uncased maps them to [UNK] (`tools/train/lexicon.py`; lists in `packages/heuristics`)"),
    'toxicity': (" plus eight fixed, non-trainable channels per piece from the project's hand-written toxicity lexicon "
                 "(`packages/heuristics/src/toxicity/lexicon-data.ts`): evidence weight for toxic, for obscene / insult / "
                 "identity_hate / threat where the entry lists them, severe_toxic evidence, identity-group names and "
                 "dehumanising predicates (`tools/train/lexicon.py`)"),
}
LEXICON_TEXT[True] = LEXICON_TEXT['vader']


def card(name: str) -> str:
    d = MODELS / name
    m = json.loads((d / 'metrics.json').read_text())
    cfg = json.loads((d / 'config.json').read_text())
    task = m['task']
    hp = m['hyperparameters']
    if hp['arch'] == 'ensemble':
        parts = []
        for member, w in zip(m['members'], hp['weights']):
            mh = member['hyperparameters']
            parts.append(f"{'1-D CNN' if mh['arch'] == 'cnn' else 'embedding bag'} (dim {mh['dim']}, "
                         f"{'widths ' + str(mh['widths']) + ' × ' + str(mh['channels']) + ' channels' if mh['arch'] == 'cnn' else str(mh['buckets']) + ' bigram buckets'}, "
                         f"dense {mh['hidden']}, seed {mh['seed']}, {member['params']:,} parameters, weight {w:g})")
        arch = (f"ensemble in one graph: the weighted mean of the logits of {len(parts)} members trained on the same rows "
                f"with the same pruned {cfg['vocab_size']:,}-piece WordPiece vocabulary and different seeds: "
                + '; '.join(parts) + ". Each CNN: piece embeddings → causal convolutions + ReLU → masked max ‖ mean "
                "pooling → dense + ReLU → output layer (`tools/train/ensemble.py`)")
    elif hp['arch'] == 'bag':
        arch = (f"fastText-style embedding bag: {cfg['vocab_size']:,} pruned WordPiece unigram embeddings + "
                f"{hp['buckets']:,} hashed piece-bigram buckets (bigram id = (a·1000003 + b) mod {hp['buckets']}, computed "
                f"in the graph), dim {hp['dim']}, masked mean ‖ max pooling, "
                + (f"plus {hp['char_buckets']:,} hashed character {'/'.join(hp['char_orders'].split(','))}-gram buckets over the "
                   "text the pieces spell (each piece's characters come from a fixed table in the graph, whole-word pieces "
                   "with a leading space; the stream is compacted so n-grams cross piece boundaries: the TF-IDF baseline's "
                   "character features, from `input_ids` alone), pooled by their own mean ‖ max, "
                   if hp.get('char_buckets') else '')
                + (f"dense {hp['hidden']} + ReLU, output layer" if hp['hidden'] else 'one linear output layer (no hidden layer)'))
    else:
        arch = (f"1-D CNN: {cfg['vocab_size']:,} pruned WordPiece embeddings (dim {hp['dim']})"
                + LEXICON_TEXT.get(hp.get('lexicon') or 'none', '')
                + f", causal convolutions of widths {hp['widths']} with {hp['channels']} channels each + ReLU, masked "
                f"max ‖ mean pooling, dense {hp['hidden']} + ReLU, output layer")
    lat = m['latency_ms']
    sizes = m['sizes_bytes']
    size_s = ', '.join(f'`{k}` {v / 1e6:.2f} MB' for k, v in sizes.items())
    lat_s = ', '.join(f"{k} p50 {v['p50_ms']:.3f} ms / p99 {v['p99_ms']:.3f} ms" for k, v in lat.items())
    return f"""# llm-shield embedded `{name}` classifier

Trained from scratch by `tools/train` (no pretrained weights). Licence marker: **`{m['license']}`** (see Data).

- **Task:** {task}; labels `{', '.join(m['labels'])}`; `problem_type` `{m['problem_type']}`; default threshold
  {('%.2f' % m['threshold']) if m.get('threshold') is not None else 'argmax (none)'}{(' for the 28-label metrics; the EmotionDetection scanner uses %.2f (below)' % m['scanner']['threshold']) if m.get('scanner') else ''}.
- **Architecture:** {arch}. Inputs `input_ids`, `attention_mask` (int64, dynamic batch × sequence) → `logits`;
  padding never changes the result.
- **Parameters:** {m['params']:,}.
- **Files:** {size_s}. `model_int8.onnx` is onnxruntime dynamic quantisation (per-channel int8 MatMul/Gemm
  weights and int8 embedding tables via Gather) and matches fp32 within 0.005 on dev.
- **Tokenizer:** bert-base-uncased WordPiece, pruned to the pieces the training data uses (plus every
  single-character piece), ids remapped ([PAD]=0); `model_max_length` {hp['max_len']}.
- **Latency** (Python onnxruntime {m['versions']['onnxruntime']}, 1 thread, batch 1, 64 tokens, shared 2-core box): {lat_s}.

## Data

{DATA[task]}{PREPROCESS_TEXT if m.get('data_options', {}).get('tweet_preprocess') else ''}

{POLICY[task]}

## Metrics

Measured by `tools/train/evaluate.py` on the exported ONNX through onnxruntime and the shipped
`tokenizer.json`. Dev = seeded split of the training sources (used for model selection and threshold
calibration); test splits were never used for training, and configurations were chosen on dev (every configuration tried is listed with its numbers in `docs/embedded-models.md`). The baseline is TF-IDF (word 1–2 +
char 3–5 grams) + logistic regression trained on exactly the same rows (`tools/train/baseline.py`), with the
same threshold policy.

{metric_rows(task, m)}
{probe_rows(m)}
{USE[task]}

## Reproduce

```sh
python3 -m venv tools/train/.venv && tools/train/.venv/bin/pip install -r tools/train/requirements.txt
{m['command']}
tools/train/.venv/bin/python tools/train/card.py {name}
```

Seed {hp['seed']}, torch/onnxruntime on one thread; hyperparameters: `{json.dumps({k: v for k, v in hp.items() if v is not None})}`.
"""


if __name__ == '__main__':
    for n in sys.argv[1:] or ['prompt-injection', 'toxicity', 'sentiment', 'emotion']:
        if (MODELS / n / 'metrics.json').exists():
            (MODELS / n / 'README.md').write_text(card(n))
            print('wrote', MODELS / n / 'README.md')
