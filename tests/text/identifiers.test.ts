import { describe, expect, it } from 'vitest';
import { findDocumentRefs, romanTermsOfOffice, yearMatches } from '../../src/text/identifiers.ts';

const keys = (text: string) => findDocumentRefs(text).map((r) => r.key ?? r.shortKey);

describe('findDocumentRefs', () => {
  it('reads party, state and law numbers exactly', () => {
    expect(keys('Chỉ thị số 03-CT/TU, ngày 20/1/2021 và Chỉ thị số 03/CT-UBND ngày 24/1/2021')).toEqual(['3-ct/tu', '3/ct-ubnd']);
    expect(keys('Kế hoạch số 153-KH/TU, NQ số 02-NQ/TU, Luật số 85/2015/QH13')).toEqual(['153-kh/tu', '2-nq/tu', '85/2015/qh13']);
  });

  it('reads a number of any length, so a mistyped one is still a reference', () => {
    expect(keys('Chỉ thị 99999-CT/TW và Nghị quyết 12345/2021/UBTVQH14')).toEqual(['99999-ct/tw', '12345/2021/ubtvqh14']);
    expect(keys('chỉ thị số 123456')).toEqual(['ct 123456']);
  });

  it('reads a number with its year but no issuer ("Nghị quyết 1186/2021", "luật 85/2015") as that year\'s document', () => {
    const [ref] = findDocumentRefs('nghị quyết 1186/2021 quy định gì');
    expect(ref).toMatchObject({ key: null, shortKey: 'nq 1186', year: '2021', display: 'Nghị quyết 1186/2021' });
    expect(findDocumentRefs('luat 85/2015')[0]).toMatchObject({ shortKey: 'luat 85', year: '2015' });
    // The issuer's code makes it an exact reference, read as before.
    expect(keys('Nghị quyết 1186/2021/UBTVQH14')).toEqual(['1186/2021/ubtvqh14']);
    expect(yearMatches({ year: '2021' }, { key: '1186/2021/ubtvqh14' })).toBe(true);
    expect(yearMatches({ year: '2020' }, { key: '1186/2021/ubtvqh14', date: '2020-12-30' })).toBe(false);
    // A number without its year ("1187/NQ-UBTVQH14") is of its date's year; with neither, it is not taken for one.
    expect(yearMatches({ year: '2021' }, { key: '1187/nq-ubtvqh14', date: '2021-01-11' })).toBe(true);
    expect(yearMatches({ year: '2021' }, { key: '5-ct/tw', date: null })).toBe(false);
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

  it('keeps TƯ (Trung ương) apart from TU (Tỉnh ủy), and reads TƯ as TW', () => {
    expect(keys('Chỉ thị 03-CT/TƯ')).toEqual(['3-ct/tw']);
    expect(keys('Chỉ thị 03-CT/TU')).toEqual(['3-ct/tu']);
    expect(keys('chỉ thị 03-ct/tư và 03-CT/TW')).toEqual(['3-ct/tw', '3-ct/tw']);
    expect(findDocumentRefs('Chỉ thị 03-CT/TƯ')[0]?.display).toBe('03-CT/TƯ');
  });

  it('never takes a verb followed by a count for a document: "quy định 105 ngày", "kết luận 3 người"', () => {
    expect(findDocumentRefs('luật trước năm 2015 quy định 105 ngày')).toEqual([]);
    expect(findDocumentRefs('Hội đồng kết luận 3 người vi phạm')).toEqual([]);
    expect(keys('Nghị quyết số 105 năm 2015')).toEqual(['nq 105']);
  });

  it('in documents, reads a kind word that is also a verb as a name only when a name would follow it', () => {
    for (const text of ['Quy định 5 trường hợp phiếu không hợp lệ.', 'Kết luận 2 vấn đề lớn.', 'Quyết định 3 nội dung chính.']) {
      expect(findDocumentRefs(text, { strict: true })).toEqual([]);
    }
    expect(findDocumentRefs('Quy định 105 của Bộ Chính trị; Kết luận 21, ngày 1/2/2022.', { strict: true }).map((r) => r.shortKey)).toEqual(['qdi 105', 'kl 21']);
    expect(findDocumentRefs('quy định 5 trường hợp nào').map((r) => [r.shortKey, r.ambiguous])).toEqual([['qdi 5', true]]);
    expect(findDocumentRefs('chỉ thị 5 yêu cầu gì').map((r) => r.ambiguous)).toEqual([false]);
  });

  it('in documents, needs a number alone to read as a name (capitalised kind word or "số"); questions may be typed in lower case', () => {
    const text = 'theo quy định 105 của luật, và Chỉ thị 12, và kế hoạch số 7';
    expect(findDocumentRefs(text, { strict: true }).map((r) => r.shortKey)).toEqual(['ct 12', 'kh 7']);
    expect(findDocumentRefs(text).map((r) => r.shortKey)).toEqual(['qdi 105', 'ct 12', 'kh 7']);
  });
});

describe('romanTermsOfOffice', () => {
  it('numbers a term of office as the corpus does, and leaves other numbers alone', () => {
    expect(romanTermsOfOffice('bau cu quoc hoi khoa 15 la ngay nao')).toBe('bau cu quoc hoi khoa XV la ngay nao');
    expect(romanTermsOfOffice('Quốc hội khóa 16 có bao nhiêu đại biểu')).toBe('Quốc hội khóa XVI có bao nhiêu đại biểu');
    for (const text of ['khóa 2021', 'khoa 15/3', 'khóa 0', 'khoa 45', 'Điều 15 khoản 2']) expect(romanTermsOfOffice(text)).toBe(text);
  });
});
