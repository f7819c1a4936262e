import { z } from 'zod';

export const DOCUMENT_KINDS = ['law', 'directive', 'guidance', 'news'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const isoDate = z
  .string({ error: 'must be an ISO date like 2021-02-06' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date like 2021-02-06')
  // Date would silently turn 2021-02-30 into 2021-03-02; a round trip catches it.
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'is not a real calendar date');

const text = z.string().trim().min(1, 'must not be empty');

export const frontMatterSchema = z
  .object({
    title: text,
    kind: z.enum(DOCUMENT_KINDS, { error: `must be one of: ${DOCUMENT_KINDS.join(', ')}` }),
    issuer: text.optional(),
    publisher: text.optional(),
    place: text.optional(),
    /** Which version of a law the document describes, e.g. "Luật số 85/2015/QH13, sửa đổi bởi Luật số 83/2025/QH15". */
    version: text.optional(),
    date: isoDate.optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).optional(),
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
}
