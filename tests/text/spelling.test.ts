import { describe, expect, it } from 'vitest';
import { createSpeller, editDistance, isLoanword, isSyllable, splitTone, syllableKey, telexReadings, vniReadings } from '../../src/text/spelling.ts';

// Word counts as a small corpus would give them.
const vocabulary = new Map<string, number>([
  ['bầu', 500],
  ['cử', 400],
  ['phiếu', 300],
  ['được', 300],
  ['người', 200],
  ['lúc', 20],
  ['mấy', 5],
  ['giờ', 50],
  ['hòa', 5],
  ['vắng', 10],
  ['thủy', 4],
  ['tri', 90],
  ['trí', 3],
  ['mất', 40],
  ['mặt', 60],
  ['thẻ', 30],
  ['bị', 80],
  ['đi', 90],
]);
const speller = createSpeller(vocabulary);

describe('syllables', () => {
  it('reads a syllable as letters and tone wherever the mark was put', () => {
    expect(splitTone('bầu')).toEqual({ base: 'bâu', tone: 1 });
    expect(syllableKey('bâù')).toBe(syllableKey('bầu'));
    expect(syllableKey('hoà')).toBe(syllableKey('hòa'));
  });

  it('knows Vietnamese syllables from the dictionary, typed with or without marks', () => {
    expect(isSyllable('phiếu')).toBe(true);
    expect(isSyllable('lương')).toBe(true);
    expect(isSyllable('bau')).toBe(true);
    expect(isSyllable('phíu')).toBe(false);
    expect(isSyllable('cuwr')).toBe(false);
  });

  it('tells a loanword, which names a thing, from chat shorthand, from Vietnamese typed without marks and from a mistyped syllable', () => {
    for (const word of ['wifi', 'online', 'zalo', 'camera', 'facebook']) expect(isLoanword(word)).toBe(true);
    for (const word of ['tp', 'qh', 'tbc', 'kcn', 'mn', 'ad', 'tnhh', '30cm']) expect(isLoanword(word)).toBe(false);
    for (const word of ['phieu', 'nguoi', 'duowcj']) expect(isLoanword(word)).toBe(false);
    for (const word of ['phieuu', 'raach', 'muonn', 'theee']) expect(isLoanword(word)).toBe(false);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('nguoi', 'nguoi')).toBe(0);
    expect(editDistance('phiu', 'phieu')).toBe(1);
    expect(editDistance('ngoui', 'nguoi')).toBe(1);
    expect(editDistance('hatnh', 'thanh')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('leaves a word two edits from every corpus word as typed', () => {
    expect(createSpeller(new Map([['thành', 50]])).correct('hatnh')).toBe('hatnh');
  });
});

describe('Telex and VNI', () => {
  it('reads Telex with the tone letter at the end or inside the word', () => {
    expect(telexReadings('baafu')).toContain(syllableKey('bầu'));
    expect(telexReadings('cuwr')).toContain(syllableKey('cử'));
    expect(telexReadings('dduowcj')).toContain(syllableKey('được'));
    expect(telexReadings('hopwj')).toContain(syllableKey('hợp'));
    expect(telexReadings('dduocwj')).toContain(syllableKey('được'));
  });

  it('reads VNI digits as tones, hats, horns and đ', () => {
    expect(vniReadings('ba6u2')).toEqual([syllableKey('bầu')]);
    expect(vniReadings('cu73')).toEqual([syllableKey('cử')]);
    expect(vniReadings('d9uo75c')).toEqual([syllableKey('được')]);
    expect(vniReadings('2026')).toEqual([]);
  });
});

describe('createSpeller', () => {
  it('decodes questions typed in Telex or VNI into the corpus words', () => {
    expect(speller.correct('baafu cuwr luc may gio')).toBe('bầu cử luc may gio');
    expect(speller.correct('ba6u cu73 lu1c ma61y gio72')).toBe('bầu cử lúc mấy giờ');
  });

  it('restores a tone left out of a word typed with its other marks when that gives no syllable, to the corpus word with those letters', () => {
    expect(speller.correct('thẻ cử tri bị mât, đi bầu đươc không')).toBe('thẻ cử tri bị mất, đi bầu được không');
    // "câu" is a syllable: without a tone it may be meant so, even where the corpus only has "cấu".
    expect(createSpeller(new Map([['cấu', 50]])).correct('câu hỏi')).toBe('câu hỏi');
  });

  it('writes a misplaced or old-style tone mark the corpus way', () => {
    expect(speller.correct('bâù cử')).toBe('bầu cử');
    expect(speller.correct('hoà thuỷ')).toBe('hòa thủy');
  });

  it('corrects a word that is no syllable to the most frequent corpus word one edit away, keeping the typed tone', () => {
    expect(speller.correct('phíu bầu')).toBe('phiếu bầu');
    expect(speller.correct('ngừoi')).toBe('người');
  });

  it('leaves real syllables the corpus lacks, numbers, codes, acronyms and names as typed', () => {
    expect(speller.correct('giá vàng hôm nay')).toBe('giá vàng hôm nay');
    expect(speller.correct('lương đại biểu')).toBe('lương đại biểu');
    expect(speller.correct('Chỉ thị 05-CT/TW và UBND, ông Nguyễn Văn Phíu năm 2026')).toBe('Chỉ thị 05-CT/TW và UBND, ông Nguyễn Văn Phíu năm 2026');
    // One letter from a term the corpus names is another term of office, not a typo.
    expect(speller.correct('bau cu khoa xvii')).toBe('bau cu khoa xvii');
  });

  it('keeps the capital of a corrected first word', () => {
    expect(speller.correct('Phíu bầu')).toBe('Phiếu bầu');
  });
});
