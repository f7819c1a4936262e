import { describe, expect, it } from 'vitest';
import { chunkDocument, loadCorpus, type CorpusDocument, type Passage } from '../../src/corpus/index.ts';

/*
 * The voters' guide (corpus/guidance/) checked against the election law it cites (corpus/law/,
 * Luật số 85/2015/QH13 as amended by Luật số 83/2025/QH15). Every citation part that names the law
 * ("Điều 79 khoản 3, Luật Bầu cử số 85/2015/QH13, …") is checked for:
 *   1. the article, and each cited clause, exists in the law in force (a repealed article does not);
 *   2. the article is about the fact: the cited sentence shares key words with the cited article;
 *   3. every figure in the sentence appears in the cited text (07 = 7, "mười tám" = 18, "hai phần ba" = 2/3).
 *
 * What a citation says about where a fact comes from decides how much of it the law must hold:
 *   - "(Điều N, Luật …85/2015/QH13)": the law states the fact; all three checks.
 *   - "(hướng dẫn của Hội đồng bầu cử quốc gia năm 2026; căn cứ Điều N, Luật …)", likewise after a
 *     resolution, a code such as Bộ luật Hình sự, or "kết quả/số liệu đã công bố": the fact and its figures
 *     come from that first source, the law is only its basis; checks 1 and 2, not 3.
 *   - "(Điều N, Luật …, trước khi sửa đổi bởi Luật số 83/2025/QH15)": a labelled pre-2025 rule whose
 *     figures the law in force no longer holds; checks 1 and 2, not 3. Likewise a figure inside a
 *     "(trước đây là …)" parenthesis is the labelled old figure and is not looked for.
 * Parts naming no election law (Bộ luật Hình sự, Thông tư, a resolution, published results) are not checked.
 *
 * Not checked: numbers the guide writes as words ("năm loại phiếu", "bốn trường hợp"): they count the
 * law's listed points, which a figure match cannot see, and "một"/"năm" are too often not numbers.
 */

const ELECTION_LAW = /(?<!\d)85\/2015\/QH13/;

// ---------------------------------------------------------------------------------------------
// The law: articles, their clauses and title, from the passages chunkDocument gives a `law` document.

interface LawArticle {
  number: string;
  title: string;
  /** The article's whole text. */
  text: string;
  /** Clause number → its text with its points; a number printed twice (Điều 69 "4.") keeps both. */
  clauses: Map<string, string>;
  /** Only "(Bị bãi bỏ bởi …)" left of it. */
  repealed: boolean;
}

const CLAUSE_MARK = /^(\d+[a-zđ]?)\.\s/u;

function lawArticles(passages: Passage[]): Map<string, LawArticle> {
  const byArticle = new Map<string, Passage[]>();
  for (const passage of passages) {
    if (!passage.law) continue;
    const list = byArticle.get(passage.law.article) ?? [];
    list.push(passage);
    byArticle.set(passage.law.article, list);
  }
  const articles = new Map<string, LawArticle>();
  for (const [number, list] of byArticle) {
    list.sort((a, b) => a.position - b.position);
    const text = list.map((p) => p.text).join('\n\n');
    const clauses = new Map<string, string>();
    let clause: string | null = null;
    for (const paragraph of text.split(/\n\s*\n/)) {
      // A passage cut inside a long clause goes on with that clause; passage.law.clause says so too.
      clause = CLAUSE_MARK.exec(paragraph)?.[1] ?? clause;
      if (clause !== null) clauses.set(clause, `${clauses.get(clause) ?? ''}\n\n${paragraph}`.trim());
    }
    const repealed = /^\(?\s*(?:Bị|Đã bị)\s+bãi bỏ[^]*\)?$/iu.test(text.trim());
    articles.set(number, { number, title: list[0]?.law?.title ?? '', text, clauses, repealed });
  }
  return articles;
}

// ---------------------------------------------------------------------------------------------
// The guide: each fact with the citation that ends it.

