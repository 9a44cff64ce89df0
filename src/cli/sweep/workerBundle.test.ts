import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBundle, type BundleSource } from './workerBundle.ts';

/** Evaluates a CommonJS bundle and returns what it exports. */
function exportsOf(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(code, { module, exports: module.exports });
  return module.exports;
}

describe('the cached worker bundle', () => {
  let root: string;
  let source: BundleSource;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sweep-bundle-'));
    await mkdir(join(root, 'src'));
    await writeFile(join(root, 'src/entry.ts'), "export { answer } from './dep.ts';\n");
    await writeFile(join(root, 'src/dep.ts'), 'export const answer: number = 41;\n');
    source = { root, entry: 'src/entry.ts', cacheDir: join(root, 'cache'), name: 'probe' };
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('bundles once, then reads the same script from the cache', async () => {
    const first = await cachedBundle(source);
    expect(first.source).toBe('bundled');
    expect(exportsOf(first.code).answer).toBe(41);
    expect(first.code).toContain('//# sourceURL=probe.js');
    const second = await cachedBundle(source);
    expect(second.source).toBe('cache');
    expect(second.code).toBe(first.code);
  });

  it('bundles again when any input changes, and keeps only the newest bundle', async () => {
    await cachedBundle(source);
    await writeFile(join(root, 'src/dep.ts'), 'export const answer: number = 42;\n');
    const changed = await cachedBundle(source);
    expect(changed.source).toBe('bundled');
    expect(exportsOf(changed.code).answer).toBe(42);
    expect((await cachedBundle(source)).source).toBe('cache');
    const files = (await readdir(join(root, 'cache'))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^probe-[0-9a-f]{16}\.cjs$/);
    expect(files[1]).toBe('probe.json');
  });

  it('treats a corrupt manifest or a deleted input as a miss', async () => {
    await cachedBundle(source);
    await writeFile(join(root, 'cache/probe.json'), '{ not json');
    expect((await cachedBundle(source)).source).toBe('bundled');
    // The entry no longer imports dep.ts, which is then deleted: the manifest names a lost file.
    await writeFile(join(root, 'src/entry.ts'), 'export const answer = 7;\n');
    await rm(join(root, 'src/dep.ts'));
    const rebuilt = await cachedBundle(source);
    expect(rebuilt.source).toBe('bundled');
    expect(exportsOf(rebuilt.code).answer).toBe(7);
  });

  it('still bundles, in memory, where the cache cannot be written', async () => {
    // A cache directory under a file: mkdir fails whoever runs the test (root included).
    const blocked = { ...source, cacheDir: join(root, 'src/dep.ts/cache') };
    const first = await cachedBundle(blocked);
    const second = await cachedBundle(blocked);
    expect([first.source, second.source]).toEqual(['bundled', 'bundled']);
    expect(exportsOf(first.code).answer).toBe(41);
    expect(second.code).toBe(first.code);
  });
});
