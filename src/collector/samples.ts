/** Test fixtures: the reference sample outputs, read from ../shared/reference/samples next to the repo. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';

export const SAMPLES_DIR = path.resolve(packageRoot(), '../shared/reference/samples');

export function sample(name: string): string {
  return readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
}

export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR).sort();
}
