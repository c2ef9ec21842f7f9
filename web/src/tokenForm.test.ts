import { describe, expect, it } from 'vitest';
import { kioskLink, kioskTokenName, parseGrids, toggleScope, toTokenRequest } from './tokenForm.js';

describe('parseGrids', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['eu', ['eu']],
    ['eu, us  ingest:apac,eu', ['eu', 'us', 'apac']],
    ['ingest:', []],
  ])('%j', (text, want) => {
    expect(parseGrids(text)).toEqual(want);
  });
});

describe('toTokenRequest', () => {
  it('orders scopes and appends ingest grids', () => {
    expect(toTokenRequest({ name: ' ci ', scopes: ['import', 'read'], grids: 'eu, us' })).toEqual({
      ok: true,
      body: { name: 'ci', scopes: ['read', 'import', 'ingest:eu', 'ingest:us'] },
    });
  });
  it('ingest only is fine', () => {
    expect(toTokenRequest({ name: 'collector', scopes: [], grids: 'eu' })).toEqual({
      ok: true,
      body: { name: 'collector', scopes: ['ingest:eu'] },
    });
  });
  it('drops unknown checkbox values', () => {
    expect(toTokenRequest({ name: 'x', scopes: ['read', 'root'], grids: '' })).toEqual({
      ok: true,
      body: { name: 'x', scopes: ['read'] },
    });
  });
  it.each([
    [{ name: '', scopes: ['read'], grids: '' }, /name/],
    [{ name: 'x', scopes: [], grids: ' , ' }, /scope/],
  ])('refuses %j', (v, msg) => {
    const r = toTokenRequest(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('toggleScope', () => {
  it('adds once and removes', () => {
    expect(toggleScope(['read'], 'admin', true)).toEqual(['read', 'admin']);
    expect(toggleScope(['read', 'admin'], 'admin', true)).toEqual(['read', 'admin']);
    expect(toggleScope(['read', 'admin'], 'read', false)).toEqual(['admin']);
  });
});

describe('kiosk', () => {
  it('names the token after the screen', () => {
    expect(kioskTokenName(' NOC wall ')).toBe('Kiosk: NOC wall');
    expect(kioskTokenName('')).toBe('Kiosk: TV');
  });
  it('builds the one-time link with the secret encoded', () => {
    expect(kioskLink('https://cmon.example/', 'cmon_a+b/c')).toBe(
      'https://cmon.example/kiosk?token=cmon_a%2Bb%2Fc',
    );
    expect(kioskLink('http://10.0.0.5:8080', 'cmon_x')).toBe('http://10.0.0.5:8080/kiosk?token=cmon_x');
  });
});
