import { StringDecoder } from 'node:string_decoder';
import { type Labels, seriesProblem } from './labels.js';
import type { SeriesSamples } from './store.js';

/** A line of the body that is not Prometheus text with a timestamp; `line` is 1-based. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Lines per yielded batch: large enough to amortise, small enough to keep memory flat. */
const BATCH_LINES = 65_536;
/** Parsed series heads kept for reuse; an import of many series must not grow this forever. */
const CACHE_MAX = 100_000;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n' };
const [CR, HASH, BRACE, CLOSE, QUOTE, BACKSLASH, MINUS] = [13, 35, 123, 125, 34, 92, 45];
const isBlank = (c: number) => c === 32 || c === 9;

interface Head {
  name: string;
  labels: Labels;
}

function parseHead(text: string, line: number): Head {
  const brace = text.indexOf('{');
  const name = brace < 0 ? text : text.slice(0, brace);
  const labels: Labels = {};
  if (brace >= 0) {
    let i = brace + 1;
    const fail = (why: string): never => {
      throw new ImportError(line, `${why} at column ${i + 1}`);
    };
    for (;;) {
      while (text[i] === ' ') i++;
      if (text[i] === '}') break;
      const eq = text.indexOf('=', i);
      if (eq < 0) fail('expected a label');
      const label = text.slice(i, eq).trim();
      i = eq + 1;
      if (text[i] !== '"') fail('expected a quoted label value');
      let value = '';
      for (i++; text[i] !== '"'; i++) {
        if (i >= text.length) fail('unterminated label value');
        const c = text[i] ?? '';
        if (c !== '\\') value += c;
        else value += ESCAPES[text[++i] ?? ''] ?? fail('unknown escape');
      }
      i++;
      labels[label] = value;
      while (text[i] === ' ') i++;
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail('expected "," or "}"');
    }
    if (i !== text.length - 1) fail('unexpected text after "}"');
  }
  const problem = seriesProblem(name, labels);
  if (problem) throw new ImportError(line, problem);
  return { name, labels };
}

function parseValue(s: string, line: number): number {
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  const v = Number(s);
  if (s === '' || (Number.isNaN(v) && s !== 'NaN')) throw new ImportError(line, `invalid value "${s}"`);
  return v;
}

/** Where the series part of a line ends: after the closing brace, or at the first blank; -1 if never. */
function headEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== BRACE) i++;
  if (i === to || text.charCodeAt(i) !== BRACE) return i === to ? -1 : i;
  let quoted = false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && quoted) i++;
    else if (c === QUOTE) quoted = !quoted;
    else if (c === CLOSE && !quoted) return i + 1;
  }
  return -1;
}

function parseTimestamp(text: string, from: number, to: number, line: number): number {
  let n = 0;
  let i = from;
  const neg = text.charCodeAt(i) === MINUS;
  if (neg) i++;
  if (i === to || to - i > 16)
    throw new ImportError(line, `invalid timestamp "${text.slice(from, to)}" (integer ms expected)`);
  for (; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9)
      throw new ImportError(line, `invalid timestamp "${text.slice(from, to)}" (integer ms expected)`);
    n = n * 10 + c;
  }
  return neg ? -n : n;
}

/**
 * Streams Prometheus text exposition with a millisecond timestamp on every line
 * (`name{label="value"} 1.5 1700000000000`, as VictoriaMetrics' `/api/v1/import/prometheus`
 * takes), chunk by chunk: memory holds one batch of lines, never the body. `# HELP`, `# TYPE` and
 * other comments and blank lines are skipped. The first bad line throws an ImportError.
 */
export async function* parsePrometheusText(
  body: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<SeriesSamples[]> {
  const decoder = new StringDecoder('utf8');
  const heads = new Map<string, Head>();
  let batch = new Map<string, SeriesSamples>();
  let lines = 0;
  let rest = '';
  let lineNo = 0;

  const parseLine = (text: string, from: number, to: number): void => {
    lineNo++;
    if (to > from && text.charCodeAt(to - 1) === CR) to--;
    let i = from;
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    if (i === to || text.charCodeAt(i) === HASH) return;
    const end = headEnd(text, i, to);
    if (end <= i) throw new ImportError(lineNo, end === i ? 'expected a metric name' : 'expected a value');
    const key = text.slice(i, end);
    // value, then timestamp, separated by blanks; scanned by hand: this loop runs per sample.
    let a = end;
    while (a < to && isBlank(text.charCodeAt(a))) a++;
    let b = a;
    while (b < to && !isBlank(text.charCodeAt(b))) b++;
    let c = b;
    while (c < to && isBlank(text.charCodeAt(c))) c++;
    let d = c;
    while (d < to && !isBlank(text.charCodeAt(d))) d++;
    if (a === b || c === d) throw new ImportError(lineNo, 'expected a value and a timestamp');
    let e = d;
    while (e < to && isBlank(text.charCodeAt(e))) e++;
    if (e < to) throw new ImportError(lineNo, 'unexpected text after the timestamp');
    const value = parseValue(text.slice(a, b), lineNo);
    const ts = parseTimestamp(text, c, d, lineNo);
    let head = heads.get(key);
    if (!head) {
      if (heads.size >= CACHE_MAX) heads.clear();
      head = parseHead(key, lineNo);
      heads.set(key, head);
    }
    let s = batch.get(key);
    if (!s) {
      s = { name: head.name, labels: head.labels, t: [], v: [] };
      batch.set(key, s);
    }
    s.t.push(ts);
    s.v.push(value);
    lines++;
  };

  for await (const chunk of body) {
    const text =
      typeof chunk === 'string'
        ? chunk
        : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let nl = text.indexOf('\n');
    if (nl < 0) {
      rest += text;
      continue;
    }
    // The carried-over partial line is joined to its end alone: the chunk itself stays a flat
    // string, which charCodeAt reads several times faster than a concatenation.
    const first = rest + text.slice(0, nl);
    parseLine(first, 0, first.length);
    let start = nl + 1;
    for (nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      parseLine(text, start, nl);
      start = nl + 1;
    }
    rest = text.slice(start);
    if (lines >= BATCH_LINES) {
      yield [...batch.values()];
      batch = new Map();
      lines = 0;
    }
  }
  rest += decoder.end();
  if (rest !== '') parseLine(rest, 0, rest.length);
  if (batch.size > 0) yield [...batch.values()];
}
