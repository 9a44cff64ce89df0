/**
 * A chart (or the flow picture) as a standalone picture for slides and notes: an SVG file, or a
 * PNG at twice the screen's resolution. Charts draw with CSS classes and custom properties (the
 * theme's colours), which a file on its own does not have, so every drawn element gets the
 * colours, strokes and fonts it shows on screen written onto it; the legend above the chart and
 * a title are drawn into the picture too. Loaded on demand, when a download is asked for.
 */
import { downloadBlob } from './download.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Properties copied from the screen onto each drawn element. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;
const PAD = 12;
const TITLE_SIZE = 15;
const PNG_SCALE = 2;

export type ChartFormat = 'svg' | 'png';

/** "Outcomes over time" → "outcomes-over-time" (the picture's file name, without extension). */
export function chartFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'chart';
}

/** Writes the on-screen paint of `from` and its descendants onto the clone `to`, as attributes. */
function inlinePaint(from: Element, to: Element): void {
  const style = getComputedStyle(from);
  for (const prop of PAINT) {
    const value = style.getPropertyValue(prop);
    if (value) to.setAttribute(prop, value);
  }
  to.removeAttribute('class');
  to.removeAttribute('style');
  for (const name of to.getAttributeNames()) if (name.startsWith('data-')) to.removeAttribute(name);
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlinePaint(a[i]!, b[i]!);
}

/** A copy of `svg` with its paint inlined, placed at (x, y) in the picture. */
function placed(svg: SVGSVGElement, x: number, y: number): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlinePaint(svg, copy);
  copy.setAttribute('x', String(x));
  copy.setAttribute('y', String(y));
  copy.setAttribute('overflow', 'visible');
  copy.removeAttribute('role');
  return copy;
}

function textAt(x: number, y: number, text: string, font: CSSStyleDeclaration, fill: string) {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('fill', fill);
  t.setAttribute('font-family', font.fontFamily);
  t.setAttribute('font-size', font.fontSize);
  t.setAttribute('font-weight', font.fontWeight);
  t.textContent = text;
  return t;
}

/**
 * The picture of the chart in `container`: its drawn layers (svg[role=img], and any canvas, such
 * as the flow view's dots, as the image it holds), its legend entries where they stand on screen,
 * and `title` above them.
 */
export function chartSvg(
  container: HTMLElement,
  title: string,
): { readonly text: string; readonly width: number; readonly height: number } {
  const box = container.getBoundingClientRect();
  const panel = container.closest('.panel') ?? document.body;
  const background = getComputedStyle(panel).backgroundColor;
  const ink = getComputedStyle(panel).color;
  const titleH = TITLE_SIZE + 10;
  const width = Math.ceil(box.width) + 2 * PAD;
  const height = Math.ceil(box.height) + 2 * PAD + titleH;
  const ox = PAD - box.left;
  const oy = PAD + titleH - box.top;

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  out.append(bg);
  const heading = textAt(PAD, PAD + TITLE_SIZE, title, getComputedStyle(panel), ink);
  heading.setAttribute('font-size', `${TITLE_SIZE}px`);
  heading.setAttribute('font-weight', '600');
  out.append(heading);

  for (const li of container.querySelectorAll<HTMLElement>('.chart-legend li')) {
    const style = getComputedStyle(li);
    for (const node of li.childNodes) {
      if (node instanceof SVGSVGElement) {
        const r = node.getBoundingClientRect();
        out.append(placed(node, r.left + ox, r.top + oy));
      } else if (node.textContent?.trim()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        const own = node instanceof Element ? getComputedStyle(node) : style;
        out.append(
          textAt(r.left + ox, r.bottom + oy - r.height * 0.25, node.textContent, own, own.color),
        );
      }
    }
  }
  for (const svg of container.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
    const r = svg.getBoundingClientRect();
    out.append(placed(svg, r.left + ox, r.top + oy));
  }
  for (const canvas of container.querySelectorAll('canvas')) {
    const r = canvas.getBoundingClientRect();
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('x', String(r.left + ox));
    image.setAttribute('y', String(r.top + oy));
    image.setAttribute('width', String(r.width));
    image.setAttribute('height', String(r.height));
    image.setAttribute('href', canvas.toDataURL('image/png'));
    out.append(image);
  }
  return { text: new XMLSerializer().serializeToString(out), width, height };
}

/** Rasterises an SVG text at PNG_SCALE times its size. */
async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * PNG_SCALE);
    canvas.height = Math.ceil(height * PNG_SCALE);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw the picture');
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG produced'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the chart in `container` as `<name>.svg` or `<name>.png`. */
export async function downloadChart(
  container: HTMLElement,
  name: string,
  format: ChartFormat,
): Promise<void> {
  const svg = chartSvg(container, name);
  const file = `${chartFileName(name)}.${format}`;
  if (format === 'svg') {
    downloadBlob(file, new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }));
    return;
  }
  downloadBlob(file, await pngOf(svg.text, svg.width, svg.height));
}
