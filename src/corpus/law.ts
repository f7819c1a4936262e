import { findDocumentRefs } from '../text/identifiers.ts';
import { foldDiacritics, normalizeText } from '../text/normalize.ts';
import { CorpusError } from './errors.ts';
import { normalizeSource, parseFrontMatter, splitFrontMatter, stringifyDocument } from './front-matter.ts';
import { parseDocument } from './load.ts';

/**
 * Official legal text in Markdown, read into documents, articles, clauses and points. Two layouts:
 * the national Legal Code (Bộ pháp điển), whose articles open with a Code heading
 * "Điều 35.1.LQ.69. Title" and a source line "(Điều 69 Luật số 85/2015/QH13, …)" naming the
 * document and article they are; and plain decrees, circulars and laws, "Điều 5. Title" directly.
 */

/** One paragraph of an article, verbatim, with the clause and point it belongs to. */
export interface LegalParagraph {
  text: string;
  /** The number of the clause ("4") the paragraph opens or continues; null before the first clause. */
  clause: string | null;
  /** The letter of the point ("a", "đ") the paragraph opens or continues. */
  point: string | null;
}

export interface LegalArticle {
  /** The article's number in its own document: "69", "11a" (for Code articles, from the source line). */
  number: string;
  /** The title after the number; empty when the text gives none. */
  title: string;
  /** The Code's id ("35.1.LQ.69") when the text is a Code topic. */
  codeId: string | null;
  /** "Chương VII. NGUYÊN TẮC VÀ TRÌNH TỰ BỎ PHIẾU"; null outside chapters. */
  chapter: string | null;
  /** "Mục 1. VIỆC KIỂM PHIẾU" within the chapter, when there is one. */
  section: string | null;
  /** Since when the article is in force (ISO), as its source line says. */
  inForceSince: string | null;
  /** What the source line says happened to it since ("có nội dung được sửa đổi, có nội dung được bổ sung"). */
  change: string | null;
  /** The documents that changed it, as the source line names them ("Điều 1 Luật số 83/2025/QH15"). */
  changedBy: LegalAmendment[];
  /** True when the whole article was repealed ("bị bãi bỏ bởi …"), not only some of its content. */
  repealed: boolean;
  /** The source line's words after the date in force, verbatim: "bị bãi bỏ bởi Điều 1 Luật số 83/2025/QH15 có hiệu lực …". */
  status: string | null;
  paragraphs: LegalParagraph[];
}

export interface LegalAmendment {
  /** "Luật số 83/2025/QH15" */
  document: string;
  /** "Điều 1 Luật số 83/2025/QH15", the provision that made the change. */
  provision: string;
  /** ISO date the change took effect. */
  inForceSince: string | null;
}

/** One legal document: a law, a resolution, a decree… with the articles the text holds of it. */
export interface LegalDocument {
  /** "Luật", "Nghị quyết", "Nghị định"…; null when the text does not say. */
  kind: string | null;
  /** "85/2015/QH13" */
  number: string | null;
  /** The document's name as its source gives it: "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân". */
  name: string | null;
  issuer: string | null;
  /** Date of adoption or signature, ISO. */
  date: string | null;
  /** When the document took effect, ISO. */
  inForceSince: string | null;
  /** Every document that amended one of its articles, once each, in order of first mention. */
  amendedBy: LegalAmendment[];
  articles: LegalArticle[];
}

export interface ParsedLegalText {
  /** The file's own title (a Code topic's name, or the text's title), when it has one. */
  title: string | null;
  layout: 'code' | 'plain';
  /** Link to this very document, from its header (`url`, or the gazette's `docid`), when it gives one. */
  url: string | null;
  /** Empty when the text holds no article (an index page or a stub). */
  documents: LegalDocument[];
}

