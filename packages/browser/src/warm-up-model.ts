/**
 * The smallest ONNX model onnxruntime accepts (one `Identity` over a float tensor of shape [1], opset 13), encoded
 * here so that creating a session from it makes onnxruntime-web fetch, compile and start its wasm while the real
 * model is still being fetched and verified.
 */

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return bytes;
}

/** A protobuf field: `varint` for numbers, length-delimited for strings and nested messages. */
function field(number: number, value: number | string | number[]): number[] {
  if (typeof value === 'number') return [...varint(number << 3), ...varint(value)];
  const bytes = typeof value === 'string' ? Array.from(new TextEncoder().encode(value)) : value;
  return [...varint((number << 3) | 2), ...varint(bytes.length), ...bytes];
}

/** ValueInfoProto `name`: float tensor of shape [1]. */
function floatOfOne(name: string): number[] {
  const dim = field(1, 1); // Dimension.dim_value = 1
  const shape = field(1, dim); // TensorShapeProto.dim
  const tensor = [...field(1, 1), ...field(2, shape)]; // Tensor.elem_type = FLOAT, shape
  return [...field(1, name), ...field(2, field(1, tensor))]; // ValueInfoProto.name, type.tensor_type
}

/** The bytes of the warm-up model. */
export function warmUpModelBytes(): Uint8Array {
  const node = [...field(1, 'x'), ...field(2, 'y'), ...field(4, 'Identity')]; // NodeProto input, output, op_type
  const graph = [...field(1, node), ...field(2, 'warm-up'), ...field(11, floatOfOne('x')), ...field(12, floatOfOne('y'))];
  const opset = [...field(1, ''), ...field(2, 13)]; // OperatorSetIdProto domain, version
  return new Uint8Array([...field(1, 8), ...field(7, graph), ...field(8, opset)]); // ir_version 8, graph, opset_import
}
