import './AboutLink.css';

/** Set by Vite's `define` (vite.config.ts): package.json's version and the short git commit. */
declare const __APP_VERSION__: string;

/**
 * The toolbar's way to the about page (the model's assumptions and how the original demo maps to
 * the playground), with the version this page runs, so a report can say which build it was.
 * A plain relative link: it works from a domain root, a sub-folder and offline alike.
 */
export function AboutLink() {
  return (
    <p className="about-link">
      <a href="./about.html" data-testid="about.link">
        About
      </a>
      <span className="about-link-version" data-testid="about.version" title="Version">
        v{__APP_VERSION__}
      </span>
    </p>
  );
}
