export const BASE_SCOPES = ['read', 'admin', 'import'] as const;
export type BaseScope = (typeof BASE_SCOPES)[number];

export const SCOPE_HINTS: Record<BaseScope, string> = {
  read: 'see the board, accounts and alarms',
  admin: 'change everything, like an admin user',
  import: 'import configuration',
};

const INGEST = 'ingest:';

export interface TokenFormValues {
  name: string;
  scopes: readonly string[];
  /** Free text: grid names separated by commas or spaces; each becomes `ingest:<grid>`. */
  grids: string;
}

export const EMPTY_TOKEN_FORM: TokenFormValues = { name: '', scopes: ['read'], grids: '' };

/** Pure: `a, ingest:b  a` → `['a', 'b']`. */
export function parseGrids(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const g = raw.startsWith(INGEST) ? raw.slice(INGEST.length) : raw;
    if (g !== '' && !out.includes(g)) out.push(g);
  }
  return out;
}

/** Pure: the create-token body (scopes in a stable order), or what to fix first. */
export function toTokenRequest(
  v: TokenFormValues,
): { ok: true; body: { name: string; scopes: string[] } } | { ok: false; error: string } {
  const name = v.name.trim();
  if (name === '') return { ok: false, error: 'Give the token a name, e.g. where it is used.' };
  const scopes: string[] = BASE_SCOPES.filter((s) => v.scopes.includes(s));
  for (const g of parseGrids(v.grids)) scopes.push(`${INGEST}${g}`);
  if (scopes.length === 0) return { ok: false, error: 'Choose at least one scope.' };
  return { ok: true, body: { name, scopes } };
}

/** Pure: adds or removes one scope from the checked set. */
export function toggleScope(scopes: readonly string[], scope: string, on: boolean): string[] {
  const rest = scopes.filter((s) => s !== scope);
  return on ? [...rest, scope] : rest;
}

export function kioskTokenName(label: string): string {
  const l = label.trim();
  return `Kiosk: ${l === '' ? 'TV' : l}`;
}

/** Pure: the link a TV opens once; the server trades the token for a cookie and drops it from the URL. */
export function kioskLink(origin: string, secret: string): string {
  return `${origin.replace(/\/+$/, '')}/kiosk?token=${encodeURIComponent(secret)}`;
}
