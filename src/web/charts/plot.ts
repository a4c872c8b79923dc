import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Options of a chart rendered on the server: a fixed size, so that the output is repeatable. */
export type ServerPlotOptions = Omit<Plot.PlotOptions, 'document' | 'width' | 'height' | 'className'> & {
  width: number;
  height: number;
};

/**
 * Renders an Observable Plot chart to SVG text without a browser, with linkedom as its document.
 * The same function serves pages, print and exports, so they show the same picture.
 *
 * The page's Content-Security-Policy forbids inline styles, so the `<style>` element and any
 * `style` attribute Plot writes are removed; the stylesheet gives `.chart` the same rules. SVG links
 * (Plot's `href` channel) take the text of the `<title>` inside them as their accessible name.
 *
 * @example renderPlot({ width: 640, height: 320, marks: [Plot.lineY([1, 2, 3])] })
 */
export function renderPlot(options: ServerPlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, className: 'chart', document: document as unknown as Document });
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll('[style]'))]) el.removeAttribute('style');
  // Plot names each mark's group with aria-label, which ARIA forbids on an element without a role. A
  // group holding links (points that link to their sources) becomes a named group; the others draw
  // what the points and the page's tables already say, and are hidden from assistive technology.
  for (const g of Array.from(svg.querySelectorAll('g[aria-label]'))) {
    if (g.hasAttribute('role') || g.getAttribute('aria-hidden') === 'true') continue;
    if (g.querySelector('a')) g.setAttribute('role', 'group');
    else g.setAttribute('aria-hidden', 'true');
  }
  for (const a of Array.from(svg.querySelectorAll('a'))) {
    const title = a.querySelector('title')?.textContent;
    if (title && !a.hasAttribute('aria-label')) a.setAttribute('aria-label', title);
  }
  // linkedom escapes only the quote in attribute values. An ampersand left bare would turn "&copy="
  // in a source URL's query into "©=" when the page is parsed, and a bare "<" makes the SVG, saved
  // as a file of its own, XML that no reader accepts.
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(el.attributes)) {
      if (/[&<>]/.test(value)) el.setAttribute(name, escapeAttribute(value));
    }
  }
  return svg.outerHTML;
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
