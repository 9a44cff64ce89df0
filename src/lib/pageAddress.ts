/** What the page's address asks for, read once at startup (main.tsx). */
export interface PageAddress {
  /** False with `?motion=0`: animation off (tests use it). */
  readonly motion: boolean;
  /** A share link (`#s=…`) in the hash, and `?preset=` (or null): what the page opens with. */
  readonly startup: { readonly hash: string; readonly preset: string | null };
}

/** Reads the page's address, parsing its query string once. */
export function readPageAddress(location: {
  readonly hash: string;
  readonly search: string;
}): PageAddress {
  const params = new URLSearchParams(location.search);
  return {
    motion: params.get('motion') !== '0',
    startup: { hash: location.hash, preset: params.get('preset') },
  };
}
