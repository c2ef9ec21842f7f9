import type { Labels } from './labels.js';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  label: string;
  op: MatchOp;
  value: string;
}

export interface Selector {
  matchers: Matcher[];
  /** Compiled once: regex matchers become fully anchored RegExps, as in Prometheus. */
  test(name: string, labels: Labels): boolean;
}

/** A bad selector; `position` is the 0-based offset where parsing gave up. */
export class SelectorError extends Error {
  override name = 'SelectorError';
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`bad selector at position ${position}: ${reason}`);
  }
}

const NAME_START = /[a-zA-Z_:]/;
const NAME_PART = /[a-zA-Z0-9_:]/;
const LABEL_START = /[a-zA-Z_]/;
const LABEL_PART = /[a-zA-Z0-9_]/;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t' };

class Cursor {
  pos = 0;
  constructor(readonly src: string) {}
  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }
  peek(): string {
    return this.src[this.pos] ?? '';
  }
  fail(reason: string, at = this.pos): never {
    throw new SelectorError(at, reason);
  }
  word(start: RegExp, part: RegExp): string {
    const from = this.pos;
    if (!start.test(this.peek())) return '';
    this.pos++;
    while (part.test(this.peek())) this.pos++;
    return this.src.slice(from, this.pos);
  }
  quoted(): string {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted label value');
    const from = this.pos++;
    let out = '';
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) this.fail('unterminated string', from);
      if (c === quote) return out;
      if (c === '\\') {
        const e = ESCAPES[this.src[this.pos] ?? ''];
        if (e === undefined) this.fail('unknown escape in string', this.pos - 1);
        out += e;
        this.pos++;
      } else out += c;
    }
  }
  op(): MatchOp {
    for (const op of ['=~', '!~', '!=', '='] as const) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return this.fail('expected "=", "!=", "=~" or "!~"');
  }
}

function compileRegex(source: string, at: number): RegExp {
  try {
    // Prometheus anchors every regex matcher at both ends.
    return new RegExp(`^(?:${source})$`, 'u');
  } catch (err) {
    throw new SelectorError(at, `invalid regular expression: ${(err as Error).message}`);
  }
}

function parseMatchers(c: Cursor, out: Matcher[], regexAt: Map<Matcher, number>): void {
  c.pos++; // '{'
  for (;;) {
    c.skipSpace();
    if (c.peek() === '}') break;
    const label = c.word(LABEL_START, LABEL_PART);
    if (!label) c.fail('expected a label name');
    c.skipSpace();
    const op = c.op();
    c.skipSpace();
    const valueAt = c.pos;
    const m: Matcher = { label, op, value: c.quoted() };
    out.push(m);
    if (op === '=~' || op === '!~') regexAt.set(m, valueAt);
    c.skipSpace();
    if (c.peek() === ',') {
      c.pos++;
      continue;
    }
    if (c.peek() !== '}') c.fail('expected "," or "}"');
  }
  c.pos++; // '}'
}

/** Parses `name{a="x",b!="y",c=~"re",d!~"re"}`; the name is optional when labels are given. */
export function parseSelector(src: string): Selector {
  const c = new Cursor(src);
  const matchers: Matcher[] = [];
  const regexAt = new Map<Matcher, number>();
  c.skipSpace();
  const name = c.word(NAME_START, NAME_PART);
  if (name) matchers.push({ label: '__name__', op: '=', value: name });
  c.skipSpace();
  if (c.peek() === '{') parseMatchers(c, matchers, regexAt);
  else if (!name) c.fail('expected a metric name or "{"');
  c.skipSpace();
  if (c.pos < src.length) c.fail('unexpected text after the selector');
  const tests = matchers.map((m) => {
    const at = regexAt.get(m);
    const re = at === undefined ? null : compileRegex(m.value, at);
    return { m, re };
  });
  // As in Prometheus: a selector that matches the empty label set would select every series.
  if (!tests.some(({ m, re }) => !matches(m, re, ''))) {
    c.fail('at least one matcher must not match the empty string', 0);
  }
  return {
    matchers,
    test(seriesName: string, labels: Labels): boolean {
      for (const { m, re } of tests) {
        const v = m.label === '__name__' ? seriesName : (labels[m.label] ?? '');
        if (!matches(m, re, v)) return false;
      }
      return true;
    },
  };
}

function matches(m: Matcher, re: RegExp | null, v: string): boolean {
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return re?.test(v) ?? false;
    case '!~':
      return !(re?.test(v) ?? false);
  }
}
