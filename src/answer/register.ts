import type { CorpusIndex, RegisterEntry } from '../index/index.ts';
import type { Language } from '../search/index.ts';
import { KIND_NAMES } from '../text/identifiers.ts';
import { entryLabel, formatDate, localIssuer } from './compose.ts';

export interface RegisterItem {
  reference: string;
  kind: string;
  issuer: string | null;
  date: string | null;
  subject: string | null;
  mentions: Array<{ docId: string; title: string; passageId: string }>;
}

/** The directive register as plain data: one item per document the corpus refers to. */
export function registerItems(index: CorpusIndex, language: Language = 'vi'): RegisterItem[] {
  return index.register.map((entry: RegisterEntry) => {
    return {
      reference: entryLabel(entry, language),
      kind: KIND_NAMES[entry.kind]?.[language] ?? entry.kind,
      issuer: localIssuer(entry.issuer, entry.place ?? undefined),
      date: entry.date,
      subject: entry.subject,
      mentions: entry.passages.map((i) => {
        const passage = index.passage(i);
        return { docId: passage?.docId ?? '', title: index.document(passage?.docId ?? '')?.title ?? '', passageId: passage?.id ?? '' };
      }),
    };
  });
}

/** One line per register item, for terminals. */
export function renderRegisterText(items: RegisterItem[], language: Language = 'vi'): string {
  const passages = language === 'en' ? 'passage(s)' : 'đoạn';
  return items
    .map((item) => {
      const facts = [item.issuer, item.date ? formatDate(item.date, language) : null, item.subject].filter(Boolean).join(' · ');
      const docs = new Set(item.mentions.map((m) => m.docId)).size;
      return `${item.reference}${facts ? ` — ${facts}` : ''} (${item.mentions.length} ${passages}, ${docs} ${language === 'en' ? 'document(s)' : 'tài liệu'})`;
    })
    .join('\n');
}
