import type { CorpusIndex, DocumentMeta, RegisterEntry } from '../index/index.ts';
import { ownReference } from '../index/register.ts';
import { foldedWords } from '../text/normalize.ts';

/** What the search stage knows of each document as a whole, computed once per index. */
export interface DocumentStats {
  /** Documents that are a second copy of another (same number, same passages): their passages are never cited. */
  copies: Set<string>;
  /** How many passages of the corpus's own explanations (guides, news, directives: not laws) cite each document by number. */
  citedByGuides: Map<string, number>;
  /** Whether a passage belongs to a law document: citations from anything else are the corpus's own voice. */
  inLaw: (passage: number) => boolean;
  /** The law documents whose title is the law a word pair names ("dat_dai": Luật Đất đai), worked out once per pair. */
  lawsNamed: (pair: string) => Set<string>;
}

const statsByIndex = new WeakMap<CorpusIndex, DocumentStats>();

export function documentStats(index: CorpusIndex): DocumentStats {
  let stats = statsByIndex.get(index);
  if (!stats) {
    const passagesOf = new Map<string, number[]>();
    for (let i = 0; i < index.passageCount; i++) {
      const docId = index.documentOf(i)?.id ?? '';
      const own = passagesOf.get(docId);
      if (own) own.push(i);
      else passagesOf.set(docId, [i]);
    }
    const text = (id: string) => (passagesOf.get(id) ?? []).map((i) => index.passage(i)?.text ?? '');
    const inLaw = (i: number) => index.documentOf(i)?.kind === 'law';
    const citedByGuides = new Map<string, number>();
    for (const entry of index.register) {
      if (!entry.document) continue;
      const citing = entry.passages.filter((i) => !inLaw(i)).length;
      citedByGuides.set(entry.document, (citedByGuides.get(entry.document) ?? 0) + citing);
    }
    const lawTitles = index.documents.filter((d) => d.kind === 'law').map((d) => ({ id: d.id, folded: foldedWords(d.title).trim() }));
    const named = new Map<string, Set<string>>();
    const lawsNamed = (pair: string) => {
      let ids = named.get(pair);
      if (!ids) named.set(pair, (ids = new Set(lawTitles.filter((t) => titleNamesLaw(t.folded, pair)).map((t) => t.id))));
      return ids;
    };
    stats = { copies: duplicateCopies(index.documents, text), citedByGuides, inLaw, lawsNamed };
    statsByIndex.set(index, stats);
  }
  return stats;
}

/** Whether a law's title is that law ("Luật Bầu cử đại biểu…", "Bộ luật Lao động"), not a decree that names it ("Nghị định … hướng dẫn Luật Đất đai"). */
export function isNamedLaw(title: string, pair: string): boolean {
  return titleNamesLaw(foldedWords(title).trim(), pair);
}

function titleNamesLaw(foldedTitle: string, pair: string): boolean {
  // Imported titles may repeat the kind word: "Bộ luật Bộ Luật lao động", "Luật Luật Thủy lợi".
  return new RegExp(`^(?:(?:bo )?luat )+${pair.replace('_', ' ')}(?: |$)`).test(foldedTitle);
}

/** Whether a document is filed in the folder named after its kind ("law/…"), as the corpus's own documents are. */
const filedByKind = (doc: DocumentMeta) => doc.id.startsWith(`${doc.kind}/`);

/**
 * A law imported twice (the shipped copy and the one in a bulk import) is one document: of copies
 * with the same number and the same passages, the one filed under its kind's folder is kept (then the
 * shortest id), and the others are reported as copies. Documents that merely share a number are not.
 */
export function duplicateCopies(documents: DocumentMeta[], passageTexts: (id: string) => string[]): Set<string> {
  const byNumber = new Map<string, DocumentMeta[]>();
  for (const doc of documents) {
    const ref = ownReference(doc);
    if (!ref) continue;
    const key = ref.key ?? ref.shortKey;
    const group = byNumber.get(key);
    if (group) group.push(doc);
    else byNumber.set(key, [doc]);
  }
  const copies = new Set<string>();
  for (const group of byNumber.values()) {
    if (group.length < 2) continue;
    const ranked = [...group].sort((a, b) => Number(filedByKind(b)) - Number(filedByKind(a)) || a.id.length - b.id.length || a.id.localeCompare(b.id));
    const kept: Array<{ doc: DocumentMeta; texts: string[] }> = [];
    for (const doc of ranked) {
      const texts = passageTexts(doc.id);
      const same = kept.some((k) => k.texts.length === texts.length && k.texts.every((t, i) => t === texts[i]));
      if (same) copies.add(doc.id);
      else kept.push({ doc, texts });
    }
  }
  return copies;
}

/**
 * "Nghị quyết 02" typed without year or issuer may mean any of several documents: the ones the
 * corpus's guides and news mention are meant before those only laws cite or that merely sit in an
 * imported collection. All of them when none is mentioned so.
 */
export function preferMentioned(entries: RegisterEntry[], inLaw: (passage: number) => boolean): RegisterEntry[] {
  const mentioned = entries.filter((e) => e.passages.some((i) => !inLaw(i)));
  return mentioned.length > 0 ? mentioned : entries;
}
