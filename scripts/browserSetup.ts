/**
 * Which Chromium the end-to-end tests drive, and how one is set up on a machine without any:
 * PLAYWRIGHT_CHROMIUM, then Debian's /usr/bin/chromium, then Playwright's own download; failing
 * those, Playwright's installer (where downloads work), then Debian's package (where apt-get can
 * run, as root or through sudo without a password); failing that, one line saying what to
 * install. Everything the machine is asked goes through `BrowserHost`, so tests fake it.
 */

/** What the setup may ask of the machine. */
export interface BrowserHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** 0 for root. */
  readonly uid: number;
  exists(path: string): boolean;
  /** Where Playwright's own Chromium is (or would be, once installed). */
  playwrightChromium(): string;
  /** Whether `name` is a command on the PATH. */
  hasCommand(name: string): boolean;
  /** Runs a command with its output shown; resolves to its exit status (non-zero on timeout). */
  run(command: string, args: readonly string[], timeoutMs: number): Promise<number>;
  log(line: string): void;
}

/** Where Debian and Ubuntu put their Chromium. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** A browser to use: a path to launch, or null for Playwright's default (its own download). */
export interface FoundBrowser {
  readonly path: string | null;
  readonly source: 'PLAYWRIGHT_CHROMIUM' | 'system' | 'playwright';
}

export type BrowserOutcome =
  | { readonly ok: true; readonly browser: FoundBrowser }
  | { readonly ok: false; readonly message: string };

/** One way to set a browser up: the commands to run in order. */
export interface SetupStep {
  readonly label: string;
  readonly commands: ReadonlyArray<readonly [string, ...string[]]>;
}

/** The line printed when nothing works: what to install, in one sentence. */
export const NO_BROWSER =
  'No Chromium for the end-to-end tests: run `npx playwright install chromium` (needs downloads) ' +
  'or `sudo apt-get install chromium` (Debian), or set PLAYWRIGHT_CHROMIUM to a Chromium binary.';

/** A download or a package install may take minutes; more than this is a hang. */
const STEP_TIMEOUT_MS = 10 * 60_000;

/** The browser already on the machine, if any; an error when PLAYWRIGHT_CHROMIUM is wrong. */
export function findBrowser(
  host: Pick<BrowserHost, 'env' | 'exists' | 'playwrightChromium'>,
): BrowserOutcome | null {
  const chosen = host.env.PLAYWRIGHT_CHROMIUM;
  if (chosen) {
    if (host.exists(chosen))
      return { ok: true, browser: { path: chosen, source: 'PLAYWRIGHT_CHROMIUM' } };
    return {
      ok: false,
      message: `PLAYWRIGHT_CHROMIUM is ${chosen}, which does not exist: point it at a Chromium binary, or unset it.`,
    };
  }
  const system = SYSTEM_CHROMIUM.find((p) => host.exists(p));
  if (system) return { ok: true, browser: { path: system, source: 'system' } };
  if (host.exists(host.playwrightChromium()))
    return { ok: true, browser: { path: null, source: 'playwright' } };
  return null;
}

/** The ways this machine may set up a browser, in the order to try them. */
export async function setupSteps(host: BrowserHost): Promise<SetupStep[]> {
  const steps: SetupStep[] = [
    {
      label: 'Playwright’s Chromium (download)',
      commands: [['npx', 'playwright', 'install', 'chromium']],
    },
  ];
  if (!host.hasCommand('apt-get')) return steps;
  let sudo: string[] | null = null;
  if (host.uid === 0) sudo = [];
  else if (host.hasCommand('sudo') && (await host.run('sudo', ['-n', 'true'], 10_000)) === 0)
    sudo = ['sudo', '-n'];
  if (sudo === null) return steps;
  const apt = (...args: string[]) =>
    [...sudo!, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args] as [
      string,
      ...string[],
    ];
  steps.push({
    label: 'Debian’s chromium package',
    commands: [
      apt('update', '-qq'),
      apt('install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'),
    ],
  });
  return steps;
}

/** Finds a browser, or sets one up; otherwise says what to install. */
export async function ensureBrowser(host: BrowserHost): Promise<BrowserOutcome> {
  const found = findBrowser(host);
  if (found) return found;
  for (const step of await setupSteps(host)) {
    host.log(`No Chromium found; setting one up: ${step.label}.`);
    let ok = true;
    for (const [command, ...args] of step.commands) {
      if ((await host.run(command, args, STEP_TIMEOUT_MS)) !== 0) {
        ok = false;
        break;
      }
    }
    const after = ok ? findBrowser(host) : null;
    if (after?.ok) return after;
  }
  return { ok: false, message: NO_BROWSER };
}
