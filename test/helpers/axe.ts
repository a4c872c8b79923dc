import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Accessibility problems axe rates serious or critical, as readable lines (the page needs JavaScript).
 * `skip` leaves rules out where another run already covers them: colour contrast does not change
 * with the page's language, so a page checked in English need not have its contrast measured again.
 */
export async function seriousViolations(page: Page, skip: string[] = []): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).disableRules(skip).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How much wider than the viewport the page is, in CSS pixels, and the widest elements that cause it. */
export async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      // Inside a box that scrolls on its own, an element may be wider than the page.
      .filter((el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
        }
        return true;
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { excess: root.scrollWidth - width, culprits };
  });
}
