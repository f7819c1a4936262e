import { z } from 'zod';
import { findDocumentRefs } from '../text/identifiers.ts';

export const DOCUMENT_KINDS = ['law', 'directive', 'guidance', 'news'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a YAML value is, in words an admin recognises: "the number 2021", "a list". */
function describeValue(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a group of fields';
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return `the yes/no value ${input}`;
  return `the value ${String(input)}`;
}

/** The message for a value of the wrong type, so zod's "expected string, received number" never reaches an admin. */
function wrongType(expected: string, quoteHint: boolean, required = false) {
  return (issue: { input?: unknown }): string => {
    const { input } = issue;
    if (input === undefined) return `is missing; it must be ${expected}`;
    if (input === null) return `is empty; write ${expected} after the colon${required ? '' : ', or remove the line'}`;
    const scalar = typeof input === 'number' || typeof input === 'boolean';
    const hint = quoteHint && scalar ? ` (put it in quotes, "${String(input)}", if that is the text you mean)` : '';
    return `must be ${expected}, not ${describeValue(input)}${hint}`;
  };
}

// "unknown" says on purpose that the source gives no date.
const isoDate = z
  .string({ error: wrongType('an ISO date like 2021-02-06', false) })
  .regex(/^(?:\d{4}-\d{2}-\d{2}|unknown)$/, 'must be an ISO date like 2021-02-06 (or "unknown" when the source gives none)')
  // Date would silently turn 2021-02-30 into 2021-03-02; a round trip catches it.
  .refine((s) => s === 'unknown' || (!Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s)), 'is not a real calendar date');

const text = z.string({ error: wrongType('text', true) }).trim().min(1, 'must not be empty');
const requiredText = z.string({ error: wrongType('text', true, true) }).trim().min(1, 'must not be empty');

/** Vietnam elects every 5 years; a date further ahead than the next election is a typo. */
export const MAX_YEARS_AHEAD = 5;

/** The latest document date accepted on `today` (ISO, UTC): MAX_YEARS_AHEAD years later. */
export function latestDocumentDate(today: Date): string {
  const limit = new Date(today.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS_AHEAD);
  return limit.toISOString().slice(0, 10);
}

export const frontMatterSchema = z
  .object({
    title: requiredText,
    kind: z.enum(DOCUMENT_KINDS, {
      error: (issue) => (issue.input === undefined ? 'is missing; it must be ' : 'must be ') + `one of: ${DOCUMENT_KINDS.join(', ')}`,
    }),
    issuer: text.optional(),
    publisher: text.optional(),
    place: text.optional(),
    /** The document's own number when its title does not open with it, e.g. "07-CT/TU" or "Luật số 85/2015/QH13". */
    number: text
      .refine((v) => findDocumentRefs(v).length === 1, 'must be one document number such as 07-CT/TU, 03/CT-UBND or 85/2015/QH13')
      .optional(),
    /** Which version of a law the document describes, e.g. "Luật số 85/2015/QH13, sửa đổi bởi Luật số 83/2025/QH15". */
    version: text.optional(),
    date: isoDate.optional(),
    url: z
      .url({ protocol: /^https?$/, error: (issue) => (typeof issue.input === 'string' ? 'must be an http(s) link' : wrongType('an http(s) link', false)(issue)) })
      .optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface CorpusDocument extends FrontMatter {
  /** Path below the corpus folder without ".md", e.g. "news/lang-son-2021-02-06". */
  id: string;
  /** Markdown body, cleaned and normalised. */
  body: string;
}

export interface Passage {
  /** `${docId}#${position}` */
  id: string;
  docId: string;
  /** Nearest heading above the passage, or null before the first heading. */
  section: string | null;
  /** 0-based order of the passage within its document. */
  position: number;
  text: string;
  /** Where a passage of a `law` document sits: its article, the clause (null for the article's own text), title and chapter. */
  law?: PassageLaw;
}

/** A law passage's place in the law, e.g. article "69", clause "4", title "Nguyên tắc bỏ phiếu", chapter "Chương VII. …". */
export interface PassageLaw {
  /** The article's number as the law gives it: "69", "11a". */
  article: string;
  /** The clause number ("4"), or null when the passage is the whole article or its text outside numbered clauses. */
  clause: string | null;
  title: string;
  chapter: string | null;
}
