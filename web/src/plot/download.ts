/** Hands a blob to the browser as a file download. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every OS: the first selector's metric name and the window. */
export function exportName(matches: readonly string[], from: number, to: number, ext: string): string {
  const name = (/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(matches[0] ?? '')?.[0] ?? 'series').slice(0, 60);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[:]/g, '');
  return `cmon-${name}-${iso(from)}-${iso(to)}.${ext}`;
}