interface CitedArticle {
  article: string;
  clauses: string[];
}

interface GuideCitation {
  file: string;
  /** The sentence (or clause of one) the citation closes, as the guide writes it. */
  fact: string;
  /** The citation part naming the election law, e.g. "căn cứ Điều 69, Luật Bầu cử số 85/2015/QH13". */
  part: string;
  articles: CitedArticle[];
  /** direct: the law states the fact; basis: the fact comes from the source named before; before2025: labelled old rule. */
  mode: 'direct' | 'basis' | 'before2025';
}

// A parenthesis (one level of nesting inside) that names a source ends a fact; "(ĐBQH)" or "(trước đây là 70 ngày)" does not.
const PARENTHESIS = /\((?:[^()]|\([^()]*\))*\)/gu;
const NAMES_A_SOURCE = /Điều\s+\d|Luật|Nghị quyết|Thông tư|Hiến pháp|hướng dẫn|đã công bố|mẫu văn bản/u;
const ARTICLE_REF = /Điều\s+(\d+[a-zđ]?)((?:\s*(?:,|và)?\s*khoản\s+\d+[a-zđ]?)*)/gu;

function guideCitations(doc: CorpusDocument): GuideCitation[] {
  const file = `${doc.id}.md`;
  const citations: GuideCitation[] = [];
  for (const raw of doc.body.split(/\n\s*\n/)) {
    const paragraph = raw.trim().replace(/\s*\n\s*/g, ' ');
    if (!paragraph || paragraph.startsWith('#')) continue;
    let factStart = 0;
    for (const match of paragraph.matchAll(PARENTHESIS)) {
      const inner = match[0].slice(1, -1);
      if (!NAMES_A_SOURCE.test(inner)) continue;
      const fact = paragraph.slice(factStart, match.index).replace(/^[\s.;,:]+/u, '').trim();
      factStart = match.index + match[0].length;
      const parts = inner.split(';').map((p) => p.trim());
      parts.forEach((part, i) => {
        if (!ELECTION_LAW.test(part)) return;
        const articles = [...part.matchAll(ARTICLE_REF)].map((m) => ({
          article: m[1] as string,
          clauses: [...(m[2] ?? '').matchAll(/khoản\s+(\d+[a-zđ]?)/gu)].map((c) => c[1] as string),
        }));
        const mode = /trước khi sửa đổi/u.test(part) ? 'before2025' : parts.slice(0, i).some((p) => !ELECTION_LAW.test(p)) ? 'basis' : 'direct';
        citations.push({ file, fact, part, articles, mode });
      });
    }
  }
  return citations;
}

// ---------------------------------------------------------------------------------------------
// Key words. A term is a syllable or a pair of adjacent syllables (most Vietnamese words are one of
// the two: "tuổi", "tạm trú", "hòm phiếu"). Generic election vocabulary is defined by the law itself:
// a term found in more than a quarter of its articles ("bầu cử", "cử tri", "ủy ban", "bỏ phiếu",
// "ngày bầu") says nothing about which article a sentence is about, and neither do function words.
// Terms of one topic ("tạm trú", "niêm yết", "kiểm phiếu", "hợp lệ", "trúng cử") stay key terms.

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/ĐBQH/gu, 'đại biểu Quốc hội'],
  [/HĐBCQG/gu, 'Hội đồng bầu cử quốc gia'],
  [/HĐND/gu, 'Hội đồng nhân dân'],
  [/UBND/gu, 'Ủy ban nhân dân'],
];
const FUNCTION_WORDS = new Set(
  'ai bạn bằng bị cả các cho chỉ có còn của cũng đã đây để đến đều đó được gì hay hoặc họ khác khi không là lại mà mình mỗi một nào nay này nên nếu người những như ở phải ra rồi sau số sẽ tại theo thể thì tới trên trong trước tức từ và vào vẫn việc với'.split(' '),
);
/** Largest share of the law's articles a key term may appear in. */
const GENERIC_SHARE = 0.25;
/**
 * Key terms the cited article must share with the sentence. One is too few: a typical sentence of the
 * guide shares one with about a third of the law's articles by chance; two (a specific compound such as
 * "tạm trú" whose syllables are rare too, or two rare words) with under a quarter, so most wrong article
 * numbers fail here, and a wrong one that passes must still hold the sentence's figures.
 */
