/** Flags read from the page's query string: `?motion=0` turns animation off (tests use it). */
export interface UrlFlags {
  readonly motion: boolean;
  readonly preset: string | null;
}

export function readUrlFlags(search: string): UrlFlags {
  const params = new URLSearchParams(search);
  return { motion: params.get('motion') !== '0', preset: params.get('preset') };
}
