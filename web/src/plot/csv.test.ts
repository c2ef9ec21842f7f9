import { describe, expect, it } from 'vitest';
import { mergeAnswers, type QueryAnswer, seriesLabel } from './answer.js';
import { csvField, toCsv } from './csv.js';

const answer: QueryAnswer = {
  series: [
    {
      name: 'cmon_grid_vms',
      labels: { status: 'running', grid: 'atlas' },
      t: [1000, 2000, 3000],
      min: [1, null, 0.1],
      max: [4, null, 1e21],
      avg: [2.5, null, -0.5],
      last: [3, null, 0],
    },
    { name: 'up', labels: {}, t: [1000], min: [1], max: [1], avg: [1], last: [1] },
  ],
};

describe('seriesLabel', () => {
  it('writes name{labels} sorted and escaped', () => {
    expect(seriesLabel(answer.series[0] as never)).toBe('cmon_grid_vms{grid="atlas",status="running"}');
    expect(seriesLabel({ name: 'm', labels: { a: 'say "hi"\n' } })).toBe('m{a="say \\"hi\\"\\n"}');
    expect(seriesLabel({ name: 'up', labels: {} })).toBe('up');
  });
});

describe('toCsv', () => {
  it('has the API columns, empty fields for empty buckets, quoted series names', () => {
    expect(toCsv(answer).split('\r\n')).toEqual([
      'series,t,min,max,avg,last',
      '"cmon_grid_vms{grid=""atlas"",status=""running""}",1000,1,4,2.5,3',
      '"cmon_grid_vms{grid=""atlas"",status=""running""}",2000,,,,',
      '"cmon_grid_vms{grid=""atlas"",status=""running""}",3000,0.1,1e+21,-0.5,0',
      'up,1000,1,1,1,1',
      '',
    ]);
  });

  it('reads back to the same numbers', () => {
    const rows = toCsv(answer).trim().split('\r\n').slice(1);
    const last = rows[2]?.split(',').slice(-4).map(Number);
    expect(last).toEqual([0.1, 1e21, -0.5, 0]);
  });

  it('writes only the header for no series', () => {
    expect(toCsv({ series: [] })).toBe('series,t,min,max,avg,last\r\n');
  });

  it('quotes only what needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('mergeAnswers', () => {
  it('keeps each series once, in order', () => {
    const up = answer.series[1];
    expect(mergeAnswers([answer, { series: [up as never] }]).series).toHaveLength(2);
  });
});
