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
  return (await renderAsync(svg, resvgOptions(opts))).asPng();
}

export interface PngOptions {
  lang?: string;
  scale?: number;
  fonts?: string[];
}

function resvgOptions(opts: PngOptions): ResvgRenderOptions {
  const family = opts.lang === 'ja' ? 'Noto Sans CJK JP' : 'Noto Sans CJK KR';
  return {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: '#ffffff',
    font: {
      fontFiles: opts.fonts ?? chartFonts(),
      loadSystemFonts: false,
      defaultFontFamily: family,
      sansSerifFamily: family,
    },
  };
}
