const TWO_32 = 2 ** 32;

/** An append-only bit stream, most significant bit first. */
export class BitWriter {
  #buf: Uint8Array;
  #pos = 0;

  constructor(capacityBytes = 256) {
    this.#buf = new Uint8Array(capacityBytes);
  }

  get bitLength(): number {
    return this.#pos;
  }

  /** Writes the low `n` bits of `value` (n ≤ 32). */
  write(value: number, n: number): void {
    if ((this.#pos + n + 7) >>> 3 > this.#buf.length) this.#grow(n);
    const buf = this.#buf;
    while (n > 0) {
      const used = this.#pos & 7;
      const free = 8 - used;
      const take = n < free ? n : free;
      const bits = (value >>> (n - take)) & ((1 << take) - 1);
      buf[this.#pos >>> 3] = (buf[this.#pos >>> 3] ?? 0) | (bits << (free - take));
      this.#pos += take;
      n -= take;
    }
  }

  /** Writes a non-negative integer below 2^53 in `n` bits (n ≤ 53). */
  writeBig(value: number, n: number): void {
    if (n > 32) {
      this.write(Math.floor(value / TWO_32), n - 32);
      this.write(value >>> 0, 32);
    } else this.write(value, n);
  }

  finish(): Uint8Array {
    return this.#buf.slice(0, (this.#pos + 7) >>> 3);
  }

  #grow(n: number): void {
    const next = new Uint8Array(Math.max(this.#buf.length * 2, ((this.#pos + n) >>> 3) + 16));
    next.set(this.#buf);
    this.#buf = next;
  }
}

export class BitReader {
  #pos = 0;
  constructor(
    readonly buf: Uint8Array,
    startByte = 0,
  ) {
    this.#pos = startByte * 8;
  }

  /** The first byte after what has been read (a partly read byte counts as read). */
  get nextByte(): number {
    return (this.#pos + 7) >>> 3;
  }

  /** Reads `n` bits (n ≤ 32) as an unsigned integer. */
  read(n: number): number {
    if (this.#pos + n > this.buf.length * 8) throw new Error('chunk is truncated');
    let out = 0;
    while (n > 0) {
      const used = this.#pos & 7;
      const free = 8 - used;
      const take = n < free ? n : free;
      const byte = this.buf[this.#pos >>> 3] ?? 0;
      out = out * (1 << take) + ((byte >>> (free - take)) & ((1 << take) - 1));
      this.#pos += take;
      n -= take;
    }
    return out;
  }

  readBit(): number {
    const byte = this.buf[this.#pos >>> 3];
    if (byte === undefined) throw new Error('chunk is truncated');
    const bit = (byte >>> (7 - (this.#pos & 7))) & 1;
    this.#pos++;
    return bit;
  }

  /** Counts 1 bits up to the first 0 (consumed) or up to `max` ones: the prefix of a size class. */
  ones(max: number): number {
    let n = 0;
    while (n < max && this.readBit() === 1) n++;
    return n;
  }

  readBig(n: number): number {
    if (n > 32) return this.read(n - 32) * TWO_32 + this.read(32);
    return this.read(n);
  }
}

export const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
export const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
