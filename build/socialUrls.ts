/**
 * Link previews (Open Graph, Twitter cards) want absolute URLs, but the site does not know where
 * it will be served. index.html keeps relative ones, which work for browsers on any path; when the
 * build is told the public address (SITE_URL, e.g. "https://me.github.io/balancer-playground/",
 * which the Pages workflow passes), this plugin makes the preview tags absolute.
 */
import type { Plugin } from 'vite';

const PREVIEW_TAG =
  /(<meta\s+(?:property|name)="(?:og:url|og:image|twitter:image)"\s+content=")([^"]*)"/g;

/** Resolves the preview tags' relative URLs against `siteUrl`; does nothing without one. */
export function socialUrls(siteUrl: string | undefined): Plugin {
  const base = siteUrl ? new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`) : null;
  return {
    name: 'social-preview-urls',
    apply: 'build',
    transformIndexHtml: (html) =>
      base === null
        ? html
        : html.replace(PREVIEW_TAG, (_tag, start: string, url: string) => {
            return `${start}${new URL(url, base).href}"`;
          }),
  };
}
