import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `entry` (a URL, e.g. `new URL('./x.ts', import.meta.url)`) and what it imports as one script
 * for a browser, its exports in the global `globalName` if given: for running engine code in a
 * page or a worker of the test browser, outside the built site (whose content security policy
 * allows neither inline scripts nor workers from blobs).
 */
export async function browserBundle(entry: URL, globalName?: string): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'iife',
    ...(globalName === undefined ? {} : { globalName }),
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return bundle.outputFiles[0]!.text;
}
