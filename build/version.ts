/**
 * The version the page shows and the service worker names its cache after: package.json's version
 * and, when the build runs in a git checkout, the short commit (CI checkouts have it; a tarball
 * build simply goes without).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface AppVersion {
  /** package.json's version, e.g. "0.1.0". */
  readonly version: string;
  /** The short commit hash, or null outside a git checkout. */
  readonly commit: string | null;
  /** What people see: "0.1.0 (ee56451)", or "0.1.0". */
  readonly label: string;
}

/** Reads the version of the project at `root` (the directory holding package.json). */
export function readAppVersion(root: string): AppVersion {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  const version = pkg.version ?? '0.0.0';
  const commit = shortCommit(root);
  return { version, commit, label: commit ? `${version} (${commit})` : version };
}

function shortCommit(root: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    }).trim();
    return /^[0-9a-f]{4,40}$/.test(out) ? out : null;
  } catch {
    // No git, or not a checkout: the version alone is still honest.
    return null;
  }
}

/**
 * Writes the version into the HTML pages where they say %APP_VERSION% (the about page). Runs
 * before Vite's own %ENV% replacement, which would warn about a name it does not know.
 */
export function versionInHtml(label: string): Plugin {
  const text = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    name: 'app-version-in-html',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replaceAll('%APP_VERSION%', text) },
  };
}
