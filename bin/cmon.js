#!/usr/bin/env node
// The built CLI lives in dist/ (npm ci runs the build through the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('cmon: not built yet; run `npm run build` (npm ci does it for you)');
  process.exit(3);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