// Kinds of legal documents as source lines and titles name them; longer names first so "Thông tư liên tịch" wins.
const KINDS = ['Thông tư liên tịch', 'Nghị quyết liên tịch', 'Bộ luật', 'Luật', 'Nghị quyết', 'Nghị định', 'Thông tư', 'Quyết định', 'Pháp lệnh', 'Chỉ thị', 'Sắc lệnh', 'Hiến pháp', 'Lệnh'];
const KIND = `(?:${KINDS.join('|')})`;
// A line holding only a kind ("NGHỊ ĐỊNH"), as a decree's header sets it above its subject.
const KIND_LINE = new RegExp(`^${KIND}$`, 'iu');
const DATE = String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})`;

// "Điều 35.1.LQ.69. Nguyên tắc bỏ phiếu": the Code's own id, then the title.
const CODE_ARTICLE = /^Điều\s+(\d+\.\d+\.[A-ZĐ]+\.\d+(?:\.\d+)*[a-z]*)\.\s*(.*)$/u;
// "Điều 5. Phạm vi điều chỉnh", "Điều 19a. …"; a heading line may omit the full stop ("### Điều 1").
const PLAIN_ARTICLE = /^Điều\s+(\d+[a-zđ]?)\s*(?:[.:]\s*(.*))?$/u;
const CHAPTER = /^(Chương|CHƯƠNG)\s+([IVXLCDM]+|\d+)\.?(?:\s+(.*))?$/u;
const SECTION = /^(Mục|MỤC)\s+(\d+)\.?(?:\s+(.*))?$/u;
// "(Điều 69 Luật số 85/2015/QH13[ <name> ngày 25/06/2015 của Quốc hội], có hiệu lực thi hành kể từ ngày 01/09/2015[, …])"
const SOURCE_LINE = new RegExp(
  String.raw`^\(Điều\s+(\d+[a-zđ]?)\s+(${KIND})(?:(?:\s+số)?\s+(\S*\d\S*?))?(?:\s+(.+?)\s+ngày\s+${DATE}\s+của\s+(.+?))?,?\s+có hiệu lực thi hành kể từ ngày\s+${DATE}(.*?)\s*\)$`,
  'u',
);
// A source line this parser cannot take apart still names its article and document.
const LOOSE_SOURCE_LINE = new RegExp(String.raw`^\(Điều\s+(\d+[a-zđ]?)\s+(${KIND})(?:(?:\s+số)?\s+([^\s,]*\d[^\s,]*))?[^]*\)$`, 'u');
// "bởi Điều 1 Luật số 83/2025/QH15 có hiệu lực thi hành kể từ ngày 01/07/2025"
const CHANGED_BY = new RegExp(
  String.raw`bởi\s+((?:(?:Điều|khoản|điểm)\s+\S+\s+)*)(${KIND})\s+số\s+([^\s,.;]+(?:\.[^\s,.;]+)*)[.,]?\s+có hiệu lực thi hành kể từ ngày\s+${DATE}`,
  'gu',
);
// The Code's cross-references ("(Điều này có nội dung liên quan đến …)") are an index, not law; they can trail a paragraph.
const RELATED = /\s*\((?:Điều|Chương|Mục|Khoản|Phần) này có nội dung liên quan đến[^]*$/u;
// What follows the law in these files: the Code's article index, a topic's list of sub-topics.
const TAIL = /^#{1,6}\s*Danh sách (?:điều khoản|đề mục)\b/iu;
// Where a decree's text ends and its signature, distribution list or appendices begin.
const END_OF_TEXT = /^(?:\*\*)?(?:Nơi nhận|NƠI NHẬN|TM\.|KT\.|Q\.|PHỤ LỤC|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)\b/u;
const CLAUSE = /^(\d+[a-zđ]?)\.(?=[\s*])/u;

/** The number of the clause a paragraph of a law opens, as the importer writes clauses ("1. …", "2a. …"), if it opens one. */
export function clauseNumberOf(paragraph: string): string | undefined {
  return CLAUSE.exec(paragraph)?.[1];
}
const POINT = /^([a-zđ])\)\s/u;

const iso = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Markdown emphasis and heading marks around structure ("### Điều 1.", "**1.**", "**Điều 2.**") say nothing the words do not. */
function plainLine(line: string): string {
  return line
    .replace(/^(?:>\s*)+/, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\*\*([^*]+?)\*\*(?=\s|$)/, '$1')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** Verbatim paragraph text: lines joined, runs of spaces as one, a link's address dropped for its words. */
function paragraphText(lines: string[]): string {
  return lines
    .join(' ')
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    // An emphasis closed and reopened round a space ("quyết định*** ***và") is formatting left by the source, not text.
    .replace(/\*+ \*+/g, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

const isUpperCaseTitle = (text: string) => /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');

interface Draft extends LegalArticle {
  documentKey: string | null;
  /** The line the article starts at: a plain text's metadata is read from the lines before its first article. */
  order: number;
}

interface SourceLine {
  article: string;
  kind: string;
  /** Null for the few documents without one ("Pháp lệnh Về Hàm, cấp ngoại giao"): their name identifies them. */
  number: string | null;
  name: string | null;
  date: string | null;
  issuer: string | null;
  inForceSince: string | null;
  change: string | null;
  changedBy: LegalAmendment[];
  repealed: boolean;
  status: string | null;
}

/** What a source line calls a document that has no number: the words after its kind, up to its date or "có hiệu lực". */
function unnumberedName(text: string, kind: string): string | null {
  const after = text.slice(text.indexOf(kind) + kind.length).replace(/^\s+(?:số\s+)?/u, '');
  return after.split(/,?\s+có hiệu lực/u)[0]?.replace(/\s+ngày\s+\d{1,2}\/[^]*$/u, '').trim() || null;
}

function parseSourceLine(text: string): SourceLine | null {
  const m = SOURCE_LINE.exec(text);
  if (m) {
    const [, article, kind, number, name, d, mo, y, issuer, fd, fm, fy, rest = ''] = m as unknown as string[];
    const changedBy = [...rest.matchAll(CHANGED_BY)].map((c) => ({
      document: `${c[2]} số ${c[3]}`,
      provision: `${(c[1] ?? '').trim()} ${c[2]} số ${c[3]}`.trim(),
      inForceSince: iso(c[4] as string, c[5] as string, c[6] as string),
    }));
    // ", có nội dung được sửa đổi, có nội dung được bổ sung bởi …": the words before "bởi" say what changed.
    const change = rest.split(/\s+bởi\s+/u)[0]?.replace(/^[\s,.;]+/, '').trim() || null;
    return {
      article: article as string,
      kind: kind as string,
      number: number ?? null,
      name: name?.trim() || (number ? null : unnumberedName(text, kind as string)),
      date: d ? iso(d, mo as string, y as string) : null,
      issuer: issuer?.trim() || null,
      inForceSince: iso(fd as string, fm as string, fy as string),
      change,
      changedBy,
      repealed: change !== null && /^(?:đã\s+)?(?:bị|được)\s+bãi bỏ/u.test(change),
      status: rest.replace(/^[\s,.;]+/, '').trim() || null,
    };
  }
  const loose = LOOSE_SOURCE_LINE.exec(text);
  if (!loose) return null;
  const kind = loose[2] as string;
  const number = loose[3] ?? null;
  return { article: loose[1] as string, kind, number, name: number ? null : unnumberedName(text, kind), date: null, issuer: null, inForceSince: null, change: null, changedBy: [], repealed: false, status: null };
}

// A source line opens with the article and document it names: "(Điều 69 Luật số …".
const SOURCE_START = new RegExp(String.raw`^\(Điều\s+\d+[a-zđ]?\s+${KIND}(?=\s)`, 'u');

/** Where a source line's closing ")" is: after its date in force when it states one, else at the end of the line. */
function sourceLineEnd(text: string): number {
  const stated = /có hiệu lực thi hành kể từ ngày\s+\d{1,2}\/\d{1,2}\/\d{4}[^)]*\)/u.exec(text);
  if (stated) return stated.index + stated[0].length;
  return text.endsWith(')') ? text.length : -1;
}

/**
 * Source lines as the crawl left some of them, made whole: wrapped over a few lines (even across a
 * blank one) they are one line again, and text glued after the ")" becomes a line of its own.
 */
function joinWrappedSourceLines(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!SOURCE_START.test(line)) {
      out.push(lines[i] as string);
      continue;
    }
    let joined = line;
    let last = i;
    // A handful of lines at most: a source line that never closes is left as text rather than swallowing the law.
    while (sourceLineEnd(joined) === -1 && last < i + 4 && last + 1 < lines.length) {
      last++;
      const next = (lines[last] as string).trim();
      if (next) joined += ` ${next}`;
    }
    const end = sourceLineEnd(joined);
    if (end === -1) {
      out.push(lines[i] as string);
      continue;
    }
    out.push(joined.slice(0, end));
    const rest = joined.slice(end).trim();
    if (rest) out.push('', rest);
    i = last;
  }
  return out;
}

/** Key–value pairs of the front matter and the metadata block ("| **Số hiệu** | 97/2026/TT-BTC |", "**Số hiệu:** …"), by folded key. */
function metadataOf(frontMatter: Record<string, unknown>, lines: string[]): Map<string, string> {
  const meta = new Map<string, string>();
  const put = (key: string, value: string) => {
    const k = foldDiacritics(key).replace(/[^a-z]/g, '');
    const v = value.replace(/\*\*/g, '').trim();
    if (k && v && !/^(đang cập nhật|—|-)$/iu.test(v) && !meta.has(k)) meta.set(k, v);
  };
  for (const [key, value] of Object.entries(frontMatter)) if (typeof value === 'string' || typeof value === 'number') put(key, String(value));
  for (const line of lines) {
    const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
    if (line.trim().startsWith('|') && cells.length === 2) put(cells[0] as string, cells[1] as string);
    const pair = /^\*\*([^*:]+):?\*\*:?\s*(.+)$/u.exec(line.trim());
    if (pair) put(pair[1] as string, pair[2] as string);
  }
  return meta;
}

/** "26 tháng 6 năm 2026", "06/07/2026" or "2026-07-06" as ISO; null for anything else. */
function dateOf(text: string | undefined): string | null {
  if (!text) return null;
  const isoDate = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (isoDate) return `${isoDate[1]}-${isoDate[2]}-${isoDate[3]}`;
  const slash = new RegExp(String.raw`\b${DATE}\b`, 'u').exec(text);
  if (slash) return iso(slash[1] as string, slash[2] as string, slash[3] as string);
  const words = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text);
  return words ? iso(words[1] as string, words[2] as string, words[3] as string) : null;
}

/** The first value among `keys` (folded, letters only) in the metadata. */
const pick = (meta: Map<string, string>, ...keys: string[]) => keys.map((k) => meta.get(k)).find(Boolean);

/**
 * The subject an official text states under its kind ("NGHỊ ĐỊNH" then "Quy định về …"): the name it gives itself, or
 * null when the line after the kind is none ("Căn cứ …", a date, a number).
 */
function subjectLine(preamble: string[]): string | null {
  const lines = preamble.map((l) => l.trim()).filter(Boolean);
  const at = lines.findIndex((l) => KIND_LINE.test(l));
  const next = at < 0 ? undefined : lines[at + 1];
  // Not a subject: the grounds ("Căn cứ …"), the number ("Số: …"), a place and date ("Lạng Sơn, ngày 3 tháng 2 năm 2026").
  if (!next || /^(?:căn cứ|theo|số|ngày)(?![\p{L}\p{N}])|,\s*ngày\s+\d{1,2}\s+tháng/iu.test(next) || next.length > 300 || !/^\p{Lu}/u.test(next)) return null;
  const subject = next.replace(/[.;:]$/u, '');
  // A subject set in capitals ("QUY ĐỊNH VỀ …") is written as a sentence.
  return subject === subject.toLocaleUpperCase('vi') ? subject.charAt(0) + subject.slice(1).toLocaleLowerCase('vi') : subject;
}

/** A plain text's one document, described from its metadata and the lines before its first article. */
function plainDocument(meta: Map<string, string>, preamble: string[], title: string | null): LegalDocument {
  const stated = (pick(meta, 'sohieu', 'sokyhieu') ?? preamble.map((l) => /^Số:\s*(\S+)/u.exec(l)?.[1]).find(Boolean) ?? null)?.replace(/[.,;]$/, '') ?? null;
  const kindText = pick(meta, 'loaivanban') ?? title ?? preamble.find((l) => new RegExp(`^${KIND}$`, 'iu').test(l)) ?? '';
  const kind = KINDS.find((k) => foldDiacritics(kindText).startsWith(foldDiacritics(k))) ?? null;
  return {
    kind,
    number: stated,
    // A crawler's summary ("trích yếu") is no name the document gives itself; the file's title stands in.
    name: title ? null : subjectLine(preamble),
    issuer: pick(meta, 'coquanbanhanh', 'cquanbanhanh', 'noibanhanh') ?? null,
    date: dateOf(pick(meta, 'ngaybanhanh')) ?? dateOf(preamble.find((l) => /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u.test(l))),
    inForceSince: dateOf(pick(meta, 'ngayhieuluc', 'ngaycohieuluc')),
    amendedBy: [],
    articles: [],
  };
}

/** Sorts article numbers as the law counts them: 11 < 11a < 12. */
function byArticleNumber(a: LegalArticle, b: LegalArticle): number {
  return Number.parseInt(a.number, 10) - Number.parseInt(b.number, 10) || a.number.localeCompare(b.number);
}

/**
 * Reads official legal text (Markdown or plain text) into its documents and their articles, clauses
 * and points, verbatim. Left out: front matter, the metadata table, anything before the first
 * chapter or article (a decree's preamble), the Code's source lines (kept as data) and
 * cross-references, the signature and distribution list, and "## Danh sách điều khoản" onwards.
 */
/** A header's link to the document itself: its `url`, or the gazette page of its `docid` (vanban.chinhphu.vn). */
function documentUrl(header: Record<string, unknown>): string | null {
  const given = [header.url, header.link].find((v): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v.trim()));
  if (given) return given.trim();
  const docid = typeof header.docid === 'number' || typeof header.docid === 'string' ? String(header.docid).trim() : '';
  const fromGazette = typeof header.source === 'string' && header.source.includes('chinhphu.vn');
  return /^\d+$/.test(docid) && fromGazette ? `${GAZETTE_URL}?pageid=27160&docid=${docid}` : null;
}

export function parseLegalText(markdown: string): ParsedLegalText {
  const source = normalizeSource(markdown);
  const { yaml, body } = splitFrontMatter(source);
  let frontMatter: Record<string, unknown> = {};
  try {
    const data = yaml === null ? {} : parseFrontMatter(yaml);
    if (data && typeof data === 'object' && !Array.isArray(data)) frontMatter = data as Record<string, unknown>;
  } catch {
    // A text pasted with a broken header still has its articles; the header only names it.
  }
  const allLines = body.split('\n');
  const tail = allLines.findIndex((l) => TAIL.test(l.trim()));
  const lines = joinWrappedSourceLines(tail === -1 ? allLines : allLines.slice(0, tail));
  const layout: ParsedLegalText['layout'] = lines.some((l) => CODE_ARTICLE.test(plainLine(l))) ? 'code' : 'plain';
  const heading = lines.map((l) => /^#\s+(.+)$/.exec(l.trim())?.[1]).find(Boolean) ?? null;
  const title = (typeof frontMatter.title === 'string' && frontMatter.title.trim()) || heading?.trim() || null;
  const url = documentUrl(frontMatter);

  const articles: Draft[] = [];
  const documents = new Map<string, LegalDocument>();
  const preamble: string[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  // A chapter or section whose title is on the next line waits for it.
  let pendingTitle: 'chapter' | 'section' | null = null;
  let article: Draft | null = null;
  let paragraph: string[] = [];
  let clause: string | null = null;
  let point: string | null = null;
  let ended = false;

  const flush = () => {
    if (paragraph.length === 0) return;
    const text = paragraphText(paragraph).replace(RELATED, '').trim();
    paragraph = [];
    if (!text || !article) return;
    article.paragraphs.push({ text, clause, point });
  };
  const open = (number: string, titleText: string, codeId: string | null, index: number) => {
    flush();
    article = {
      number,
      title: titleText.trim(),
      codeId,
      chapter,
      section,
      inForceSince: null,
      change: null,
      changedBy: [],
      repealed: false,
      status: null,
      paragraphs: [],
      documentKey: null,
      order: index,
    };
    articles.push(article);
    clause = null;
    point = null;
  };

  for (const [index, raw] of lines.entries()) {
    if (ended) break;
    const line = plainLine(raw);
    if (!line) {
      flush();
      continue;
    }
    if (pendingTitle) {
      const target = pendingTitle;
      pendingTitle = null;
      if (isUpperCaseTitle(line) && !CODE_ARTICLE.test(line) && !PLAIN_ARTICLE.test(line)) {
        if (target === 'chapter') chapter = `${chapter}. ${line}`;
        else section = `${section}. ${line}`;
        continue;
      }
    }
    // In running text "Chương V của Luật …" is a reference; a heading is marked as one or written in capitals.
    const marked = /^#{1,6}\s/.test(raw.trim());
    const chapterMatch = CHAPTER.exec(line);
    if (chapterMatch && (!chapterMatch[3] || marked || isUpperCaseTitle(chapterMatch[3]))) {
      flush();
      article = null;
      chapter = `Chương ${chapterMatch[2]}${chapterMatch[3] ? `. ${chapterMatch[3]}` : ''}`;
      section = null;
      pendingTitle = chapterMatch[3] ? null : 'chapter';
      continue;
    }
    const sectionMatch = SECTION.exec(line);
    if (sectionMatch && (!sectionMatch[3] || marked || isUpperCaseTitle(sectionMatch[3]))) {
      flush();
      article = null;
      section = `Mục ${sectionMatch[2]}${sectionMatch[3] ? `. ${sectionMatch[3]}` : ''}`;
      pendingTitle = sectionMatch[3] ? null : 'section';
      continue;
    }
    const code = CODE_ARTICLE.exec(line);
    if (code) {
      const id = code[1] as string;
      // Until the source line names it, the article's number is the Code id's last one.
      open(/(\d+[a-z]*)$/.exec(id)?.[1] ?? id, code[2] ?? '', id, index);
      continue;
    }
    const plain = layout === 'plain' && /^(?:#{1,6}\s+)?(?:\*\*)?Điều\s/u.test(raw.trim()) ? PLAIN_ARTICLE.exec(line) : null;
    if (plain && (plain[2] !== undefined || /^#/.test(raw.trim()))) {
      open(plain[1] as string, plain[2] ?? '', null, index);
      continue;
    }
    // Some plain pages carry the Code's source lines too, right under each heading.
    const takesSource = layout === 'code' || (article as Draft | null)?.paragraphs.length === 0;
    const sourceLine = takesSource && line.startsWith('(Điều') ? parseSourceLine(line) : null;
    if (sourceLine) {
      flush();
      const current = article as Draft | null;
      // A source line after text already read starts an article the Code left without its own heading.
      if (!current || current.paragraphs.length > 0 || current.documentKey !== null) open(sourceLine.article, '', null, index);
      const target = article as unknown as Draft;
      const key = sourceLine.number ? `${sourceLine.kind} số ${sourceLine.number}` : `${sourceLine.kind} ${sourceLine.name ?? ''}`;
      const doc = documents.get(key) ?? { kind: sourceLine.kind, number: sourceLine.number, name: null, issuer: null, date: null, inForceSince: null, amendedBy: [], articles: [] };
      documents.set(key, doc);
      doc.name ??= sourceLine.name;
      doc.issuer ??= sourceLine.issuer;
      doc.date ??= sourceLine.date;
      if (sourceLine.article === '1' || !doc.inForceSince) doc.inForceSince = sourceLine.inForceSince ?? doc.inForceSince;
      for (const amendment of sourceLine.changedBy) {
        if (!doc.amendedBy.some((a) => a.document === amendment.document)) doc.amendedBy.push(amendment);
      }
      Object.assign(target, {
        number: sourceLine.article,
        documentKey: key,
        inForceSince: sourceLine.inForceSince,
        change: sourceLine.change,
        changedBy: sourceLine.changedBy,
        repealed: sourceLine.repealed,
        status: sourceLine.status,
      });
      continue;
    }
    if (!article) {
      // Before the first article: a decree's header and preamble (kept to find its number and date), or furniture.
      if (articles.length === 0) preamble.push(line);
      continue;
    }
    if (/^#{1,6}\s/.test(raw.trim()) && !CLAUSE.test(line) && !POINT.test(line)) {
      // A heading that is no part of the structure (a signature block, "NƠI NHẬN", an appendix) ends the law.
      flush();
      ended = true;
      continue;
    }
    if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(line) || END_OF_TEXT.test(line)) {
      flush();
      ended = true;
      continue;
    }
    if (RELATED.test(line) && line.startsWith('(')) {
      flush();
      continue;
    }
    const clauseMatch = CLAUSE.exec(line);
    const pointMatch = POINT.exec(line);
    if (clauseMatch || pointMatch) {
      flush();
      if (clauseMatch) {
        clause = clauseMatch[1] as string;
        point = null;
      } else point = pointMatch?.[1] as string;
    }
    paragraph.push(line);
    // "./." closes a Vietnamese legal text: what follows is its signature.
    if (/\.\/\.\s*$/.test(line)) {
      flush();
      ended = true;
    }
  }
  flush();

  if (articles.length === 0) return { title, layout, url, documents: [] };
  if (documents.size === 0) {
    const meta = metadataOf(frontMatter, allLines.slice(0, Math.max(0, articles[0]?.order ?? 0)));
    const doc = plainDocument(meta, preamble, title);
    doc.articles = articles.map(finish);
    return { title, layout, url, documents: [doc] };
  }
  // Chapters are the Code's, which follow its main document, the one it opens with; others' articles get none.
  const main = articles.find((a) => a.documentKey !== null)?.documentKey ?? null;
  // An article whose source line is missing is filed, as the Code files it, after the article before it.
  let previousKey = main;
  for (const draft of articles) {
    draft.documentKey ??= previousKey;
    previousKey = draft.documentKey;
    const doc = draft.documentKey ? documents.get(draft.documentKey) : undefined;
    if (!doc) continue;
    const finished = finish(draft);
    if (draft.documentKey !== main) {
      finished.chapter = null;
      finished.section = null;
    }
    doc.articles.push(finished);
  }
  const ordered = [...documents.values()].filter((d) => d.articles.length > 0);
  // The main document keeps the Code's order (its chapters); another document's articles read in its own order.
  for (const [key, doc] of documents) if (key !== main) doc.articles.sort(byArticleNumber);
  return { title, layout, url, documents: ordered };
}

function finish(draft: Draft): LegalArticle {
  const { documentKey: _key, order: _order, ...article } = draft;
  // "Điều 1. Ban hành kèm theo Nghị định này Quy chế …": a plain article with nothing under its heading is all heading line, a sentence rather than a title.
  if (article.codeId === null && article.paragraphs.length === 0 && /\.$/.test(article.title)) {
    return { ...article, title: '', paragraphs: [{ text: article.title, clause: null, point: null }] };
  }
  return article;
}

// ---------------------------------------------------------------------------------------------
// Legal documents as corpus documents of kind `law`.

/** Official sources to cite: the Legal Code for texts taken from it, the Government's gazette otherwise. */
export const LEGAL_CODE_URL = 'https://phapdien.moj.gov.vn/';
export const GAZETTE_URL = 'https://vanban.chinhphu.vn/';

/** A name's first word in lower case after a kind ("Nghị quyết số 1187/NQ-UBTVQH14 hướng dẫn …"), unless it is an acronym. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}

/** The title a citation gives a document: "Luật Bầu cử đại biểu Quốc hội …", "Nghị quyết số 1187/NQ-UBTVQH14 hướng dẫn …". */
export function legalDocumentTitle(doc: LegalDocument, fallback: string | null = null): string {
  const kind = doc.kind ?? '';
  if (doc.name && (kind === 'Luật' || kind === 'Bộ luật')) return `${kind} ${doc.name}`;
  const numbered = [kind, doc.number ? `số ${doc.number}` : ''].filter(Boolean).join(' ');
  if (doc.name) return `${numbered} ${lowerFirst(doc.name)}`.trim();
  return fallback ?? (numbered || 'Văn bản pháp luật');
}

/** "dd/m/yyyy", the way the guide writes dates in force ("01/7/2025"). */
function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${Number(m)}/${y}`;
}

