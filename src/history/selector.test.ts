import { describe, expect, it } from 'vitest';
import { seriesKey } from './labels.js';
import { parseSelector, SelectorError } from './selector.js';

const S = (name: string, labels: Record<string, string> = {}) => ({ name, labels });

describe('parseSelector', () => {
  it.each([
    ['up', S('up'), true],
    ['up', S('down'), false],
    ['up{job="a"}', S('up', { job: 'a' }), true],
    ['up{job="a"}', S('up', { job: 'b' }), false],
    ['{job="a"}', S('anything', { job: 'a' }), true],
    ['up{job!="a"}', S('up', { job: 'b' }), true],
    ['up{job!="a"}', S('up'), true],
    ['up{job=~"a|b"}', S('up', { job: 'b' }), true],
    ['up{job=~"a"}', S('up', { job: 'ab' }), false], // anchored at both ends
    ['up{job=~"a.*"}', S('up', { job: 'abc' }), true],
    ['up{job!~"a.*"}', S('up', { job: 'abc' }), false],
    ['up{job!~"a.*"}', S('up', { job: 'x' }), true],
    ['up{job=""}', S('up'), true], // an absent label is the empty string
    ['up{job=""}', S('up', { job: 'a' }), false],
    [' up { job = "a" , } ', S('up', { job: 'a' }), true],
    ["up{job='a'}", S('up', { job: 'a' }), true],
    ['up{v="a\\"b\\\\c\\nd"}', S('up', { v: 'a"b\\c\nd' }), true],
    ['{__name__=~"up|down"}', S('down'), true],
    ['cmon:alarms_total', S('cmon:alarms_total'), true],
  ])('%s on %j → %s', (src, series, expected) => {
    expect(parseSelector(src).test(series.name, series.labels)).toBe(expected);
  });

  it.each([
    ['', 0, /metric name or "\{"/],
    ['{}', 0, /must not match the empty string/],
    ['{job=~".*"}', 0, /must not match the empty string/],
    ['up{', 3, /label name/],
    ['up{job}', 6, /expected "=", "!=", "=~" or "!~"/],
    ['up{job="a}', 7, /unterminated string/],
    ['up{job=a}', 7, /quoted label value/],
    ['up{job="a" x="b"}', 11, /expected "," or "}"/],
    ['up{job=~"("}', 8, /invalid regular expression/],
    ['up{job="\\q"}', 8, /unknown escape/],
    ['up x', 3, /unexpected text/],
    ['9up', 0, /metric name/],
  ])('rejects %j at %i', (src, position, message) => {
    try {
      parseSelector(src);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SelectorError);
      expect((err as SelectorError).position).toBe(position);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain(`position ${position}`);
    }
  });
});

describe('seriesKey', () => {
  it('sorts labels, drops empty ones and escapes values', () => {
    expect(seriesKey('up', { b: '2', a: 'x"y\\\n', c: '' })).toBe('up{a="x\\"y\\\\\\n",b="2"}');
    expect(seriesKey('up', {})).toBe('up');
  });
});
