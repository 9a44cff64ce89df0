/**
 * A tiny static server for the built site under a sub-folder, the way GitHub Pages serves a
 * project site (https://owner.github.io/balancer-playground/): dist/ answers at
 * http://127.0.0.1:4174/balancer-playground/ and nothing answers at the root, so any asset the
 * build addresses from "/" shows up as a 404. node:http only, no dependency.
 *
 *   node --import tsx e2e/serveSubfolder.ts [--port 4174] [--prefix /balancer-playground/] [--root dist]
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SUBFOLDER_PORT = 4174;
export const SUBFOLDER_PREFIX = '/balancer-playground/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SubfolderOptions {
  /** The folder to serve (default "dist"). */
  readonly root?: string;
  /** Where it appears, with slashes on both ends (default "/balancer-playground/"). */
  readonly prefix?: string;
  readonly port?: number;
  readonly host?: string;
}

/** Starts serving; resolves once the port is listening. */
export function serveSubfolder(options: SubfolderOptions = {}): Promise<Server> {
  const root = resolve(options.root ?? 'dist');
  const prefix = options.prefix ?? SUBFOLDER_PREFIX;
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // Like static hosts: the folder without its slash redirects, so relative URLs resolve inside.
    if (`${path}/` === prefix) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    const file = path.startsWith(prefix) ? fileFor(root, path.slice(prefix.length)) : null;
    if (file === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Nothing goes in the browser's HTTP cache, so what works offline is the service worker's
      // doing. (A real host should send long max-age for assets/: their names carry a hash.)
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? SUBFOLDER_PORT, options.host ?? '127.0.0.1', () => done(server));
  });
}

/** The file under `root` for a path inside the folder, or null (missing, or outside root). */
function fileFor(root: string, relativePath: string): string | null {
  let file = resolve(join(root, relativePath));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(flag('port') ?? SUBFOLDER_PORT);
  const prefix = flag('prefix') ?? SUBFOLDER_PREFIX;
  serveSubfolder({ root: flag('root') ?? 'dist', prefix, port }).then(
    () => console.log(`Serving dist/ at http://127.0.0.1:${port}${prefix}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
