import type { Answer, Citation } from './compose.ts';
import { formatDate } from './compose.ts';
import { TEMPLATES } from './templates.ts';

export const TELEGRAM_MESSAGE_LIMIT = 4096;

function sourceLine(c: Citation, answer: Answer): string[] {
  const t = TEMPLATES[answer.language];
  const origin = [c.article, c.issuer, c.publisher].filter(Boolean).join(' · ');
  const parts = [`[${c.n}] ${c.title}`, `${t.kind[c.kind] ?? c.kind}${origin ? `, ${origin}` : ''}, ${formatDate(c.date, answer.language)}`];
  return c.url ? [...parts, c.url] : parts;
}

function cardLines(answer: Answer): string[] {
  const t = TEMPLATES[answer.language];
  return answer.cards.map((card) => `${t.card({ ...card, date: card.date ? formatDate(card.date, answer.language) : null })}${card.n ? ` [${card.n}]` : ''}`);
}

/** Plain text for terminals and the JSON `text` field. */
export function renderText(answer: Answer): string {
  const lines = [answer.lead];
  if (answer.cards.length > 0) lines.push('', ...cardLines(answer));
  if (answer.quotes.length > 0) lines.push('');
  for (const q of answer.quotes) lines.push(`[${q.n}] «${q.text}»`);
  if (answer.notice) lines.push('', answer.notice);
  if (answer.citations.length > 0) {
    lines.push('', TEMPLATES[answer.language].sourcesHeading);
    for (const c of answer.citations) lines.push(sourceLine(c, answer).join(' — '));
  }
  if (answer.suggestions.length > 0) lines.push('', ...answer.suggestions);
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function emphasise(text: string, highlights: string[]): string {
  if (highlights.length === 0) return escapeHtml(text);
  const words = new Set(highlights.map((h) => h.toLowerCase()));
  // Split on word boundaries so markup is only ever added around whole escaped words.
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part) => (words.has(part.toLowerCase()) ? `<b>${escapeHtml(part)}</b>` : escapeHtml(part)))
    .join('');
}

/** Cuts text into messages under `limit` characters at line breaks (and, for a giant line, at spaces). */
export function splitMessage(text: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) messages.push(current.trimEnd());
    current = '';
  };
  for (const line of text.split('\n')) {
    const pieces = line.length < limit ? [line] : (line.match(new RegExp(`[^]{1,${limit - 1}}(?=\\s|$)|[^]{1,${limit - 1}}`, 'g')) ?? []);
    for (const piece of pieces) {
      if (current.length + piece.length + 1 >= limit) flush();
      current += `${piece}\n`;
    }
  }
  flush();
  return messages;
}

/** Telegram HTML for `parse_mode: 'HTML'`: escaped, tags closed on every line, split under 4,096 characters. */
export function renderTelegramHtml(answer: Answer, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const lines = [`<b>${escapeHtml(answer.lead)}</b>`];
  if (answer.cards.length > 0) lines.push('', ...cardLines(answer).map(escapeHtml));
  if (answer.quotes.length > 0) lines.push('');
  for (const q of answer.quotes) lines.push(`<b>[${q.n}]</b> «${emphasise(q.text, q.highlights)}»`);
  if (answer.notice) lines.push('', `<i>${escapeHtml(answer.notice)}</i>`);
  if (answer.citations.length > 0) {
    lines.push('', `<b>${escapeHtml(TEMPLATES[answer.language].sourcesHeading)}</b>`);
    for (const c of answer.citations) {
      const [title, meta, url] = sourceLine(c, answer);
      const titleHtml = url ? `<a href="${escapeHtml(url).replace(/"/g, '&quot;')}">${escapeHtml(title ?? '')}</a>` : escapeHtml(title ?? '');
      lines.push(`${titleHtml} — ${escapeHtml(meta ?? '')}`);
    }
  }
  if (answer.suggestions.length > 0) lines.push('', ...answer.suggestions.map(escapeHtml));
  return splitMessage(lines.join('\n'), limit);
}
