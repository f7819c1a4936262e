import { foldDiacritics } from './normalize.ts';

// Words that make a clause a question wherever they stand ("ở đâu", "bao nhiêu", "thế nào"), folded.
const QUESTION_WORDS = new Set(['gi', 'nao', 'dau', 'sao', 'may', 'bao', 'chang', 'khong', 'chua']);
// Phrases of the same kind, folded and space-joined.
const QUESTION_PHRASES = ['the nao', 'ra sao', 'lam sao', 'tai sao', 'vi sao', 'duoc khong', 'co phai'];
// Particles a question may end with after its last question word ("… được không vậy", "… không ạ").
const TRAILING = new Set(['vay', 'a', 'ha', 'nhi', 'nha', 'nhe', 'ban', 'ad', 'admin', 'mn', 'ae', 'z', 'zay', 'the', 'day', 'oi', 'bot']);

const MIN_CLAUSE_WORDS = 3;

export interface Clause {
  /** Where it starts in the text, and its text. */
  start: number;
  text: string;
  /** It holds the question (a question word or mark); other clauses tell the asker's situation. */
  asking: boolean;
}

const isAsking = (text: string): boolean => {
  if (/\?\s*$/.test(text)) return true;
  const words = foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  while (words.length > 1 && TRAILING.has(words.at(-1) as string)) words.pop();
  const joined = ` ${words.join(' ')} `;
  // "không" and "chưa" ask only at the end ("đi bầu được không"); inside a clause they negate ("không có thẻ").
  const last = words.at(-1) ?? '';
  return (
    last === 'khong' ||
    last === 'chua' ||
    words.some((w) => QUESTION_WORDS.has(w) && w !== 'khong' && w !== 'chua') ||
    // "ai phát", "gửi cho ai" ask; "ai cũng" (everyone) does not.
    words.some((w, i) => w === 'ai' && words[i + 1] !== 'cung') ||
    QUESTION_PHRASES.some((p) => joined.includes(` ${p} `))
  );
};

/**
 * Splits a question at commas, semicolons and sentence ends into clauses, and tells which ask:
 * "bà nội em 85 tuổi, bị liệt, hôm đó có ai mang hòm phiếu tới nhà không" asks only in its last.
 * When no clause asks (or one clause only), every clause counts as asking.
 */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let pending: { start: number; text: string } | null = null;
  for (const m of text.matchAll(/[^,;.!?\n]+[,;.!?\n]*/gu)) {
    if (!/[\p{L}\p{N}]/u.test(m[0])) continue;
    const part: { start: number; text: string } = pending ? { start: pending.start, text: pending.text + m[0] } : { start: m.index ?? 0, text: m[0] };
    // A list of words ("Khiếu nại, tố cáo về …") is no clause: a part under three words joins the next.
    if ((part.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_CLAUSE_WORDS) {
      pending = part;
      continue;
    }
    pending = null;
    clauses.push({ ...part, asking: isAsking(part.text) });
  }
  if (pending) clauses.push({ ...pending, asking: isAsking(pending.text) });
  if (!clauses.some((c) => c.asking && /[\p{L}\p{N}]{2,}/u.test(c.text))) return clauses.map((c) => ({ ...c, asking: true }));
  return clauses;
}
