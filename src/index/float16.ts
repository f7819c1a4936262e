// IEEE 754 half precision, for storing unit vectors in half the bytes (Node 20 has no Float16Array).
// A component of a 512-dimensional unit vector keeps about three significant digits: cosine scores
// move in the fourth decimal, and the nearest passages stay the same (tests/index/float16.test.ts).

const scratch = new Float32Array(1);
const bits = new Uint32Array(scratch.buffer);

/** The half-precision bits nearest to `value` (round to nearest, ties to even). */
export function toHalf(value: number): number {
  scratch[0] = value;
  const x = bits[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half, or zero: shift the implicit bit in and round.
    if (e < -10) return sign;
    const m = mantissa | 0x800000;
    const shift = 14 - e;
    const half = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    return sign | (rest > midpoint || (rest === midpoint && half & 1) ? half + 1 : half);
  }
  const half = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa rounds into the exponent, as it should.
  return sign | (rest > 0x1000 || (rest === 0x1000 && half & 1) ? half + 1 : half);
}

// Every half value decoded once: 65,536 entries, so decoding is a table lookup.
let table: Float32Array | null = null;
function decodeTable(): Float32Array {
  if (table) return table;
  table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >>> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    table[h] =
      exponent === 0 ? sign * mantissa * 2 ** -24 : exponent === 0x1f ? (mantissa ? Number.NaN : sign * Infinity) : sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
  }
  return table;
}

/** `values` as half-precision bits. */
export function encodeHalves(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toHalf(values[i] as number);
  return out;
}

/** Half-precision bits back to floats. */
export function decodeHalves(halves: Uint16Array, out: Float32Array = new Float32Array(halves.length)): Float32Array {
  const t = decodeTable();
  for (let i = 0; i < halves.length; i++) out[i] = t[halves[i] as number] as number;
  return out;
}

/** A vector as it reads back from half precision: what is stored is what is searched. */
export function roundToHalf(values: Float32Array): Float32Array {
  return decodeHalves(encodeHalves(values));
}

/** Dot product of the half-precision row at `offset` with `query`, decoding as it goes: no float copy of the stored vectors. */
export function dotHalves(halves: Uint16Array, offset: number, query: Float32Array): number {
  const t = decodeTable();
  let sum = 0;
  for (let i = 0; i < query.length; i++) sum += (t[halves[offset + i] as number] as number) * (query[i] as number);
  return sum;
}