/** "Luật số 85/2015/QH13, sửa đổi, bổ sung bởi Luật số 83/2025/QH15 (hiệu lực từ 01/7/2025)"; null when never amended. */
export function legalVersion(doc: LegalDocument): string | null {
  if (doc.amendedBy.length === 0 || !doc.number) return null;
  const by = doc.amendedBy.map((a) => `${a.document}${a.inForceSince ? ` (hiệu lực từ ${shortDate(a.inForceSince)})` : ''}`).join(', ');
  return `${doc.kind ?? 'Văn bản'} số ${doc.number}, sửa đổi, bổ sung bởi ${by}`;
}

/**
 * The document's number as the corpus's `number` field holds it: bare ("85/2015/QH13") when the
 * number alone reads as the right kind of document, else with its kind ("Nghị quyết số 1186/2021/UBTVQH14").
 */
export function legalNumber(doc: LegalDocument): string | null {
  if (!doc.number) return null;
  const withKind = doc.kind ? findDocumentRefs(`${doc.kind} số ${doc.number}`) : [];
  const bare = findDocumentRefs(doc.number);
  if (bare.length === 1 && (withKind.length !== 1 || bare[0]?.kind === withKind[0]?.kind)) return doc.number;
  return withKind.length === 1 ? `${doc.kind} số ${doc.number}` : null;
}

