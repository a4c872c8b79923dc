import { existsSync } from 'node:fs';
import { UnavailableError } from '../core/index.ts';

/** Chromium is not installed where Entente expects it: the PDF cannot be made here. */
export class PdfUnavailable extends UnavailableError {
  constructor(message: string) {
    super(message, 'pdf_unavailable');
    this.name = 'PdfUnavailable';
  }
}

export interface PrintOptions {
  /** Debian's Chromium. @default ENTENTE_CHROMIUM or '/usr/bin/chromium' */
  executablePath?: string;
  /** The whole print, launch to last byte, must finish within this. @default 60000 */
  timeoutMs?: number;
}

export const chromiumPath = () => process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A self-contained HTML page printed to PDF by Chromium's print engine (A4, backgrounds kept).
 * The page must carry its styles and images inline: the browser is given no network.
 *
 * @example const pdf = await printPdf('<html lang="ko">…</html>')
 */
export async function printPdf(html: string, opts: PrintOptions = {}): Promise<Uint8Array> {
  const executablePath = opts.executablePath ?? chromiumPath();
  if (!existsSync(executablePath))
    throw new PdfUnavailable(
      `PDF briefs need Chromium, which is not at ${executablePath} (apt-get install chromium, or set ENTENTE_CHROMIUM).`,
    );
  const timeout = opts.timeoutMs ?? 60_000;
  // Loaded with the first print, not with the site: playwright-core is a large module graph that
  // every process start would otherwise pay for (about 0.1 s of CPU), most of them never printing.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    timeout,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      });
    })();
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The PDF took longer than ${timeout} ms.`)), timeout);
    });
    return new Uint8Array(await Promise.race([work, late]));
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}
