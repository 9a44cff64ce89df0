import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';

/**
 * The script every sweep worker thread runs: runWorker.ts and the engine bundled by esbuild into
 * one CommonJS file, cached on disk and keyed by the content of every file that went into it.
 *
 * Threads do not inherit the parent's TypeScript loader, and loading the engine's ~100 modules one
 * by one through tsx's hooks took 1 to 1.5 s per thread on this project's machine; bundling takes
 * 0.2 to 0.5 s, and the cache makes it once per change of the sources instead of once per command.
 * The cache lives where build tools keep theirs (`node_modules/.cache/<tool>`, as babel-loader and
 * ESLint do): a manifest names each input with the SHA-256 of its content, and a hit is only
 * declared when every input still hashes the same, so an edited engine file, a pulled branch or a
 * new esbuild is picked up on the next run. Checking costs reading ~100 small files (a few ms).
 * Anything wrong with the cache (missing, corrupt, unwritable) falls back to bundling in memory.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where to bundle from and where to keep the result. */
export interface BundleSource {
  /** The project root: esbuild's working directory, and what input paths are relative to. */
  readonly root: string;
  /** The entry point, relative to `root`. */
  readonly entry: string;
  readonly cacheDir: string;
  /** The cache's file names start with this. */
  readonly name: string;
}

const SWEEP_WORKER: BundleSource = {
  root: ROOT,
  entry: 'src/cli/sweep/runWorker.ts',
  cacheDir: join(ROOT, 'node_modules/.cache/balancer-playground'),
  name: 'sweep-run-worker',
};

const optionsFor = (source: BundleSource) =>
  ({
    entryPoints: [source.entry],
    absWorkingDir: source.root,
    bundle: true,
    write: false,
    metafile: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  }) satisfies BuildOptions;

/** What the cache remembers of one bundle. */
interface Manifest {
  /** Hash of esbuild's version and options: a different esbuild or build is a miss. */
  readonly build: string;
  /** Every input (relative to the project root) and the SHA-256 of its content. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The bundle's file name in the cache directory (named by the hash of all the above). */
  readonly script: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const buildKey = (source: BundleSource) =>
  sha256(JSON.stringify({ esbuild: esbuildVersion, options: optionsFor(source) }));
const manifestPath = (source: BundleSource) => join(source.cacheDir, `${source.name}.json`);

/**
 * Source maps are not applied to code a worker evaluates, so none is generated; stack traces name
 * the engine's functions (esbuild keeps names) at lines of "sweep-run-worker.js".
 */
const withSourceUrl = (code: string, name: string) => `${code}\n//# sourceURL=${name}.js\n`;

/** Where the script came from and how long getting it took, for benchmarks and curious users. */
export interface WorkerScript {
  readonly code: string;
  readonly source: 'cache' | 'bundled';
  readonly ms: number;
}

async function fromCache(source: BundleSource): Promise<string | null> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath(source), 'utf8')) as Manifest;
    if (manifest.build !== buildKey(source)) return null;
    const checks = await Promise.all(
      Object.entries(manifest.inputs).map(
        async ([path, hash]) => sha256(await readFile(resolve(source.root, path))) === hash,
      ),
    );
    if (checks.includes(false)) return null;
    return await readFile(join(source.cacheDir, manifest.script), 'utf8');
  } catch {
    return null; // no cache yet, an input deleted or renamed, a manifest from elsewhere
  }
}

async function bundleAndStore(source: BundleSource): Promise<string> {
  const result = await build(optionsFor(source));
  const code = withSourceUrl(result.outputFiles[0]!.text, source.name);
  const inputs: Record<string, string> = {};
  // The inputs as esbuild read them; hashing them after the build could only make a later check
  // miss (a file edited meanwhile), never hit wrongly.
  for (const path of Object.keys(result.metafile.inputs).sort()) {
    inputs[path] = sha256(await readFile(resolve(source.root, path)));
  }
  const build_ = buildKey(source);
  const script = `${source.name}-${sha256(build_ + JSON.stringify(inputs)).slice(0, 16)}.cjs`;
  try {
    await mkdir(source.cacheDir, { recursive: true });
    const manifest = manifestPath(source);
    const previous = await readFile(manifest, 'utf8')
      .then((text) => (JSON.parse(text) as Manifest).script)
      .catch(() => null);
    // Write, then rename into place: two sweeps starting together never read half a file.
    const place = async (path: string, text: string) => {
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, path);
    };
    await place(join(source.cacheDir, script), code);
    await place(manifest, JSON.stringify({ build: build_, inputs, script } satisfies Manifest));
    if (previous !== null && previous !== script && /^[\w-]+\.cjs$/.test(previous)) {
      await rm(join(source.cacheDir, previous), { force: true });
    }
  } catch {
    // A read-only install: every command bundles in memory, as it did before the cache.
  }
  return code;
}

/** `source` bundled into one script: from the cache when its inputs are unchanged. */
export async function cachedBundle(source: BundleSource): Promise<WorkerScript> {
  const start = performance.now();
  const cached = await fromCache(source);
  const code = cached ?? (await bundleAndStore(source));
  return { code, source: cached === null ? 'bundled' : 'cache', ms: performance.now() - start };
}

let pending: Promise<WorkerScript> | null = null;

/** The sweep worker threads' script (runWorker.ts and the engine). Read once per process. */
export function workerScript(): Promise<WorkerScript> {
  pending ??= cachedBundle(SWEEP_WORKER);
  return pending;
}