/** A file name for the document: ASCII and stable, so importing the same text again replaces it. */
export function legalFileName(doc: LegalDocument, fallback: string): string {
  const words = doc.number ? `${doc.kind ?? ''} ${doc.number}` : fallback;
  return foldDiacritics(words).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'van-ban';
}

/**
 * The corpus body: "## Chương …" (and "## Mục …") headings, then "### Điều N. Title" and the
 * article's paragraphs verbatim, one per clause or point. A repealed article with no text left says so
 * in the words of its source line.
 */
export function legalBody(doc: LegalDocument): string {
  const out: string[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  for (const a of doc.articles) {
    if (a.chapter !== chapter) {
      chapter = a.chapter;
      section = null;
      if (chapter) out.push(`## ${chapter}`);
    }
    if (a.section !== section) {
      section = a.section;
      if (section) out.push(`## ${section}`);
    }
    out.push(`### Điều ${a.number}${a.title ? `. ${a.title}` : ''}`);
    for (const p of a.paragraphs) out.push(p.text);
    if (a.paragraphs.length === 0 && a.repealed && a.status) out.push(`(${a.status.charAt(0).toLocaleUpperCase('vi')}${a.status.slice(1)})`);
  }
  return out.join('\n\n');
}

/** Front matter for a legal document in the corpus (kind `law`); fields the text does not give are left out. */
export function legalFrontMatter(doc: LegalDocument, options: { url: string | null; fallbackTitle?: string | null }): Record<string, string> {
  const fields: Record<string, string | null> = {
    title: legalDocumentTitle(doc, options.fallbackTitle ?? null),
    kind: 'law',
    number: legalNumber(doc),
    issuer: doc.issuer,
    version: legalVersion(doc),
    date: doc.date,
    url: options.url,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0));
}

