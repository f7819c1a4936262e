import { normalizeText, wordCount } from '../text/normalize.ts';

// Lines that are page furniture on Vietnamese news sites, never content.
const FURNITURE_LINE =
  /^(phản hồi|chia sẻ( bài viết)?|bình luận|quảng cáo|không có quảng cáo|các tin khác|tin liên quan|tin cùng chuyên mục|bài viết liên quan|các ý kiến của bạn đọc|ý kiến bạn đọc|gửi bình luận|in bài( viết)?|lượt xem:?.*|số lần xem:?.*|xem thêm:?|tags?:.*|từ khóa:.*)$/iu;
const VIEW_COUNTER = /\[\s*cập nhật vào ngày[^\]]*\]\s*-?\s*(\[\s*số lần xem:?\s*\d[\d.,]*\s*\])?|\[\s*số lần xem:?\s*\d[\d.,]*\s*\]/giu;
const IMAGE_FILE = /^\S+\.(png|jpe?g|gif|webp|bmp)$/iu;
// "(Ảnh: Chí Quốc)", "Ảnh: H.Quốc" at the end of a caption.
const PHOTO_CREDIT = /(\(\s*ảnh\s*:[^)]*\)|ảnh\s*:\s*[\p{Lu}][\p{L}.\s-]{0,40})\s*$/iu;
// Furniture glued to the end of a real line, e.g. a byline followed by "Các ý kiến của bạn đọc".
const TRAILING_FURNITURE = /(các ý kiến của bạn đọc|chia sẻ bài viết|phản hồi|bình luận)\s*$/iu;

/** A short line of names without a full stop: "THANH HUYỀN", "Huyền Thu - Hồng Quốc", "Tin, ảnh: T.T - H.T". */
export function isByline(line: string): boolean {
  const t = normalizeText(line).replace(TRAILING_FURNITURE, '').trim();
  if (/^(tin|bài|ảnh|tin, ảnh|tin và ảnh|bài, ảnh)\s*:/iu.test(t)) return wordCount(t) <= 10;
  if (/[.!?…:;,]$/u.test(t) || wordCount(t) > 6 || wordCount(t) < 2) return false;
  return t.split(/\s*[-–]\s*|\s+/u).every((w) => /^[\p{Lu}][\p{L}.]*$/u.test(w));
}

function isCaption(paragraph: string): boolean {
  return PHOTO_CREDIT.test(paragraph) && wordCount(paragraph) <= 40;
}

/**
 * Cleans a document body: furniture, counters, image names and captions out, repeated
 * paragraphs once (unless `keepRepeats`), text normalised. Safe on clean Markdown, so it runs on every document.
 */
export function cleanBody(body: string, options: { keepRepeats?: boolean } = {}): string {
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  for (const block of normalizeText(body).replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.replace(VIEW_COUNTER, '').replace(TRAILING_FURNITURE, '').replace(/[ \t\u00a0]+/g, ' ').trim())
      .filter((line) => line.length > 0 && !FURNITURE_LINE.test(line) && !IMAGE_FILE.test(line) && !isCaption(line));
    const paragraph = lines.join('\n');
    if (!paragraph) continue;
    const key = paragraph.toLowerCase();
    // A law repeats itself on purpose ("e) Số phiếu không hợp lệ;" in several records); news sites repeat by accident.
    if (seen.has(key) && !paragraph.startsWith('#') && !options.keepRepeats) continue;
    seen.add(key);
    paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n');
}
