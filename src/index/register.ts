import type { Passage } from '../corpus/index.ts';
import { describeReference, findDocumentRefs } from '../text/identifiers.ts';
import { normalizeText } from '../text/normalize.ts';

/** One document the corpus refers to, e.g. Chỉ thị 03-CT/TU, with what the corpus says about it. */
export interface RegisterEntry {
  /** Exact key ("3-ct/tu"), or the short key ("ct 12") of a document only ever named by number. */
  key: string;
  shortKey: string;
  /** Canonical spelling: "03-CT/TU", or "Chỉ thị 12". */
  display: string;
  kind: string;
  issuer: string | null;
  date: string | null;
  subject: string | null;
  /** The passage that states the issuer, date or subject. */
  statedIn: number | null;
  /** Every passage that mentions it, in corpus order. */
  passages: number[];
}

function detailScore(e: Pick<RegisterEntry, 'issuer' | 'date' | 'subject'>): number {
  return (e.date ? 2 : 0) + (e.issuer ? 1 : 0) + (e.subject ? 1 : 0);
}

/**
 * Collects every document reference in the passages. A mention by number alone ("Chỉ thị 05 của
 * Bộ Chính trị") joins the one exact identifier with that kind and number when the issuers agree;
 * otherwise it stays an entry of its own, so numbers are never merged on a guess.
 */
export function buildRegister(passages: Passage[]): RegisterEntry[] {
  const entries = new Map<string, RegisterEntry>();
  const byNumberOnly: Array<{ entry: RegisterEntry }> = [];
  passages.forEach((passage, i) => {
    const text = normalizeText(passage.text);
    const refs = findDocumentRefs(text);
    refs.forEach((ref, j) => {
      const details = describeReference(text, ref, refs[j + 1]);
      const key = ref.key ?? ref.shortKey;
      let entry = entries.get(key);
      if (!entry) {
        entry = { key, shortKey: ref.shortKey, display: ref.display, kind: ref.kind, issuer: null, date: null, subject: null, statedIn: null, passages: [] };
        entries.set(key, entry);
        if (!ref.key) byNumberOnly.push({ entry });
      }
      if (entry.passages.at(-1) !== i) entry.passages.push(i);
      const found = { issuer: details.issuer ?? null, date: details.date ?? null, subject: details.subject ?? null };
      if (detailScore(found) > detailScore(entry)) Object.assign(entry, found, { statedIn: i });
    });
  });
  for (const { entry } of byNumberOnly) {
    const exact = [...entries.values()].filter((e) => e.key !== e.shortKey && e.shortKey === entry.shortKey);
    const [target] = exact;
    if (exact.length !== 1 || !target || (entry.issuer && target.issuer && entry.issuer !== target.issuer)) continue;
    target.passages = [...new Set([...target.passages, ...entry.passages])].sort((a, b) => a - b);
    entries.delete(entry.key);
  }
  return [...entries.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key, 'vi', { numeric: true }));
}
