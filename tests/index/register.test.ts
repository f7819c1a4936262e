import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/index.ts';
import { buildRegister } from '../../src/index/index.ts';

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
});
