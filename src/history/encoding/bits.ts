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
  readonly #bits: number;

  constructor(
    readonly buf: Uint8Array,
    startByte = 0,
  ) {
    this.#pos = startByte * 8;
    this.#bits = buf.length * 8;
  }

  /** The first byte after what has been read (a partly read byte counts as read). */
  get nextByte(): number {
    return (this.#pos + 7) >>> 3;
  }

  /**
   * The 32 bits from `pos` on, most significant first, as an int32 (zeros past the end): every
   * read takes its bits from one such window instead of walking them byte by byte.
   */
  #window(pos: number): number {
    const b = this.buf;
    const i = pos >>> 3;
    const sh = pos & 7;
    // Past the end a typed array gives undefined, which a shift turns into 0.
    const w =
      ((b[i] as number) << 24) |
      ((b[i + 1] as number) << 16) |
      ((b[i + 2] as number) << 8) |
      (b[i + 3] as number);
    return sh === 0 ? w : (w << sh) | ((b[i + 4] as number) >>> (8 - sh));
  }

  /** Reads `n` bits (n ≤ 32) as an unsigned integer. */
  read(n: number): number {
    const pos = this.#pos;
    if (pos + n > this.#bits) throw new Error('chunk is truncated');
    if (n === 0) return 0;
    this.#pos = pos + n;
    return this.#window(pos) >>> (32 - n);
  }

  readBit(): number {
    const pos = this.#pos;
    if (pos >= this.#bits) throw new Error('chunk is truncated');
    this.#pos = pos + 1;
    return ((this.buf[pos >>> 3] as number) >>> (7 - (pos & 7))) & 1;
  }

  /** Counts 1 bits up to the first 0 (consumed) or up to `max` ones: the prefix of a size class. */
  ones(max: number): number {
    const pos = this.#pos;
    const lead = Math.clz32(~this.#window(pos));
    const n = lead < max ? lead : max;
    const used = n < max ? n + 1 : n;
    if (pos + used > this.#bits) throw new Error('chunk is truncated');
    this.#pos = pos + used;
    return n;
  }

  readBig(n: number): number {
    if (n > 32) return this.read(n - 32) * TWO_32 + this.read(32);
    return this.read(n);
  }
}

export const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
/** Small values (nearly all) in int32 arithmetic, the rest in doubles. */
export const unzigzag = (z: number): number =>
  z < 2147483648 ? (z >>> 1) ^ -(z & 1) : z % 2 === 0 ? z / 2 : -(z + 1) / 2;
