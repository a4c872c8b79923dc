import unhomoglyph from 'unhomoglyph';

/** A term of the index with where it stands in the original text (UTF-16 offsets). */
export interface Token {
  term: string;
  start: number;
  end: number;
  /** Character bigram of Chinese, Japanese or Korean text, rather than a word. */
  cjk: boolean;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
// Letters and digits of the scripts written without spaces between words (and Hangul, whose
// particles attach to the word): indexed as overlapping character pairs.
const CJK = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
// Accents of Latin, Greek and Cyrillic letters; the kana voicing marks (U+3099, U+309A) stay, since
// が and か are different letters.
const ACCENTS = /[\u0300-\u036f]/g;

const cache = new Map<string, string>();

const SEPARATOR = 0;
const WORD_CHAR = 1;
const CJK_CHAR = 2;
const classes = new Map<string, number>();
/** Whether a folded character separates words, belongs to a word, or to a CJK run (cached: hot path). */
function classOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
      ? WORD_CHAR
      : SEPARATOR;
  }
  let c = classes.get(ch);
  if (c === undefined) {
    c = !WORD.test(ch) ? SEPARATOR : CJK.test(ch) ? CJK_CHAR : WORD_CHAR;
    if (classes.size < 50_000) classes.set(ch, c);
  }
  return c;
}

/**
 * Folds one grapheme to what search compares: compatibility forms joined (NFKC: full-width ａ → a,
 * half-width ｱ → ア), accents removed, case folded, and look-alike letters of other scripts
 * replaced by their Unicode confusable prototype (Cyrillic і → i, е → e), so that a word typed on any
 * keyboard matches a word copied from the web with look-alike letters inside it.
 */
export function foldGrapheme(g: string): string {
  if (g.length === 1 && g.charCodeAt(0) < 128) return ASCII[g.charCodeAt(0)]!;
  let f = cache.get(g);
  if (f === undefined) {
    f = foldUncached(g);
    if (cache.size < 50_000) cache.set(g, f);
  }
  return f;
}

// The hot path: most indexed text is ASCII, folded once here.
const ASCII = Array.from({ length: 128 }, (_, i) => {
  return foldUncached(String.fromCharCode(i));
});

function foldUncached(g: string): string {
  const base = g.normalize('NFKC').normalize('NFD').replace(ACCENTS, '').normalize('NFC').toLowerCase();
  return unhomoglyph(base).toLowerCase().normalize('NFC');
}

/** The folded form of a whole text; for display never, for comparison only. */
export function fold(text: string): string {
  let out = '';
  if (CLUSTERING.test(text)) for (const { segment } of segmenter.segment(text)) out += foldGrapheme(segment);
  else for (const ch of text) out += foldGrapheme(ch);
  return out;
}

// Only these join code points into one grapheme in the texts we index: combining marks, joiners,
// variation selectors and conjoining Hangul jamo. Text without them is split by code point, which is
// the same split and several times faster than Intl.Segmenter.
const CLUSTERING = /\p{M}|\u200c|\u200d|[\ufe00-\ufe0f]|[\u1100-\u11ff]|[\ud7b0-\ud7ff]/u;

// Longer runs are not words (hashes, URLs squeezed together) and would only bloat the index.
const MAX_TERM = 64;

/**
 * Splits a text into index terms: words of alphabetic scripts, and overlapping character bigrams of
 * Chinese, Japanese and Korean runs (a run of one character is kept as it is), so that a two-character
 * query finds text written without spaces. Offsets point into the original text, for highlighting.
 *
 * @example tokens('日本の admіnistration').map((t) => t.term) // ['日本', '本の', 'adrninistration']
 */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let word = '';
  let wordStart = 0;
  let wordEnd = 0;
  let run: { c: string; start: number; end: number }[] = [];
  const flushWord = () => {
    if (word && word.length <= MAX_TERM) out.push({ term: word, start: wordStart, end: wordEnd, cjk: false });
    word = '';
  };
  const flushRun = () => {
    if (run.length === 1) out.push({ term: run[0]!.c, start: run[0]!.start, end: run[0]!.end, cjk: true });
    for (let i = 0; i + 1 < run.length; i++)
      out.push({ term: run[i]!.c + run[i + 1]!.c, start: run[i]!.start, end: run[i + 1]!.end, cjk: true });
    run = [];
  };
  const visit = (segment: string, index: number) => {
    const end = index + segment.length;
    for (const ch of foldGrapheme(segment)) {
      const cls = classOf(ch);
      if (cls === CJK_CHAR) {
        flushWord();
        run.push({ c: ch, start: index, end });
      } else if (cls === WORD_CHAR) {
        flushRun();
        if (!word) wordStart = index;
        word += ch;
        wordEnd = end;
      } else {
        flushWord();
        flushRun();
      }
    }
  };
  if (CLUSTERING.test(text)) for (const { segment, index } of segmenter.segment(text)) visit(segment, index);
  else {
    for (let i = 0; i < text.length; ) {
      const n = text.codePointAt(i)! > 0xffff ? 2 : 1;
      visit(n === 1 ? text[i]! : text.slice(i, i + 2), i);
      i += n;
    }
  }
  flushWord();
  flushRun();
  return out;
}
