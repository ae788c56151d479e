"""Combines trained member models of one task into one ONNX graph whose logits are the weighted mean of the
members' logits, then quantises, evaluates and writes the model folder like train.py does.

    tools/train/.venv/bin/python tools/train/ensemble.py --task toxicity --members DIR_A,DIR_B [--weights 0.5,0.5] --out DIR

Members must have been trained on the same rows with the same tokenizer pruning (identical `tokenizer.json`, checked
here): each is a folder written by `train.py --out …` (model.onnx, config.json, tokenizer files, metrics.json).
The combined graph keeps the HF-style I/O (`input_ids`, `attention_mask` → `logits`). Averaging logits (not
probabilities) keeps one graph output and is what the sigmoid/softmax of the scanners then reads.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import compose, helper, numpy_helper

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baseline  # noqa: E402
import data  # noqa: E402
import evaluate as E  # noqa: E402
import train as T  # noqa: E402


def merge(paths: list[Path], weights: list[float]) -> onnx.ModelProto:
    members = []
    for i, p in enumerate(paths):
        m = onnx.load(str(p))
        members.append(compose.add_prefix(m, f'm{i}_', rename_inputs=False))
    first = members[0]
    nodes, inits = [], []
    for m in members:
        nodes += list(m.graph.node)
        inits += list(m.graph.initializer)
    terms = []
    for i, (m, w) in enumerate(zip(members, weights)):
        out = m.graph.output[0].name
        wname = f'ensemble_weight_{i}'
        inits.append(numpy_helper.from_array(np.array(w, dtype=np.float32), wname))
        nodes.append(helper.make_node('Mul', [out, wname], [f'ensemble_term_{i}'], name=f'ensemble_mul_{i}'))
        terms.append(f'ensemble_term_{i}')
    nodes.append(helper.make_node('Sum', terms, ['logits'], name='ensemble_sum'))
    out_vi = helper.make_tensor_value_info('logits', onnx.TensorProto.FLOAT, ['batch', first.graph.output[0].type.tensor_type.shape.dim[1].dim_value])
    graph = helper.make_graph(nodes, 'ensemble', list(first.graph.input), [out_vi], initializer=inits)
    model = helper.make_model(graph, opset_imports=list(first.opset_import), producer_name='llm-shield tools/train ensemble')
    model.ir_version = first.ir_version
    onnx.checker.check_model(model)
    return model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--task', required=True, choices=list(T.PRESETS))
    ap.add_argument('--members', required=True, help='comma-separated train.py output folders')
    ap.add_argument('--weights', help='comma-separated weights (default: equal)')
    ap.add_argument('--out')
    ap.add_argument('--skip-baseline', action='store_true')
    o = ap.parse_args()
    task = o.task
    dirs = [Path(p) for p in o.members.split(',')]
    weights = [float(w) for w in o.weights.split(',')] if o.weights else [1.0 / len(dirs)] * len(dirs)
    assert len(weights) == len(dirs) and abs(sum(weights) - 1.0) < 1e-6, 'one weight per member, summing to 1'
    metas = [json.loads((d / 'metrics.json').read_text()) for d in dirs]
    tok0 = (dirs[0] / 'tokenizer.json').read_bytes()
    for d in dirs[1:]:
        if (d / 'tokenizer.json').read_bytes() != tok0:
            raise SystemExit(f'{d}: tokenizer.json differs from {dirs[0]}; members must share the tokenizer')
        for k in ('data_options', 'train_rows'):
            if json.loads((d / 'metrics.json').read_text())[k] != metas[0][k]:
                raise SystemExit(f'{d}: {k} differs; members must be trained on the same rows')
    out = Path(o.out) if o.out else T.MODELS_DIR / task
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    model = merge([d / 'model.onnx' for d in dirs], weights)
    onnx.save(model, str(out / 'model.onnx'))
    for f in ('tokenizer.json', 'tokenizer_config.json'):
        if (dirs[0] / f).resolve() != (out / f).resolve():
            shutil.copyfile(dirs[0] / f, out / f)
    cfgs = [json.loads((d / 'config.json').read_text()) for d in dirs]
    config = {k: v for k, v in cfgs[0].items() if k in ('vocab_size', 'max_position_embeddings', 'pad_token_id', 'id2label',
                                                         'label2id', 'problem_type', 'license')}
    config = {'architectures': ['EnsembleClassifier'], 'model_type': 'llm-shield-embedded', 'arch': 'ensemble',
              'members': [{k: v for k, v in c.items() if k not in ('id2label', 'label2id', 'license', 'problem_type')} | {'weight': w}
                          for c, w in zip(cfgs, weights)], **config}
    (out / 'config.json').write_text(json.dumps(config, indent=2) + '\n')
    T.quantize(out / 'model.onnx', out / 'model_int8.onnx')

    data_opts = metas[0]['data_options']
    bundle = data.load_task(task, data_opts)
    assert len(bundle['train']) == metas[0]['train_rows'], 'training rows changed since the members were trained'

    # the merged graph must equal the weighted mean of the members' logits
    sample = bundle['dev'].texts[:200]
    z = sum(w * E.OnnxClassifier(d).logits(sample) for d, w in zip(dirs, weights))
    diff = float(np.abs(E.OnnxClassifier(out).logits(sample) - z).max())
    print(f'[{task}] ensemble vs mean of members max |dlogit| {diff:.2e}', flush=True)
    assert diff < 1e-4, diff

    res, thr, keep_int8, lat = T.evaluate_variants(out, task, bundle, config['vocab_size'])
    # The calibrated threshold and the members' detection mode travel with the model (config.json `llm_shield`).
    mode = cfgs[0].get('llm_shield', {}).get('default_mode', 'ml')
    config['llm_shield'] = {**({'threshold': thr} if thr is not None else {}), 'default_mode': mode}
    (out / 'config.json').write_text(json.dumps(config, indent=2) + '\n')
    probe = E.probes(out, task, thr) if task == 'prompt-injection' else None
    base = metas[0].get('baseline_tfidf_lr')
    if base is None and not o.skip_baseline:
        base = baseline.run(task, bundle)
    files = {'fp32': 'model.onnx', **({'int8': 'model_int8.onnx'} if keep_int8 else {})}
    sizes = {f: (out / f).stat().st_size for f in ['model.onnx', 'model_int8.onnx', 'tokenizer.json',
                                                  'tokenizer_config.json', 'config.json'] if (out / f).exists()}
    cmds = [m['command'].replace(' --skip-baseline', '') for m in metas]
    meta = {
        'name': task, 'task': task, 'labels': metas[0]['labels'], 'problem_type': metas[0]['problem_type'],
        'license': metas[0]['license'], 'threshold': thr, 'files': files, 'sizes_bytes': sizes,
        'params': sum(m['params'] for m in metas), 'architecture': 'EnsembleClassifier',
        'hyperparameters': {'arch': 'ensemble', 'max_len': metas[0]['hyperparameters']['max_len'],
                            'seed': [m['hyperparameters']['seed'] for m in metas], 'weights': weights},
        'members': [{'architecture': m['architecture'], 'params': m['params'], 'hyperparameters': m['hyperparameters'],
                     'dev': m['dev'], 'test': m['test'], 'training': m['training'], 'command': c}
                    for m, c in zip(metas, cmds)],
        'data_options': data_opts, 'train_rows': metas[0]['train_rows'], 'dev_rows': metas[0]['dev_rows'],
        'train_sources': metas[0]['train_sources'],
        'dev': res['fp32']['dev'], 'test': res['fp32']['test'], 'test_at_0.5': res['fp32'].get('test@0.5'),
        'int8': {'kept': keep_int8, 'dev': res['int8']['dev'], 'test': res['int8']['test']},
        'probes': probe, 'baseline_tfidf_lr': base, 'latency_ms': lat,
        'command': ' && '.join(cmds + [f'tools/train/.venv/bin/python tools/train/ensemble.py --task {task} --members {o.members}'
                                       + (f' --weights {o.weights}' if o.weights else '')]),
        'versions': metas[0]['versions'],
    }
    (out / 'metrics.json').write_text(json.dumps(meta, indent=2) + '\n')
    print(f'[{task}] wrote {out} in {time.time() - t0:.0f}s; sizes {sizes}', flush=True)


if __name__ == '__main__':
    main()
