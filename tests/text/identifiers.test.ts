import { describe, expect, it } from 'vitest';
import { findDocumentRefs } from '../../src/text/identifiers.ts';

const keys = (text: string) => findDocumentRefs(text).map((r) => r.key ?? r.shortKey);

describe('findDocumentRefs', () => {
  it('reads party, state and law numbers exactly', () => {
    expect(keys('Chỉ thị số 03-CT/TU, ngày 20/1/2021 và Chỉ thị số 03/CT-UBND ngày 24/1/2021')).toEqual(['3-ct/tu', '3/ct-ubnd']);
    expect(keys('Kế hoạch số 153-KH/TU, NQ số 02-NQ/TU, Luật số 85/2015/QH13')).toEqual(['153-kh/tu', '2-nq/tu', '85/2015/qh13']);
  });

  it('accepts the spellings users type: spaces, lower case, no diacritics', () => {
    for (const q of ['chi thi 05-ct/tw', 'Chỉ thị 05 - CT / TW', '05 CT/TW yêu cầu gì']) expect(keys(q)).toEqual(['5-ct/tw']);
  });

  it('never confuses 03-CT/TU with 05-CT/TU or with 03/CT-UBND', () => {
    const [a] = findDocumentRefs('03-CT/TU');
    const [b] = findDocumentRefs('05-CT/TU');
    const [c] = findDocumentRefs('03/CT-UBND');
    expect(new Set([a?.key, b?.key, c?.key]).size).toBe(3);
  });

  it('reads references by number alone and central-committee resolutions', () => {
    const refs = findDocumentRefs('Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị 05 của Bộ Chính trị');
    expect(refs.map((r) => [r.key, r.shortKey])).toEqual([
      ['nqtw 4/xii', 'nqtw 4'],
      [null, 'ct 5'],
    ]);
  });

  it('displays the canonical form and gives offsets into the text', () => {
    const text = 'theo chi thi so 05 - ct/tw nhe';
    const [ref] = findDocumentRefs(text);
    expect(ref?.display).toBe('05-CT/TW');
    expect(text.slice(ref?.start, ref?.end)).toBe('05 - ct/tw');
  });

  it('ignores dates, terms and years', () => {
    expect(findDocumentRefs('ngày 20/1/2021, nhiệm kỳ 2021 - 2026, quý 3/2024, ảnh 2.11.20.png')).toEqual([]);
  });
});