const MIN_SHARED_TERMS = 2;

function terms(text: string): Set<string> {
  let t = text;
  for (const [abbreviation, words] of ABBREVIATIONS) t = t.replace(abbreviation, words);
  const out = new Set<string>();
  // Pairs never span punctuation or figures.
  for (const phrase of t.toLowerCase().split(/[^\p{L}\s]+/u)) {
    const syllables = phrase.match(/\p{L}+/gu) ?? [];
    syllables.forEach((s, i) => {
      if (!FUNCTION_WORDS.has(s) && s.length > 1) out.add(s);
      const next = syllables[i + 1];
      if (next !== undefined && !FUNCTION_WORDS.has(s) && !FUNCTION_WORDS.has(next)) out.add(`${s} ${next}`);
    });
  }
  return out;
}

class KeyTerms {
  private readonly share = new Map<string, number>();

  constructor(articles: Iterable<LawArticle>) {
    const list = [...articles];
    for (const article of list) for (const term of terms(`${article.title} ${article.text}`)) this.share.set(term, (this.share.get(term) ?? 0) + 1);
    for (const [term, n] of this.share) this.share.set(term, n / list.length);
  }

  shared(sentence: string, cited: string): string[] {
    const inCited = terms(cited);
    return [...terms(sentence)].filter((t) => inCited.has(t) && (this.share.get(t) ?? 0) <= GENERIC_SHARE);
  }
}

// ---------------------------------------------------------------------------------------------
// Figures: as the guide writes them (15, 07, 4.000, 99,35%, 2/3) and as the law does (07, "mười tám",
// "bốn nghìn", "ba mươi lăm phần trăm", "hai phần ba"); years, dates, document and article numbers are not figures.

/** "07" → "7", "4.000" → "4000", "99,35" → "99.35", "2/3" stays. */
function figure(digits: string): string {
  if (digits.includes('/')) return digits.split('/').map((d) => String(Number(d))).join('/');
  const plain = /^\d{1,3}(?:\.\d{3})+$/.test(digits) ? digits.replace(/\./g, '') : digits.replace(',', '.');
  return String(Number(plain));
}

function withoutNonFigures(text: string): string {
  return (
    text
      // Dates: 15/3/2026, 01/07/2025, "01 tháng 9 năm 2015".
      .replace(/\d{1,2}\/\d{1,2}\/\d{4}/gu, ' ')
      .replace(/\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?/gu, ' ')
      // Document numbers: a token with a slash, a figure and a letter (85/2015/QH13, 12/HĐBC, 151/NQ-HĐBCQG).
      .replace(/[^\s(),;:]*\d[^\s(),;:]*/gu, (token) => (token.includes('/') && /\p{L}/u.test(token) ? ' ' : token))
      // Article, clause and point references, lists included ("các điều 79, 80, 81 và 82").
      .replace(/(?<![\p{L}\d])(?:Điều|điều|khoản|điểm|Chương|Mục)\s+\d+[a-zđ]?(?:\s*(?:,|và)\s*\d+[a-zđ]?)*/gu, ' ')
      // Clause marks at the start of a paragraph.
      .replace(/(?:^|\n)\s*\d+[a-zđ]?\.\s/gu, '\n')
      // Years.
      .replace(/(?<![\d.,])(?:19|20)\d{2}(?![\d.,]*\d)/gu, ' ')
  );
}

// Digits not glued to a preceding letter ("DK1" is a name); "4cm" is 4.
const DIGITS = /(?<![\p{L}\d.,/])(\d+(?:[.,]\d+)*(?:\/\d+)?)/gu;

