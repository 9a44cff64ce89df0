/** Flags read from the page's query string: `?motion=0` turns animation off (tests use it). */
export interface UrlFlags {
  readonly motion: boolean;
  readonly preset: string | null;
}

export function readUrlFlags(search: string): UrlFlags {
  const params = new URLSearchParams(search);
  return { motion: params.get('motion') !== '0', preset: params.get('preset') };
}

/**
 * What the page opens with, read from its address: a share link in the hash, or `?preset=`.
 * main.tsx starts with it before the first render, and App asks again (getting the same start).
 */
export function startupAddress(location: { readonly hash: string; readonly search: string }): {
  readonly hash: string;
  readonly preset: string | null;
} {
  return { hash: location.hash, preset: readUrlFlags(location.search).preset };
}
