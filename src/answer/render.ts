import { FormattedString } from '@grammyjs/parse-mode';
import type { Answer } from './compose.ts';
import { formatDate } from './compose.ts';
import { TEMPLATES } from './templates.ts';

export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** A run of text with at most one style: what both renderings are built from, so they never drift apart. */
export interface Span {
  text: string;
  style?: 'bold' | 'italic';
  url?: string;
}

export type Line = Span[];

const plain = (text: string): Span => ({ text });
const bold = (text: string): Span => ({ text, style: 'bold' });

/** Cuts a quote into plain runs and bold runs for the whole words that answer the question. */
export function emphasise(text: string, highlights: string[]): Span[] {
  if (highlights.length === 0) return [plain(text)];
  const alternatives = [...highlights].sort((a, b) => b.length - a.length).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > from) spans.push(plain(text.slice(from, m.index)));
    spans.push(bold(m[0]));
    from = m.index + m[0].length;
  }
  if (from < text.length) spans.push(plain(text.slice(from)));
  return spans;
}

/**
 * The answer as lines: the answer first (heading, cards, quotes), then the notice, then one source
 * line per document with the numbers of its quotes, the law version once, and suggestions.
 */
export function answerLines(answer: Answer): Line[] {
  const t = TEMPLATES[answer.language];
  const lines: Line[] = [[bold(answer.lead)]];
  for (const card of answer.cards) {
    lines.push([plain(`${t.card({ ...card, date: card.date ? formatDate(card.date, answer.language) : null })}${card.n ? ` [${card.n}]` : ''}`)]);
  }
  if (answer.quotes.length > 0) lines.push([]);
  for (const q of answer.quotes) {
    const basis = q.basis ? [plain(`${t.basis}: ${q.basis} `)] : [];
    lines.push([...basis, bold(`[${q.n}]`), plain(' «'), ...emphasise(q.text, q.highlights), plain('»')]);
  }
  if (answer.notice) lines.push([], [{ text: answer.notice, style: 'italic' }]);
  if (answer.sources.length > 0) {
    lines.push([], [bold(t.sourcesHeading)]);
    for (const s of answer.sources) {
      const title: Span = s.url ? { text: s.title, url: s.url } : plain(s.title);
      lines.push([plain(`[${s.numbers.join(', ')}] `), title, plain(` — ${s.details}`)]);
    }
    if (answer.lawVersion) lines.push([{ text: t.lawVersion(answer.lawVersion), style: 'italic' }]);
  }
  if (answer.topics.length > 0) lines.push(...answer.topics.map((topic, i) => [plain(`${i + 1}. ${topic.label}`)]));
  if (answer.suggestions.length > 0) lines.push([], ...answer.suggestions.map((s) => [plain(s)]));
  return lines;
}

/** Plain text for terminals and the JSON `text` field; links follow their title. */
export function renderText(answer: Answer): string {
  return answerLines(answer)
    .map((line) => line.map((span) => (span.url ? `${span.text} (${span.url})` : span.text)).join(''))
    .join('\n');
}

function formatted(span: Span): FormattedString {
  if (span.url) return FormattedString.link(span.text, span.url);
  if (span.style === 'bold') return FormattedString.bold(span.text);
  if (span.style === 'italic') return FormattedString.italic(span.text);
  return new FormattedString(span.text);
}

/**
 * Telegram messages with formatting as entities (no markup to escape), cut at line breaks into
 * messages under `limit` UTF-16 units; a line longer than that is cut at spaces.
 */
export function toTelegramMessages(lines: Line[], limit = TELEGRAM_MESSAGE_LIMIT): FormattedString[] {
  const messages: FormattedString[] = [];
  let current: FormattedString[] = [];
  let length = 0;
  const flush = () => {
    if (current.length > 0 && current.some((l) => l.text.trim())) messages.push(FormattedString.join(current, '\n'));
    current = [];
    length = 0;
  };
  for (const line of lines) {
    let rest = FormattedString.join(line.map(formatted));
    while (rest.text.length >= limit) {
      const cut = rest.text.lastIndexOf(' ', limit - 1);
      const at = cut > 0 ? cut : limit - 1;
      flush();
      messages.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    if (length + rest.text.length + 1 >= limit) flush();
    current.push(rest);
    length += rest.text.length + 1;
  }
  flush();
  return messages;
}

export function renderTelegram(answer: Answer, limit = TELEGRAM_MESSAGE_LIMIT): FormattedString[] {
  return toTelegramMessages(answerLines(answer), limit);
}