function guideFigures(fact: string): string[] {
  const text = withoutNonFigures(fact.replace(/\(trước đây[^()]*\)/gu, ' '));
  return [...new Set([...text.matchAll(DIGITS)].map((m) => figure(m[1] as string)))];
}

const UNITS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };

/** Numbers the law spells out: "mười tám" 18, "hai mươi mốt" 21, "ba trăm" 300, "bốn nghìn" 4000; "hai phần ba" 2/3. */
function spelledFigures(text: string): string[] {
  const out: string[] = [];
  // A number never runs across punctuation: "hai mươi mốt, mười lăm" is 21 and 15.
  for (const phrase of text.toLowerCase().split(/[^\p{L}\d\s]+/u)) {
    const words = phrase.split(/\s+/u).filter(Boolean);
    const isUnit = (i: number) => {
      const w = words[i] ?? '';
      if (!(w in UNITS)) return false;
      // "năm" is a year next to one ("năm 2015", "02 năm") or in "hằng năm".
      if (w === 'năm') return !/^\d/.test(words[i + 1] ?? '') && !/^\d/.test(words[i - 1] ?? '') && words[i - 1] !== 'hằng';
      return true;
    };
    let i = 0;
    const read = (): number | null => {
      if (!isUnit(i) && words[i] !== 'mười') return null;
      let thousands = 0;
      let hundreds = 0;
      let small = 0;
      let last = 0;
      let prev = '';
      const opensGroup = () => prev === '' || prev === 'trăm' || prev === 'nghìn' || prev === 'ngàn' || prev === 'linh' || prev === 'lẻ';
      for (; i < words.length; i++) {
        const w = words[i] as string;
        if (isUnit(i) && (opensGroup() || prev === 'mươi' || prev === 'mười')) {
          last = UNITS[w] as number;
          small += last;
        } else if (w === 'mười' && opensGroup()) small += 10;
        else if (w === 'mươi' && prev in UNITS && small < 10) small = last * 10;
        else if ((w === 'mốt' || w === 'tư') && prev === 'mươi') small += w === 'mốt' ? 1 : 4;
        else if (w === 'lăm' && (prev === 'mươi' || prev === 'mười')) small += 5;
        else if (w === 'trăm' && prev in UNITS && small < 10) {
          hundreds = small * 100;
          small = 0;
        } else if ((w === 'nghìn' || w === 'ngàn') && !opensGroup()) {
          thousands += (hundreds + small) * 1000;
          hundreds = 0;
          small = 0;
        } else if ((w === 'linh' || w === 'lẻ') && prev === 'trăm') {
          /* "một trăm linh năm" */
        } else break;
        prev = w;
      }
      return thousands + hundreds + small;
    };
    while (i < words.length) {
      const start = i;
      const value = read();
      if (value === null) {
        i = start + 1;
        continue;
      }
      if (words[i] === 'phần' && words[i + 1] !== 'trăm') {
        i += 1;
        const denominator = read();
        if (denominator !== null) {
          out.push(`${value}/${denominator}`);
          continue;
        }
      }
      out.push(String(value));
    }
  }
  return out;
}

function lawFigures(text: string): Set<string> {
  const plain = withoutNonFigures(text);
  return new Set([...[...plain.matchAll(DIGITS)].map((m) => figure(m[1] as string)), ...spelledFigures(plain)]);
}

// ---------------------------------------------------------------------------------------------
// The check.

interface Mismatch {
  file: string;
  sentence: string;
  article: string;
  reason: string;
}

