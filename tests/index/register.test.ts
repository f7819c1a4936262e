import { describe, expect, it } from 'vitest';
import { chunkDocument, loadCorpus, type Passage } from '../../src/corpus/index.ts';
import { buildRegister, type RegisterDocument } from '../../src/index/index.ts';

const passage = (i: number, text: string): Passage => ({ id: `d#${i}`, docId: 'd', section: null, position: i, text });

describe('buildRegister', () => {
  it('records kind, issuer, date and subject as the passage states them, and every mention', () => {
    const register = buildRegister([
      passage(0, 'Quán triệt Chỉ thị số 03-CT/TU, ngày 20/1/2021 của Ban Thường vụ Tỉnh ủy về lãnh đạo cuộc bầu cử và Chỉ thị số 03/CT-UBND ngày 24/1/2021 của Chủ tịch UBND tỉnh về tổ chức cuộc bầu cử.'),
      passage(1, 'Các cấp tiếp tục thực hiện Chỉ thị 03-CT/TU.'),
    ]);
    expect(register.map((e) => [e.key, e.kind, e.issuer, e.date, e.subject, e.statedIn, e.passages])).toEqual([
      ['3-ct/tu', 'ct', 'Ban Thường vụ Tỉnh ủy', '2021-01-20', 'lãnh đạo cuộc bầu cử', 0, [0, 1]],
      ['3/ct-ubnd', 'ct', 'Chủ tịch UBND tỉnh', '2021-01-24', 'tổ chức cuộc bầu cử', 0, [0]],
    ]);
  });

  it('joins "Chỉ thị 05 của Bộ Chính trị" to 05-CT/TW when the issuers agree, never across numbers', () => {
    const register = buildRegister([
      passage(0, 'Sơ kết Chỉ thị số 05-CT/TW của Bộ Chính trị về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.'),
      passage(1, 'Gắn với Chỉ thị 05 của Bộ Chính trị và Chỉ thị số 12 của Ban Thường vụ Tỉnh ủy nhằm thắt chặt kỷ luật.'),
    ]);
    const byKey = new Map(register.map((e) => [e.key, e]));
    expect(byKey.get('5-ct/tw')?.passages).toEqual([0, 1]);
    expect(byKey.get('5-ct/tw')?.subject).toBe('Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');
    expect(byKey.has('ct 5')).toBe(false);
    expect(byKey.get('ct 12')).toMatchObject({ display: 'Chỉ thị 12', issuer: 'Ban Thường vụ Tỉnh ủy', subject: 'thắt chặt kỷ luật' });
  });

  it('keeps a number-only mention apart when two identifiers share its number', () => {
    const register = buildRegister([passage(0, 'Chỉ thị số 03-CT/TU và Chỉ thị số 03/CT-UBND.'), passage(1, 'Thực hiện Chỉ thị 03 của tỉnh.')]);
    expect(register.map((e) => e.key).sort()).toEqual(['3-ct/tu', '3/ct-ubnd', 'ct 3']);
  });

  it('never takes "luật … quy định 105 ngày" (a verb and a count of days) for a document', () => {
    const register = buildRegister([passage(0, 'Theo Luật năm 2015, phải công bố chậm nhất 115 ngày trước ngày bầu cử; luật trước năm 2015 quy định 105 ngày.')]);
    expect(register).toEqual([]);
  });

  it("takes a document's own number, issuer and date from its front matter, even when its text never repeats the number", () => {
    const doc: RegisterDocument = { id: 'directive/ct-07', title: 'Chỉ thị 07-CT/TU về lãnh đạo cuộc bầu cử', kind: 'directive', issuer: 'Ban Thường vụ Tỉnh ủy Bến Tre', place: 'Bến Tre', date: '2025-05-17' };
    const passages = [
      { ...passage(0, 'Tin khác nhắc Chỉ thị số 07-CT/TU ngày 1/1/2020 của Tỉnh ủy.'), docId: 'news/x' },
      { ...passage(0, 'Ban Thường vụ yêu cầu các cấp ủy lãnh đạo chặt chẽ cuộc bầu cử.'), docId: 'directive/ct-07' },
      { ...passage(1, 'Các cấp ủy tuyên truyền để cử tri hiểu rõ quyền của mình.'), docId: 'directive/ct-07' },
    ];
    const [entry] = buildRegister(passages, [doc]);
    expect(entry).toMatchObject({ key: '7-ct/tu', issuer: 'Ban Thường vụ Tỉnh ủy Bến Tre', date: '2025-05-17', subject: 'lãnh đạo cuộc bầu cử', place: 'Bến Tre', document: 'directive/ct-07', statedIn: 1, passages: [0, 1, 2] });
    expect(buildRegister(passages.slice(1), [{ ...doc, title: 'Về lãnh đạo cuộc bầu cử', number: '07-CT/TU' }])[0]).toMatchObject({ key: '7-ct/tu', document: 'directive/ct-07' });
  });

  it("keeps two provinces' documents with the same local number apart, and national numbers whole", () => {
    const docs: RegisterDocument[] = [
      { id: 'news/ls', title: 'Tin Lạng Sơn', kind: 'news', place: 'Lạng Sơn' },
      { id: 'directive/bt-03', title: 'Chỉ thị 03-CT/TU về công tác bầu cử', kind: 'directive', issuer: 'Ban Thường vụ Tỉnh ủy Bến Tre', place: 'Bến Tre', date: '2025-06-01' },
      { id: 'news/bt', title: 'Tin Bến Tre', kind: 'news', place: 'Bến Tre' },
    ];
    const passages = [
      { ...passage(0, 'Quán triệt Chỉ thị số 03-CT/TU, ngày 20/1/2021 của Ban Thường vụ Tỉnh ủy và Chỉ thị số 05-CT/TW của Bộ Chính trị.'), docId: 'news/ls' },
      { ...passage(0, 'Các cấp ủy lãnh đạo cuộc bầu cử.'), docId: 'directive/bt-03' },
      { ...passage(0, 'Thực hiện Chỉ thị 03-CT/TU và Chỉ thị số 05-CT/TW.'), docId: 'news/bt' },
    ];
    const register = buildRegister(passages, docs);
    const local = register.filter((e) => e.key === '3-ct/tu');
    expect(local.map((e) => [e.place, e.date, e.passages])).toEqual([
      ['Lạng Sơn', '2021-01-20', [0]],
      ['Bến Tre', '2025-06-01', [1, 2]],
    ]);
    expect(register.filter((e) => e.key === '5-ct/tw').map((e) => e.passages)).toEqual([[0, 2]]);
  });

  it('does not let a news title that names a directive claim to be it', () => {
    const doc: RegisterDocument = { id: 'news/a', title: 'Quán triệt Chỉ thị 05-CT/TW của Bộ Chính trị', kind: 'news' };
    expect(buildRegister([{ ...passage(0, 'Hội nghị diễn ra sáng nay.'), docId: 'news/a' }], [doc])).toEqual([]);
  });

  it('holds exactly the real document identifiers of the shipped corpus, the law documents as themselves', async () => {
    const corpus = await loadCorpus('corpus');
    const register = buildRegister(corpus.documents.flatMap((d) => chunkDocument(d)), corpus.documents);
    expect(register.map((e) => e.display)).toEqual([
      '01-CT/TU',
      '03-CT/TU',
      '03/CT-UBND',
      '05-CT/TW',
      '45-CT/TW',
      'Chỉ thị 12',
      '153-KH/TU',
      '12/2003/QH11',
      '31/2001/QH10',
      '63/2010/QH12',
      '83/2025/QH15',
      '85/2015/QH13',
      '02-NQ/TU',
      '105/2015/QH13',
      '119/2020/QH14',
      '131/2020/QH14',
      '133/2020/QH14',
      '151/NQ-HĐBCQG',
      '199/2025/QH15',
      '203/2025/QH15',
      '1186/2021/UBTVQH14',
      '1187/NQ-UBTVQH14',
      'Nghị quyết Trung ương 4 (khóa XII)',
      '21/2025/TT-BNV',
    ]);
    expect(register.filter((e) => e.document).map((e) => e.document)).toEqual(['law/luat-85-2015-qh13', 'law/nghi-quyet-1186-2021-ubtvqh14', 'law/nghi-quyet-1187-nq-ubtvqh14']);
  });
});
