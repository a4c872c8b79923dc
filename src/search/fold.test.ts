import { describe, expect, it } from 'vitest';
import { fold, tokens } from './fold.ts';

const terms = (s: string) => tokens(s).map((t) => t.term);

describe('fold', () => {
  it('matches look-alike letters of another script to the Latin word', () => {
    // U+0456 Cyrillic і and U+0435 Cyrillic е inside English words, as in the bundled seed paper.
    expect(fold('admіnistration')).toBe(fold('administration'));
    expect(fold('systеm')).toBe(fold('system'));
    expect(fold('admіnistration')).not.toBe('admіnistration'.toLowerCase());
  });

  it('folds case, width and accents', () => {
    expect(fold('ＫＯＲＥＡ')).toBe(fold('korea'));
    expect(fold('Tōkyō')).toBe(fold('tokyo'));
    expect(fold('ｶﾀｶﾅ')).toBe(fold('カタカナ'));
  });

  it('keeps kana voicing and Hangul syllables apart', () => {
    expect(fold('が')).not.toBe(fold('か'));
    expect(fold('일본')).not.toBe(fold('일분'));
    // A syllable typed as separate jamo (NFD) is the same syllable.
    expect(fold('한국'.normalize('NFD'))).toBe(fold('한국'));
  });
});

describe('tokens', () => {
  it('indexes CJK runs as overlapping bigrams, with offsets into the original text', () => {
    const t = tokens('日韓関係の改善');
    expect(t.map((x) => x.term)).toEqual(['日韓', '韓関', '関係', '係の', 'の改', '改善']);
    expect(t[2]).toMatchObject({ start: 2, end: 4, cjk: true });
    expect(terms('한일 관계를 개선')).toEqual(['한일', '관계', '계를', '개선']);
  });

  it('splits words of alphabetic scripts and keeps a lone CJK character', () => {
    expect(terms("Korea–Japan: the 2025 'reset'")).toEqual(
      [fold('korea'), fold('japan'), 'the', fold('2025'), fold('reset')].map((w) => w),
    );
    expect(terms('A 韓 B')).toEqual(['a', '韓', 'b']);
    expect(terms('AI기술')).toEqual(['ai', '기술']);
  });

  it('points a word with look-alike letters at its place in the text as the source spells it', () => {
    const text = 'the admіnistration said';
    const [, word] = tokens(text);
    expect(word!.term).toBe(fold('administration'));
    expect(text.slice(word!.start, word!.end)).toBe('admіnistration');
  });
});
