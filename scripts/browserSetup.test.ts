import { describe, expect, it } from 'vitest';
import { ensureBrowser, NO_BROWSER, type BrowserHost } from './browserSetup.ts';

const PLAYWRIGHT = '/home/u/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

interface Machine {
  env?: Record<string, string>;
  uid?: number;
  files?: string[];
  commands?: string[];
  /** What each command line does: its exit status, and files it creates. */
  effects?: Record<string, { status: number; creates?: string }>;
}

/** A machine that exists only in the test; `ran` lists every command line it was asked to run. */
function machine(m: Machine) {
  const files = new Set(m.files ?? []);
  const ran: string[] = [];
  const lines: string[] = [];
  const host: BrowserHost = {
    env: m.env ?? {},
    uid: m.uid ?? 1000,
    exists: (p) => files.has(p),
    playwrightChromium: () => PLAYWRIGHT,
    hasCommand: (name) => (m.commands ?? []).includes(name),
    run: async (command, args) => {
      const line = [command, ...args].join(' ');
      ran.push(line);
      const effect = m.effects?.[line] ?? { status: 1 };
      if (effect.status === 0 && effect.creates) files.add(effect.creates);
      return effect.status;
    },
    log: (line) => void lines.push(line),
  };
  return { host, ran, lines };
}

const PW_INSTALL = 'npx playwright install chromium';
const APT_UPDATE = 'env DEBIAN_FRONTEND=noninteractive apt-get update -qq';
const APT_INSTALL =
  'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core';

describe('finding a Chromium for the end-to-end tests', () => {
  it('takes PLAYWRIGHT_CHROMIUM first, and runs nothing', async () => {
    const m = machine({
      env: { PLAYWRIGHT_CHROMIUM: '/opt/c/chrome' },
      files: ['/opt/c/chrome', '/usr/bin/chromium'],
    });
    expect(await ensureBrowser(m.host)).toEqual({
      ok: true,
      browser: { path: '/opt/c/chrome', source: 'PLAYWRIGHT_CHROMIUM' },
    });
    expect(m.ran).toEqual([]);
  });

  it('says so when PLAYWRIGHT_CHROMIUM points at nothing, rather than using another', async () => {
    const m = machine({ env: { PLAYWRIGHT_CHROMIUM: '/opt/none' }, files: ['/usr/bin/chromium'] });
    expect(await ensureBrowser(m.host)).toEqual({
      ok: false,
      message:
        'PLAYWRIGHT_CHROMIUM is /opt/none, which does not exist: point it at a Chromium binary, or unset it.',
    });
    expect(m.ran).toEqual([]);
  });

  it('takes Debian’s Chromium, then Playwright’s own download', async () => {
    expect(await ensureBrowser(machine({ files: ['/usr/bin/chromium', PLAYWRIGHT] }).host)).toEqual(
      {
        ok: true,
        browser: { path: '/usr/bin/chromium', source: 'system' },
      },
    );
    expect(await ensureBrowser(machine({ files: [PLAYWRIGHT] }).host)).toEqual({
      ok: true,
      browser: { path: null, source: 'playwright' },
    });
  });
});

describe('setting one up where there is none', () => {
  it('uses Playwright’s installer where downloads work', async () => {
    const m = machine({
      commands: ['apt-get'],
      uid: 0,
      effects: { [PW_INSTALL]: { status: 0, creates: PLAYWRIGHT } },
    });
    expect(await ensureBrowser(m.host)).toEqual({
      ok: true,
      browser: { path: null, source: 'playwright' },
    });
    expect(m.ran).toEqual([PW_INSTALL]);
    expect(m.lines).toEqual([
      'No Chromium found; setting one up: Playwright’s Chromium (download).',
    ]);
  });

  it('installs Debian’s chromium as root when downloads are blocked', async () => {
    const m = machine({
      commands: ['apt-get'],
      uid: 0,
      effects: {
        [APT_UPDATE]: { status: 0 },
        [APT_INSTALL]: { status: 0, creates: '/usr/bin/chromium' },
      },
    });
    expect(await ensureBrowser(m.host)).toEqual({
      ok: true,
      browser: { path: '/usr/bin/chromium', source: 'system' },
    });
    expect(m.ran).toEqual([PW_INSTALL, APT_UPDATE, APT_INSTALL]);
  });

  it('goes through sudo when it needs no password', async () => {
    const m = machine({
      commands: ['apt-get', 'sudo'],
      effects: {
        'sudo -n true': { status: 0 },
        [`sudo -n ${APT_UPDATE}`]: { status: 0 },
        [`sudo -n ${APT_INSTALL}`]: { status: 0, creates: '/usr/bin/chromium' },
      },
    });
    expect((await ensureBrowser(m.host)).ok).toBe(true);
    expect(m.ran).toEqual([
      'sudo -n true',
      PW_INSTALL,
      `sudo -n ${APT_UPDATE}`,
      `sudo -n ${APT_INSTALL}`,
    ]);
  });

  it('stops with one line saying what to install when nothing can be set up', async () => {
    const noApt = machine({});
    expect(await ensureBrowser(noApt.host)).toEqual({ ok: false, message: NO_BROWSER });
    expect(noApt.ran).toEqual([PW_INSTALL]);

    const sudoWantsPassword = machine({ commands: ['apt-get', 'sudo'] });
    expect(await ensureBrowser(sudoWantsPassword.host)).toEqual({ ok: false, message: NO_BROWSER });
    expect(sudoWantsPassword.ran).toEqual(['sudo -n true', PW_INSTALL]);

    const aptFails = machine({
      commands: ['apt-get'],
      uid: 0,
      effects: { [APT_UPDATE]: { status: 0 } },
    });
    expect(await ensureBrowser(aptFails.host)).toEqual({ ok: false, message: NO_BROWSER });
    expect(aptFails.ran).toEqual([PW_INSTALL, APT_UPDATE, APT_INSTALL]);
    expect(NO_BROWSER.split('\n')).toHaveLength(1);
  });
});
