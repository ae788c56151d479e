import { InvalidModelError } from '@llm-shield/core';

/**
 * The few pieces of the protobuf wire format that rewriting an ONNX `ModelProto` needs: reading a message's fields
 * as byte ranges (without decoding what is not rewritten) and writing varints and length-delimited fields.
 * Groups (wire types 3 and 4, unused by ONNX) are refused; every read is bounds-checked, so a truncated or garbage
 * file gives {@link InvalidModelError}, never a read past the buffer or an endless loop.
 */

/** One field of a message: its number, wire type, and where its bytes are. */
export interface WireField {
  /** Field number. */
  readonly field: number;
  /** Wire type: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit. */
  readonly wireType: 0 | 1 | 2 | 5;
  /** Offset of the field's key (the whole field is `[start, end)`). */
  readonly start: number;
  /** For wire type 2, offset of the payload after the length; otherwise offset of the value. */
  readonly valueStart: number;
  /** End of the field (exclusive). */
  readonly end: number;
  /** The varint's value for wire type 0 (exact up to 2^53), otherwise 0. */
  readonly varint: number;
}

function invalid(what: string): never {
  throw new InvalidModelError(`Not a valid ONNX model: ${what}.`);
}

/** Reads a varint at `offset` of `bytes` within `[offset, limit)`: its value (exact up to 2^53) and the next offset. */
export function readVarint(bytes: Uint8Array, offset: number, limit: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = offset; i < limit && i < offset + 10; i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
  }
  return invalid(`truncated or over-long varint at byte ${offset}`);
}

/** The fields of the message in `bytes[start, end)`, in file order. */
export function readFields(bytes: Uint8Array, start: number, end: number): WireField[] {
  const fields: WireField[] = [];
  let offset = start;
  while (offset < end) {
    const key = readVarint(bytes, offset, end);
    const field = Math.floor(key.value / 8);
    const wireType = key.value % 8;
    if (field === 0) invalid(`field number 0 at byte ${offset}`);
    let valueStart = key.next;
    let fieldEnd: number;
    let varint = 0;
    if (wireType === 0) {
      const v = readVarint(bytes, key.next, end);
      varint = v.value;
      fieldEnd = v.next;
    } else if (wireType === 1) {
      fieldEnd = key.next + 8;
    } else if (wireType === 5) {
      fieldEnd = key.next + 4;
    } else if (wireType === 2) {
      const length = readVarint(bytes, key.next, end);
      valueStart = length.next;
      fieldEnd = length.next + length.value;
    } else {
      return invalid(`unsupported wire type ${wireType} at byte ${offset}`);
    }
    if (fieldEnd > end) invalid(`field ${field} at byte ${offset} runs past its message`);
    fields.push({ field, wireType: wireType as WireField['wireType'], start: offset, valueStart, end: fieldEnd, varint });
    offset = fieldEnd;
  }
  return fields;
}

/** The bytes of a varint. */
export function encodeVarint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
  const out: number[] = [];
  let rest = value;
  while (rest >= 128) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return Uint8Array.from(out);
}

/** A varint field (wire type 0). */
export function encodeVarintField(field: number, value: number): Uint8Array[] {
  return [encodeVarint(field * 8), encodeVarint(value)];
}

/** A length-delimited field (wire type 2) around `payload` (its parts, concatenated). */
export function encodeBytesField(field: number, payload: readonly Uint8Array[]): Uint8Array[] {
  const length = payload.reduce((sum, part) => sum + part.length, 0);
  return [encodeVarint(field * 8 + 2), encodeVarint(length), ...payload];
}

/** A string field (wire type 2, UTF-8). */
export function encodeStringField(field: number, value: string): Uint8Array[] {
  return encodeBytesField(field, [new TextEncoder().encode(value)]);
}

/** Total length of `parts`. */
export function byteLength(parts: readonly Uint8Array[]): number {
  return parts.reduce((sum, part) => sum + part.length, 0);
}
