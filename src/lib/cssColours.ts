/**
 * What CSS colours (design tokens: var(--…), light-dark() values) are in the theme shown at
 * `host`, for drawing where CSS does not reach: a canvas cannot take var(--…). Each is read
 * through a hidden probe placed in `host`, so it resolves as a colour set there would. In order.
 */
export function resolveCssColours(host: Element, css: readonly string[]): string[] {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  host.appendChild(probe);
  const out = css.map((c) => {
    probe.style.color = c;
    return getComputedStyle(probe).color;
  });
  probe.remove();
  return out;
}
