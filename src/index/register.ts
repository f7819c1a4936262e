import type { CorpusDocument, Passage } from '../corpus/index.ts';
import { describeReference, findDocumentRefs, isNationalKey, type DocumentRef } from '../text/identifiers.ts';
import { normalizeText } from '../text/normalize.ts';
import { findPlaces } from '../text/places.ts';

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
  /** Province the issuer belongs to, when the issuer is local ("Ban Thường vụ Tỉnh ủy" of a Lạng Sơn article). */
  place: string | null;
  /** The passage that states the issuer, date or subject. */
  statedIn: number | null;
  /** Id of the corpus document that is this document itself, when the corpus holds its text. */
  document: string | null;
  /** Every passage that mentions it (or belongs to it), in corpus order. */
  passages: number[];
}

/** What the register needs to know of each document: its identity fields. */
export type RegisterDocument = Pick<CorpusDocument, 'id' | 'title' | 'kind' | 'issuer' | 'date' | 'place'> & { number?: string };

/** Two lists of passage positions as one, in corpus order. */
const mergePassages = (a: number[], b: number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);

function detailScore(e: Pick<RegisterEntry, 'issuer' | 'date' | 'subject'>): number {
  return (e.date ? 2 : 0) + (e.issuer ? 1 : 0) + (e.subject ? 1 : 0);
}

/**
 * The number a document carries itself: its `number` field, else a reference that opens its title
 * ("Chỉ thị 07-CT/TU về …") when it is a law or directive; a news title that merely names one is not it.
 */
export function ownReference(doc: RegisterDocument): DocumentRef | null {
  if (doc.number) return findDocumentRefs(`${doc.number}`)[0] ?? null;
  if (doc.kind !== 'law' && doc.kind !== 'directive') return null;
  const title = normalizeText(doc.title);
  const [first] = findDocumentRefs(title);
  // The reference may follow its kind word ("Chỉ thị số 07-CT/TU"), but nothing else.
  return first && /^[\p{L}\s]{0,24}$/u.test(title.slice(0, first.start)) ? first : null;
}

const emptyEntry = (ref: DocumentRef): RegisterEntry => ({
  key: ref.key ?? ref.shortKey,
  shortKey: ref.shortKey,
  display: ref.display,
  kind: ref.kind,
  issuer: null,
  date: null,
  subject: null,
  place: null,
  statedIn: null,
  document: null,
  passages: [],
});

/**
 * Collects every document reference in the passages, and each document's own number. A document's
 * front matter is the authority on its own issuer and date; otherwise the passage that says most
 * about a reference does. A mention by number alone ("Chỉ thị 05 của Bộ Chính trị") joins the one
 * exact identifier with that kind and number when the issuers agree; otherwise it stays an entry of
 * its own, so numbers are never merged on a guess.
 */
export function buildRegister(passages: Passage[], documents: RegisterDocument[] = []): RegisterEntry[] {
  const entries = new Map<string, RegisterEntry>();
  const byNumberOnly: RegisterEntry[] = [];
  const placeOf = new Map(documents.map((d) => [d.id, d.place ?? null]));
  const passagesOf = new Map<string, number[]>();
  passages.forEach((p, i) => {
    const own = passagesOf.get(p.docId);
    if (own) own.push(i);
    else passagesOf.set(p.docId, [i]);
  });
  // A local number (03-CT/TU) is one document per province: its entry is keyed by number and place.
  const entryFor = (ref: DocumentRef, place: string | null) => {
    const key = ref.key ?? ref.shortKey;
    const scope = ref.key && !isNationalKey(ref.key) ? (place ?? '') : '';
    let entry = entries.get(`${key}@${scope}`);
    if (!entry) {
      entry = { ...emptyEntry(ref), place: scope || null };
      entries.set(`${key}@${scope}`, entry);
      if (!ref.key) byNumberOnly.push(entry);
    }
    return entry;
  };
  passages.forEach((passage, i) => {
    const text = normalizeText(passage.text);
    const refs = findDocumentRefs(text, { strict: true });
    refs.forEach((ref, j) => {
      const entry = entryFor(ref, placeOf.get(passage.docId) ?? null);
      if (entry.passages.at(-1) !== i) entry.passages.push(i);
      if (entry.document) return;
      const details = describeReference(text, ref, refs[j + 1]);
      const found = { issuer: details.issuer ?? null, date: details.date ?? null, subject: details.subject ?? null };
      if (detailScore(found) > detailScore(entry)) Object.assign(entry, found, { statedIn: i, place: entry.place ?? placeOf.get(passage.docId) ?? null });
    });
  });
  for (const doc of documents) {
    const ref = ownReference(doc);
    if (!ref) continue;
    const entry = entryFor(ref, doc.place ?? null);
    const own = passagesOf.get(doc.id) ?? [];
    const title = normalizeText(doc.title);
    const titleRef = findDocumentRefs(title).find((r) => (r.key ?? r.shortKey) === entry.key);
    Object.assign(entry, {
      issuer: doc.issuer ?? entry.issuer,
      date: doc.date ?? entry.date,
      subject: (titleRef && describeReference(title, titleRef).subject) ?? entry.subject,
      place: doc.place ?? null,
      statedIn: own[0] ?? entry.statedIn,
      document: doc.id,
      passages: mergePassages(entry.passages, own),
    });
  }
  // A local number mentioned where no province is known joins the one province that holds that number.
  const scopedByKey = new Map<string, RegisterEntry[]>();
  for (const e of entries.values()) if (e.place) scopedByKey.set(e.key, [...(scopedByKey.get(e.key) ?? []), e]);
  for (const [id, entry] of entries) {
    if (entry.place || entry.key === entry.shortKey || isNationalKey(entry.key)) continue;
    const scoped = scopedByKey.get(entry.key) ?? [];
    const [target] = scoped;
    const elsewhere = findPlaces(entry.issuer ?? '').some((p) => p !== target?.place);
    if (scoped.length !== 1 || !target || elsewhere) continue;
    target.passages = mergePassages(target.passages, entry.passages);
    entries.delete(id);
  }
  for (const entry of byNumberOnly) {
    const exact = [...entries.values()].filter((e) => e.key !== e.shortKey && e.shortKey === entry.shortKey);
    const [target] = exact;
    if (exact.length !== 1 || !target || (entry.issuer && target.issuer && entry.issuer !== target.issuer)) continue;
    target.passages = mergePassages(target.passages, entry.passages);
    entries.delete(`${entry.key}@`);
  }
  return [...entries.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key, 'vi', { numeric: true }));
}
