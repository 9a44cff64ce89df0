/** Resolves once `address` answers 200, polling for up to 10 s (a preview server starting up). */
export async function waitForServer(address: string): Promise<void> {
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