function checkGuide(guide: CorpusDocument[], law: Map<string, LawArticle>): { checked: number; mismatches: Mismatch[] } {
  const keyTerms = new KeyTerms(law.values());
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const doc of guide) {
    for (const citation of guideCitations(doc)) {
      const report = (article: string, reason: string) => mismatches.push({ file: citation.file, sentence: citation.fact, article, reason });
      if (citation.articles.length === 0) report(citation.part, 'names the law but no article');
      const scopes: string[] = [];
      for (const { article: number, clauses } of citation.articles) {
        checked += 1;
        const label = `Điều ${number}${clauses.length ? ` khoản ${clauses.join(', ')}` : ''}`;
        const article = law.get(number);
        if (!article) {
          report(label, 'the law has no such article');
          continue;
        }
        if (article.repealed) {
          report(label, 'the article was repealed');
          continue;
        }
        const missing = clauses.filter((c) => !article.clauses.has(c));
        if (missing.length > 0) {
          report(label, `the article has no khoản ${missing.join(', ')}`);
          continue;
        }
        // Figures must be in the cited clauses; the topic is the article's.
        scopes.push(clauses.length > 0 ? clauses.map((c) => article.clauses.get(c) as string).join('\n\n') : article.text);
        const shared = keyTerms.shared(citation.fact, `${article.title}\n\n${article.text}`);
        if (shared.length < MIN_SHARED_TERMS) {
          report(label, `not about this fact: shares ${shared.length ? `only "${shared.join('", "')}"` : 'no key word'} with "${article.title}" (at least ${MIN_SHARED_TERMS} needed)`);
        }
      }
      if (citation.mode !== 'direct' || scopes.length === 0) continue;
      const inLaw = lawFigures(scopes.join('\n\n'));
      const missing = guideFigures(citation.fact).filter((f) => !inLaw.has(f));
      if (missing.length > 0) {
        const cited = citation.articles.map((a) => `Điều ${a.article}${a.clauses.length ? ` khoản ${a.clauses.join(', ')}` : ''}`).join(', ');
        report(cited, `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the cited text`);
      }
    }
  }
  return { checked, mismatches };
}

const format = (m: Mismatch) => `${m.file}: ${m.article}: ${m.reason}\n    «${m.sentence}»`;

// ---------------------------------------------------------------------------------------------

const corpus = await loadCorpus('corpus');
const lawDocument = corpus.documents.find((d) => d.kind === 'law' && ELECTION_LAW.test(`${d.number ?? ''} ${d.title}`));
const guide = corpus.documents.filter((d) => d.kind === 'guidance');
const law = lawDocument ? lawArticles(chunkDocument(lawDocument)) : new Map<string, LawArticle>();

/** The guide with one document's text changed, as an editor might. */
function edited(id: string, from: string, to: string): CorpusDocument[] {
  return guide.map((d) => {
    if (d.id !== id) return d;
    expect(d.body).toContain(from);
    return { ...d, body: d.body.replace(from, to) };
  });
}

