import { normalizeText, wordCount } from '../text/normalize.ts';
import { findPlaces } from '../text/places.ts';
import { cleanBody, isByline } from './clean.ts';

/** What a pasted news article yields: metadata found in its text and a Markdown body. */
export interface ParsedArticle {
  title: string;
  date?: string;
  place?: string;
  publisher?: string;
  body: string;
}

// Source codes that Vietnamese papers put before the lead: "(LSO) –", "BDK -".
const PUBLISHER_CODES: Record<string, string> = {
  LSO: 'Báo Lạng Sơn',
  BDK: 'Báo Đồng Khởi',
  BLO: 'Báo Bạc Liêu',
  HGO: 'Báo Hậu Giang',
  TTXVN: 'Thông tấn xã Việt Nam',
  VNA: 'Thông tấn xã Việt Nam',
  QĐND: 'Báo Quân đội nhân dân',
  ND: 'Báo Nhân Dân',
  CPV: 'Báo điện tử Đảng Cộng sản Việt Nam',
};
const LEAD_CODE = /^\(?([A-ZĐ]{2,6})\)?\s*[–—-]\s*/u;
const FULL_DATE = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/;
const DATE_LINE = /^(thứ\s+\S+|chủ nhật)?,?\s*\d{1,2}\/\d{1,2}\/\d{4}(\s*[-–]\s*\d{1,2}:\d{2})?$/iu;
const COUNTER_LINE = /^\[\s*cập nhật/iu;
const TODAY_MENTION = /(?:sáng|chiều|tối|trưa|hôm) nay \((\d{1,2})\/(\d{1,2})\)/iu;
const END_MARKER = /\s*\.?\/\.\s*$/u;
const CAPTION_START = /^(quang cảnh|toàn cảnh|các đại biểu (dự|tham dự)|đại biểu (dự|tham dự))\b/iu;
const CAPTION_SPEECH = /(phát biểu|trao|tặng|chúc mừng|thăm)[^.]{0,80}(hội nghị|buổi làm việc|lễ)\.?$/iu;

const iso = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

function isSectionLabel(line: string, next: string | undefined): boolean {
  const short = wordCount(line) <= 4 && !/[.!?]$/.test(line);
  const upper = line === line.toUpperCase() && /\p{Lu}/u.test(line);
  return (short || upper) && next !== undefined && wordCount(next) > wordCount(line);
}

function isCaptionLine(line: string): boolean {
  const words = wordCount(line);
  if (words > 40) return false;
  if (CAPTION_START.test(line) && words <= 12) return true;
  if (CAPTION_SPEECH.test(line) && words <= 30 && !line.includes(':')) return true;
  // An unpunctuated line too long to be a heading describes a photo.
  return !/[.!?:;…"”]$/u.test(line) && words > 10;
}

/**
 * Parses a news article pasted as plain text: header lines (section label, title, date,
 * counters) become metadata, page furniture and photo captions go, short unpunctuated lines
 * become `##` headings, and everything after the byline (related links) is dropped.
 */
export function parseArticle(raw: string): ParsedArticle {
  const lines = normalizeText(raw)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l.length > 0);

  let date: string | undefined;
  let title: string | undefined;
  const header: string[] = [];
  while (lines.length > 0 && title === undefined) {
    const line = lines.shift() as string;
    if (DATE_LINE.test(line) || COUNTER_LINE.test(line)) {
      header.push(line);
      continue;
    }
    if (isSectionLabel(line, lines[0])) continue;
    title = line;
  }
  // Date lines and counters may also follow the title.
  while (lines.length > 0 && (DATE_LINE.test(lines[0] as string) || COUNTER_LINE.test(lines[0] as string))) {
    header.push(lines.shift() as string);
  }
  const headerDate = header.join(' ').match(FULL_DATE);
  if (headerDate) date = iso(headerDate[1] as string, headerDate[2] as string, headerDate[3] as string);

  let publisher: string | undefined;
  const body: string[] = [];
  for (const [i, original] of lines.entries()) {
    let line = original;
    if (body.length === 0) {
      const code = line.match(LEAD_CODE);
      if (code && PUBLISHER_CODES[code[1] as string]) {
        publisher = PUBLISHER_CODES[code[1] as string];
        line = line.slice(code[0].length);
      }
      const today = line.match(TODAY_MENTION);
      // A page header may carry the day it was read; the lead's "chiều nay (6/2)" is when it happened.
      if (today && date) date = iso(today[1] as string, today[2] as string, date.slice(0, 4));
    }
    // A byline followed only by a list (related links) or furniture ends the article.
    const rest = lines.slice(i + 1);
    if (isByline(line) && body.length > 0 && rest.every((l) => /^[-•*]\s/u.test(l) || !cleanBody(l))) break;
    const cleaned = cleanBody(line.replace(END_MARKER, '.'));
    if (!cleaned) continue;
    if (isCaptionLine(cleaned) && i < lines.length - 1) continue;
    const heading = wordCount(cleaned) <= 10 && !/[.!?:;…"”]$/u.test(cleaned);
    body.push(heading ? `## ${cleaned}` : cleaned);
  }

  const text = cleanBody(body.join('\n\n'));
  const place = findPlaces(`${title ?? ''}\n${text}`)[0];
  return { title: title ?? '', date, place, publisher, body: text };
}
