import { spawn } from 'node:child_process';

/** Serves the built site with `vite preview` on 127.0.0.1:`port`; resolves once it answers. */
export async function startPreview(port: number): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  const stop = () => server.kill();
  try {
    await waitForServer(url);
  } catch (e) {
    stop();
    throw e;
  }
  return { url, stop };
}

/** Polls `address` until it answers 200, for up to 10 s. */
async function waitForServer(address: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview server did not start at ${address}`);
}
