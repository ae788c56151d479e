import { InvalidConfigError } from '@llm-shield/core';

/** One field of a protobuf message: its number, wire type and raw value. */
export interface ProtobufField {
  field: number;
  wireType: number;
  /** Varint value (wire type 0), as a signed 64-bit number (exact up to 2^53). */
  varint?: number;
  /** Bytes of a length-delimited (2), 32-bit (5) or 64-bit (1) field. */
  bytes?: Uint8Array;
}

/**
 * A minimal protobuf wire-format reader: enough to walk a message's fields (varint, 64-bit, length-delimited,
 * 32-bit). Raises {@link InvalidConfigError} on malformed input.
 */
export function* readProtobufFields(bytes: Uint8Array): Generator<ProtobufField> {
  let pos = 0;
  const readVarint = (): number => {
    let result = 0;
    let multiplier = 1;
    let big: bigint | null = null;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw new InvalidConfigError('Truncated protobuf varint.');
      const byte = bytes[pos++] ?? 0;
      if (big === null && i < 7) {
        result += (byte & 0x7f) * multiplier;
        multiplier *= 128;
      } else {
        big ??= BigInt(result);
        big |= BigInt(byte & 0x7f) << BigInt(7 * i);
      }
      if ((byte & 0x80) === 0) return big === null ? result : Number(BigInt.asIntN(64, big));
    }
    throw new InvalidConfigError('Malformed protobuf varint.');
  };
  const take = (length: number): Uint8Array => {
    if (length < 0 || pos + length > bytes.length) throw new InvalidConfigError('Truncated protobuf field.');
    const out = bytes.subarray(pos, pos + length);
    pos += length;
    return out;
  };
  while (pos < bytes.length) {
    const key = readVarint();
    const field = Math.floor(key / 8);
    const wireType = key & 7;
    switch (wireType) {
      case 0:
        yield { field, wireType, varint: readVarint() };
        break;
      case 1:
        yield { field, wireType, bytes: take(8) };
        break;
      case 2:
        yield { field, wireType, bytes: take(readVarint()) };
        break;
      case 5:
        yield { field, wireType, bytes: take(4) };
        break;
      default:
        throw new InvalidConfigError(`Unsupported protobuf wire type ${wireType}.`);
    }
  }
}

/** Reads a little-endian float32 field value. */
export function readFloat32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true);
}
