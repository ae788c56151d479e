/**
 * Just enough Parquet to pull the string values out of a small, snappy-compressed Arrow-written file (the deepset
 * prompt-injection set): walks the pages, decompresses them and decodes PLAIN byte-array values of dictionary and
 * plain data pages. Node-only test helper; not a general Parquet reader.
 */

/** Reads a thrift compact-protocol struct into a map of field id → value (nested structs as maps, lists as arrays). */
function readThriftStruct(bytes: Uint8Array, start: number): { value: Map<number, unknown>; end: number } {
  let pos = start;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++] ?? 0;
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return result;
    }
  };
  const zigzag = (): number => {
    const n = varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  };
  const readValue = (type: number): unknown => {
    switch (type) {
      case 1:
        return true;
      case 2:
        return false;
      case 3:
        return bytes[pos++];
      case 4:
      case 5:
      case 6:
        return zigzag();
      case 7:
        pos += 8;
        return 0;
      case 8: {
        const length = varint();
        const out = bytes.subarray(pos, pos + length);
        pos += length;
        return out;
      }
      case 9:
      case 10: {
        const header = bytes[pos++] ?? 0;
        let size = header >> 4;
        if (size === 15) size = varint();
        const elementType = header & 0x0f;
        const list: unknown[] = [];
        for (let i = 0; i < size; i++) list.push(elementType === 1 || elementType === 2 ? (bytes[pos++] ?? 0) === 1 : readValue(elementType));
        return list;
      }
      case 12: {
        const nested = readThriftStruct(bytes, pos);
        pos = nested.end;
        return nested.value;
      }
      default:
        throw new Error(`thrift type ${type} not supported`);
    }
  };
  const value = new Map<number, unknown>();
  let field = 0;
  for (;;) {
    const header = bytes[pos++] ?? 0;
    if (header === 0) break;
    const delta = header >> 4;
    const type = header & 0x0f;
    field = delta === 0 ? zigzag() : field + delta;
    value.set(field, readValue(type));
  }
  return { value, end: pos };
}

/** Snappy raw-format decompression. */
function snappy(input: Uint8Array): Uint8Array {
  let pos = 0;
  let length = 0;
  let shift = 0;
  for (;;) {
    const b = input[pos++] ?? 0;
    length |= (b & 0x7f) << shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  const out = new Uint8Array(length);
  let o = 0;
  while (pos < input.length) {
    const tag = input[pos++] ?? 0;
    const kind = tag & 3;
    if (kind === 0) {
      let len = (tag >> 2) + 1;
      if (len > 60) {
        const extraBytes = len - 60;
        len = 0;
        for (let i = 0; i < extraBytes; i++) len |= (input[pos++] ?? 0) << (8 * i);
        len += 1;
      }
      out.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | (input[pos++] ?? 0);
    } else if (kind === 2) {
      len = (tag >> 2) + 1;
      offset = (input[pos] ?? 0) | ((input[pos + 1] ?? 0) << 8);
      pos += 2;
    } else {
      len = (tag >> 2) + 1;
      offset = ((input[pos] ?? 0) | ((input[pos + 1] ?? 0) << 8) | ((input[pos + 2] ?? 0) << 16) | ((input[pos + 3] ?? 0) << 24)) >>> 0;
      pos += 4;
    }
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset] ?? 0;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes `bytes` as PLAIN byte arrays filling it exactly, or returns null. */
function plainStrings(bytes: Uint8Array, from: number): string[] | null {
  const out: string[] = [];
  let pos = from;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) return null;
    const length = view.getUint32(pos, true);
    pos += 4;
    if (pos + length > bytes.length) return null;
    try {
      out.push(utf8.decode(bytes.subarray(pos, pos + length)));
    } catch {
      return null;
    }
    pos += length;
  }
  return out;
}

/** All string values of the dictionary pages (or plain data pages) of a small snappy Parquet file. */
export function readParquetStrings(file: Uint8Array): string[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const metadataLength = view.getUint32(file.length - 8, true);
  const metadataStart = file.length - 8 - metadataLength;
  const strings: string[] = [];
  let pos = 4;
  while (pos < metadataStart) {
    const { value: header, end } = readThriftStruct(file, pos);
    const compressedSize = header.get(3) as number;
    const page = snappy(file.subarray(end, end + compressedSize));
    const type = header.get(1) as number;
    if (type === 2) {
      const values = plainStrings(page, 0);
      if (values && values.some((v) => /\p{L}{3}/u.test(v))) strings.push(...values);
    }
    pos = end + compressedSize;
  }
  return strings;
}
