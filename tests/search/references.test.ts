import { describe, expect, it } from 'vitest';
import type { RegisterEntry } from '../../src/index/index.ts';
import { issuerMatches, namedIssuer, resolveReferences } from '../../src/search/references.ts';
import { findDocumentRefs } from '../../src/text/identifiers.ts';

const entry = (fields: Partial<RegisterEntry>): RegisterEntry => ({
  key: '3-ct/tu',
  shortKey: 'ct 3',
  display: '03-CT/TU',
  kind: 'ct',
  issuer: null,
  date: null,
  subject: null,
  place: null,
  statedIn: null,
  document: null,
  passages: [0],
  ...fields,
});

const named = (question: string) => {
  const [ref] = findDocumentRefs(question);
  return ref ? namedIssuer(question, ref) : null;
};

describe('namedIssuer', () => {
  it('reads the issuer after "của" or "do", with or without diacritics, up to where the question goes on', () => {
    expect(named('Chỉ thị 03-CT/TU của Tỉnh ủy Bến Tre yêu cầu gì?')).toEqual({ text: 'Tỉnh ủy Bến Tre', organs: ['tu'], places: ['Bến Tre'] });
    expect(named('chi thi 12 cua tinh uy lang son noi gi')).toEqual({ text: 'tinh uy lang son', organs: ['tu'], places: ['Lạng Sơn'] });
    expect(named('Chỉ thị 05 do Bộ Chính trị ban hành')?.organs).toEqual(['tw']);
  });

  it('finds none when the question names no issuer, or only words that name no body', () => {
    expect(named('Chỉ thị 03-CT/TU ban hành ngày nào?')).toBeNull();
    expect(named('Chỉ thị 03-CT/TU của ai?')).toBeNull();
  });
});

describe('issuerMatches', () => {
  const langSon = entry({ issuer: 'Ban Thường vụ Tỉnh ủy', place: 'Lạng Sơn' });
  it('rejects another province or another kind of body, and accepts what agrees', () => {
    expect(issuerMatches(named('Chỉ thị 03-CT/TU của Tỉnh ủy Bến Tre') as never, langSon)).toBe(false);
    expect(issuerMatches(named('Chỉ thị 03-CT/TU của Tỉnh ủy Lạng Sơn') as never, langSon)).toBe(true);
    expect(issuerMatches(named('Chỉ thị 03-CT/TU của Bộ Chính trị') as never, langSon)).toBe(false);
    expect(issuerMatches(named('Chỉ thị 03-CT/TU của Tỉnh ủy') as never, langSon)).toBe(true);
  });

  it('uses the code of the number when the corpus names no issuer, and gives a central body no province', () => {
    const central = entry({ key: '5-ct/tw', display: '05-CT/TW', shortKey: 'ct 5' });
    expect(issuerMatches(named('Chỉ thị 05-CT/TW của Tỉnh ủy Bến Tre') as never, central)).toBe(false);
    expect(issuerMatches(named('Chỉ thị 05-CT/TW của Trung ương') as never, central)).toBe(true);
  });
});

describe('resolveReferences', () => {
  it('keeps the entries of the named issuer and sets the others aside as "did you mean"', () => {
    const baclieu = entry({ key: 'ct 12', shortKey: 'ct 12', display: 'Chỉ thị 12', issuer: 'Ban Thường vụ Tỉnh ủy', place: 'Bạc Liêu' });
    const question = 'Chỉ thị 12 của Tỉnh ủy Lạng Sơn';
    const [resolved] = resolveReferences(question, findDocumentRefs(question), () => [baclieu]);
    expect(resolved).toMatchObject({ entries: [], otherIssuers: [baclieu] });
    const [plain] = resolveReferences('Chỉ thị 12', findDocumentRefs('Chỉ thị 12'), () => [baclieu]);
    expect(plain).toMatchObject({ issuer: null, entries: [baclieu], otherIssuers: [] });
  });
});
