#!/usr/bin/env python3
"""Rewrites an ONNX model with page-aligned external data, which onnxruntime (CPU) memory-maps instead of copying.

    tools/fixtures/.venv/bin/python tools/production-shaped/external_data.py SRC.onnx DST.onnx

writes DST.onnx (the graph) and DST.onnx.data beside it (every initializer of at least 1 KiB, at offsets aligned to
64 KiB for those of 1 MiB or more and to 4 KiB for the rest). Load DST.onnx by path (`{ path }` in runtime-node,
a folder in model-hub's cache): onnxruntime finds the data file next to it. The weights then live in file-backed
pages, shared by every process that maps the same file and reclaimable by the kernel, instead of in each process's
heap (docs/performance.md, "Resident memory"). Needs only onnx (and numpy).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import onnx

EXTERNAL_DATA_ALIGNMENT = 65536  # allocation granularity on Windows; a multiple of the 4 KiB page elsewhere
EXTERNAL_DATA_SMALL_ALIGNMENT = 4096  # the page size on Linux and macOS (arm64 macOS pages are 16 KiB: copied there)
EXTERNAL_DATA_LARGE_BYTES = 1 << 20
EXTERNAL_DATA_MIN_BYTES = 1024


def save_with_external_data(src: Path, dst: Path) -> dict:
    """Writes `src` as `dst` + `dst.name + '.data'`: every initializer of at least 1 KiB moves to the data file at an
    offset aligned to 64 KiB (1 MiB or more) or 4 KiB (smaller), so that onnxruntime (CPU) memory-maps it (where the
    offset is a multiple of the system's allocation granularity) instead of copying it out of the protobuf.

    onnx 1.23's `save_model(save_as_external_data=True)` has no alignment option (onnxruntime's own
    ModelSavingOptions.align_offset is for models it writes), so the data file is written here."""
    model = onnx.load(str(src))
    data_name = dst.name + ".data"
    offset = 0
    moved = 0
    with open(dst.with_name(data_name), "wb") as data:
        for tensor in model.graph.initializer:
            if not tensor.HasField("raw_data"):
                continue
            raw = tensor.raw_data
            if len(raw) < EXTERNAL_DATA_MIN_BYTES:
                continue
            alignment = EXTERNAL_DATA_ALIGNMENT if len(raw) >= EXTERNAL_DATA_LARGE_BYTES else EXTERNAL_DATA_SMALL_ALIGNMENT
            offset = -(-offset // alignment) * alignment
            data.seek(offset)
            data.write(raw)
            del tensor.external_data[:]
            for key, value in (("location", data_name), ("offset", str(offset)), ("length", str(len(raw)))):
                entry = tensor.external_data.add()
                entry.key, entry.value = key, value
            tensor.data_location = onnx.TensorProto.EXTERNAL
            tensor.ClearField("raw_data")
            offset += len(raw)
            moved += 1
        data.truncate(offset)
    onnx.save(model, str(dst))
    return {"graph_bytes": dst.stat().st_size, "data_bytes": offset, "initializers_moved": moved}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="model with its initializers inside (or external)")
    parser.add_argument("dst", type=Path, help="graph to write; its data goes to DST.data")
    args = parser.parse_args()
    print(json.dumps(save_with_external_data(args.src, args.dst)))


if __name__ == "__main__":
    main()