describe('the voters’ guide against the election law', () => {
  it('the corpus holds the election law, in articles and clauses', () => {
    expect(lawDocument?.id).toBeDefined();
    expect(law.size).toBeGreaterThanOrEqual(90);
    expect(law.get('79')?.clauses.get('3')).toMatch(/chậm nhất là 07 ngày sau ngày bầu cử đầu tiên/);
    expect(law.get('96')?.repealed).toBe(true);
  });

  it('reads the guide’s citations: articles, clauses and where each fact comes from', () => {
    const citations = guide.flatMap(guideCitations);
    expect(citations.length).toBeGreaterThan(100);
    const complaint = citations.find((c) => c.fact.startsWith('HĐBCQG hoặc Ủy ban bầu cử giải quyết trong 07 ngày'));
    expect(complaint).toMatchObject({ mode: 'direct', articles: [{ article: '87', clauses: ['2', '3'] }] });
    const ballots = citations.find((c) => c.file === 'guidance/cach-bo-phieu.md' && c.fact.includes('3 lá phiếu'));
    expect(ballots).toMatchObject({ mode: 'basis', articles: [{ article: '69', clauses: ['1'] }, { article: '4', clauses: ['6'] }] });
    // Bộ luật Hình sự and a Thông tư are cited, but only the election law's parts are collected.
    expect(citations.every((c) => ELECTION_LAW.test(c.part) && !/Hình sự|Thông tư/u.test(c.part))).toBe(true);
  });

  it('reads figures as the guide and the law write them', () => {
    expect(guideFigures('chậm nhất 03 ngày, từ 300 đến 4.000 cử tri, 99,35% (trước đây là 5 ngày và 30 ngày) ngày 15/3/2026, Mẫu số 12/HĐBC, Điều 71, năm 2025, nhà giàn DK1, 2/3 số đại biểu, 4cm')).toEqual([
      '3',
      '300',
      '4000',
      '99.35',
      '2/3',
      '4',
    ]);
    expect([...lawFigures('1. Mỗi khu vực bỏ phiếu có từ ba trăm đến bốn nghìn cử tri; hai mươi mốt, mười lăm, ba mươi lăm phần trăm, chưa đủ hai phần ba, 07 ngày, khoản 3 Điều 80, ngày 01 tháng 9 năm 2015')].sort()).toEqual(
      ['15', '2/3', '21', '300', '35', '4000', '7'].sort(),
    );
  });

  it('every citation of the law names an article and clause the law has, about the fact, with the same figures', () => {
    const { checked, mismatches } = checkGuide(guide, law);
    expect(checked).toBeGreaterThan(150);
    expect(mismatches.map(format)).toEqual([]);
  });

  it.each([
    ['guidance/kiem-phieu-va-ket-qua', 'Ngày bầu cử thêm chậm nhất là 07 ngày', 'Ngày bầu cử thêm chậm nhất là 15 ngày', 'Điều 79 khoản 3', '15'],
    ['guidance/kiem-phieu-va-ket-qua', 'Ngày bầu cử lại chậm nhất là 07 ngày', 'Ngày bầu cử lại chậm nhất là 15 ngày', 'Điều 80 khoản 4', '15'],
    ['guidance/khieu-nai-to-cao-ve-bau-cu', 'chậm nhất 03 ngày kể từ ngày công bố kết quả', 'chậm nhất 5 ngày kể từ ngày công bố kết quả', 'Điều 87 khoản 1', '5'],
    ['guidance/khieu-nai-to-cao-ve-bau-cu', 'giải quyết trong 07 ngày kể từ ngày nhận khiếu nại', 'giải quyết trong 30 ngày kể từ ngày nhận khiếu nại', 'Điều 87 khoản 2, 3', '30'],
    ['guidance/nguoi-ung-cu', 'chậm nhất 42 ngày trước ngày bầu cử (trước đây là 70 ngày)', 'chậm nhất 70 ngày trước ngày bầu cử', 'Điều 35 khoản 1', '70'],
  ])('catches a pre-2025 figure told again as today’s rule (%s: %s → %s)', (id, from, to, article, figure) => {
    expect(checkGuide(edited(id, from, to), law).mismatches).toEqual([
      expect.objectContaining({ file: `${id}.md`, article, reason: `${figure} is not in the cited text`, sentence: expect.stringContaining(to) }),
    ]);
  });

  it('catches an article or clause the law does not have, and an article about something else', () => {
    const wrong = edited('guidance/khieu-nai-to-cao-ve-bau-cu', '(Điều 87 khoản 1, Luật Bầu cử', '(Điều 87 khoản 9, Luật Bầu cử');
    const repealed = edited('guidance/nguoi-ung-cu', '(Điều 37, Luật Bầu cử', '(Điều 96, Luật Bầu cử');
    const offTopic = edited('guidance/danh-sach-cu-tri-va-the-cu-tri', 'trong 05 ngày kể từ khi nhận (Điều 33,', 'trong 05 ngày kể từ khi nhận (Điều 71,');
    expect(checkGuide(wrong, law).mismatches.map((m) => m.reason)).toEqual(['the article has no khoản 9']);
    expect(checkGuide(repealed, law).mismatches.map((m) => m.reason)).toContain('the article was repealed');
    expect(checkGuide(offTopic, law).mismatches).toEqual(
      expect.arrayContaining([expect.objectContaining({ article: 'Điều 71', reason: expect.stringMatching(/^not about this fact/) })]),
    );
  });
});
