import { existsSync } from 'node:fs';
import { type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';

/**
 * Font files tried for PNG downloads, first found first: Debian's fonts-noto-cjk (Noto Sans CJK,
 * which has Latin, Hangul, kana and Han), then DejaVu for Latin. `ENTENTE_CHART_FONTS` (paths
 * separated by `:`) replaces the list.
 */
export const FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/** The font files of {@link FONT_FILES} (or `ENTENTE_CHART_FONTS`) that exist on this machine. */
export function chartFonts(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.ENTENTE_CHART_FONTS ? env.ENTENTE_CHART_FONTS.split(':') : FONT_FILES;
  return listed.filter((f) => f && existsSync(f));
}

/**
 * Draws an SVG file (see `standaloneSvg`) as a PNG with resvg, at `scale` times its size, with the
 * given font files only, so that the picture does not depend on what else the machine has. Korean
 * and Japanese text need a CJK font: Noto Sans CJK is the family asked for, in the form of the
 * language (`ja` takes the Japanese forms of Han characters). It draws on libuv's thread pool:
 * resvg reads the font files (tens of megabytes for Noto Sans CJK) on every drawing, long enough
 * that a server drawing on its one JavaScript thread would make every other reader wait.
 *
 * @example await renderPng(standaloneSvg(chart), { lang: 'ko' })
 */
export async function renderPng(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions({ ...opts, fonts: opts.fonts ?? fontsFor(svg) }))).asPng();
}

/** Hangul, kana, Han and the full-width forms: text that only the CJK font draws. */
const CJK_TEXT = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/**
 * The fonts a drawing needs. resvg shapes each text element with the whole of its font, and Noto
 * Sans CJK's tables are large: a chart of forty labels took 1.2 s with it and 0.07 s with DejaVu
 * (measured on the opinion trend chart). A drawing without Korean, Japanese or Chinese text is drawn
 * with the Latin fonts of the list, when it has any.
 */
export function fontsFor(svg: string, fonts: string[] = chartFonts()): string[] {
  if (CJK_TEXT.test(svg)) return fonts;
  const latin = fonts.filter((f) => !/CJK/i.test(f));
  return latin.length > 0 ? latin : fonts;
}

export interface PngOptions {
  lang?: string;
  scale?: number;
  fonts?: string[];
}

function resvgOptions(opts: PngOptions & { fonts: string[] }): ResvgRenderOptions {
  const latinOnly = !opts.fonts.some((f) => /CJK/i.test(f)) && opts.fonts.some((f) => /DejaVu/i.test(f));
  const family = latinOnly ? 'DejaVu Sans' : opts.lang === 'ja' ? 'Noto Sans CJK JP' : 'Noto Sans CJK KR';
  return {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: '#ffffff',
    font: {
      fontFiles: opts.fonts,
      loadSystemFonts: false,
      defaultFontFamily: family,
      sansSerifFamily: family,
    },
  };
}