/** How many clauses an article has: numbered paragraphs, a repeated number counted each time it opens a clause. */
export function clauseCount(article: LegalArticle): number {
  return article.paragraphs.filter((p) => p.clause !== null && CLAUSE.test(p.text)).length;
}

/** A legal document ready for the corpus: where it goes, its file text, and what it holds. */
export interface LegalCorpusFile {
  /** Path below the corpus folder, e.g. "law/luat-85-2015-qh13.md". */
  file: string;
  source: string;
  document: LegalDocument;
  title: string;
  articles: number;
  clauses: number;
}

/**
 * Turns official legal text into corpus files of kind `law` under `folder`, one per document, each
 * validated exactly like any corpus file. Throws CorpusError (naming `name`) when the text holds no
 * article, or when the corpus's cleaning would change a word of it.
 */
export function legalCorpusFiles(name: string, text: string, options: { folder: string; url?: string; today?: Date }): LegalCorpusFile[] {
  const parsed = parseLegalText(text);
  if (parsed.documents.length === 0) {
    throw new CorpusError(name, 'text', 'holds no article (no "Điều N." heading before any "Danh sách điều khoản"); nothing was imported');
  }
  return parsed.documents.map((doc) => {
    // An untitled text is called by its kind and number, or failing those by its file's name.
    const fallbackTitle = parsed.title ?? (doc.number ? null : name.replace(/\.[^.]*$/, ''));
    // A Code topic is cited by the Code; any other text by its own page, never a site's front page: without one it has no link.
    const data = legalFrontMatter(doc, { url: options.url ?? parsed.url ?? (parsed.layout === 'code' ? LEGAL_CODE_URL : null), fallbackTitle });
    const body = legalBody(doc);
    const file = `${options.folder}/${legalFileName(doc, data.title ?? name)}.md`;
    const source = stringifyDocument(data, body);
    const { document } = parseDocument(file, source, options.today);
    // Quotes must be the law's words: the loader's cleaning may normalise tone marks but not drop or change text.
    if (document.body !== normalizeText(body)) throw new CorpusError(file, 'body', 'would be changed by the corpus cleaning rules; the law must be quoted verbatim');
    return { file, source, document: doc, title: document.title, articles: doc.articles.length, clauses: doc.articles.reduce((n, a) => n + clauseCount(a), 0) };
  });
}
