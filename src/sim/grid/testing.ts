/**
 * For tests: the fake commands run as separate processes, which cannot load TypeScript, and the
 * built dist/ may be stale or absent. This transpiles the simulator's files (no type check) into a temp dir
 * and returns the launcher prefix for `writeWrappers`/`initGrid`.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../../util/package-root.js';

const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g;

/** The entry and every file it reaches through relative imports (type-only ones included: harmless). */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      if (m[1]) todo.push(join(dirname(file), `${m[1]}.ts`));
    }
  }
  return [...seen];
}

let cached: string | undefined;

/** Compiled once per test process. */
export function compiledRoot(): string {
  if (cached) return cached;
  const root = packageRoot();
  const out = mkdtempSync(join(os.tmpdir(), 'cmon-compiled-'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify({ name: 'cmon', version: pkg.version, type: 'module' }),
  );
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  for (const file of closure(join(root, 'src', 'sim', 'grid', 'main.ts'))) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    }).outputText;
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  cached = out;
  return out;
}

export function compiledLauncher(): string[] {
  return [process.execPath, join(compiledRoot(), 'src', 'sim', 'grid', 'main.js')];
}
