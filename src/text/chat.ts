import { foldDiacritics, hasDiacritics, partOfCode } from './normalize.ts';
import { isSyllable } from './spelling.ts';
import { isStopword } from './terms.ts';

// Chat Vietnamese: the abbreviations people type on phones, each for one word or phrase. Only
// unambiguous ones: "b" (bạn / bị), "v" (vậy / về), "nc" (nước / nói chuyện) are left alone.
const CHAT_WORDS: Record<string, string> = {
  ko: 'không',
  k: 'không',
  kh: 'không',
  kg: 'không',
  hok: 'không',
  hông: 'không',
  khum: 'không',
  dc: 'được',
  đc: 'được',
  dk: 'được',
  đk: 'được',
  bn: 'bao nhiêu',
  bnhiu: 'bao nhiêu',
  nhiu: 'nhiêu',
  j: 'gì',
  z: 'vậy',
  ng: 'người',
  ngta: 'người ta',
  ntn: 'như thế nào',
  mk: 'mình',
  mik: 'mình',
  r: 'rồi',
  vs: 'với',
  trc: 'trước',
  cx: 'cũng',
  ik: 'đi',
  lm: 'làm',
  bh: 'bao giờ',
  bjo: 'bây giờ',
  ms: 'mới',
  đag: 'đang',
  dag: 'đang',
  hnay: 'hôm nay',
  hqua: 'hôm qua',
  mn: 'mọi người',
  mng: 'mọi người',
  tphcm: 'TP. Hồ Chí Minh',
  tui: 'tôi',
  sv: 'sinh viên',
  ktx: 'ký túc xá',
  gcn: 'giấy chứng nhận',
  xkld: 'xuất khẩu lao động',
  xklđ: 'xuất khẩu lao động',
};

// Abbreviations that also address the readers: ending a sentence or a clause, or before "ơi".
const ADDRESSED = new Set(['mn', 'mng']);
// Closing a sentence, "a", "ah", "ak" and "ha" are the particles "ạ", "à", "hả" typed without marks, not words; after
// "điểm" or "mục" "a" is a point of the law, after a number "ha" is hectares.
const CLOSING_PARTICLES = new Set(['a', 'ah', 'ak', 'ha']);
const SENTENCE_END = /^\s*(?:[?.!]|$)/u;
// What may follow a closing "vậy" before the sentence ends: the readers addressed, a particle.
const CLOSES_BEFORE = /^\s+(?:mn|mng|ad|admin|ạ|a|ah|ak|nhé|nhe|ơi|oi)\s*(?:[?.!]|$)/iu;
const NAMES_POINT = /(?:^|[\s(])(?:điểm|diem|mục|muc|\d+)\s+$/iu;
const closesSentence = (text: string, at: number, token: string) => {
  const before = text.slice(0, at);
  return before.trim() !== '' && SENTENCE_END.test(text.slice(at + token.length)) && !NAMES_POINT.test(before);
};

// Nouns after which a number names one of a kind ("khoản 1", "tổ 1", "vùng 1", "cấp 1"), as typed with or without marks.
const NAMES_NUMBER =
  /(?:^|[\s(])(?:năm|nam|ngày|ngay|tháng|thang|điều|dieu|khoản|khoan|điểm|diem|chương|chuong|mục|muc|số|so|khóa|khoá|khoa|lớp|lop|tổ|to|lần thứ|lan thu|vùng|vung|khu vực|khu vuc|khu|đơn vị|don vi|phường|phuong|quận|quan|cấp|cap|bậc|bac|loại|loai|hạng|hang|nhóm|nhom|phòng|phong|đợt|dot|kỳ|ky|vòng|vong|câu|cau|mẫu|mau)\s+$/iu;

/**
 * Whether a "1" is typed for "một" (one, a): before a Vietnamese word that is no English one ("1 người", "1 lá phiếu", not
 * "1 person"), naming no article, clause, day or group ("khoản 1", "ngày 1", "tổ 1").
 */
function typedForOne(text: string, at: number): boolean {
  const next = /^ ([\p{L}]+)/u.exec(text.slice(at + 1))?.[1]?.toLowerCase();
  if (!next || !isSyllable(next) || isStopword(next, 'en')) return false;
  return !NAMES_NUMBER.test(text.slice(0, at)) && !partOfCode(text, at, 1);
}

/**
 * Writes out the chat abbreviations of a question ("ko" → "không", "dc" → "được", "bn" → "bao nhiêu", "7h" → "7 giờ",
 * "18t" → "18 tuổi", "1 người" → "một người").
 * A question typed without diacritics gets the words without them too, so it stays one that is
 * matched diacritic-free throughout.
 */
export function expandChatSpelling(text: string): string {
  const plain = !hasDiacritics(text);
  const hour = plain ? 'gio' : 'giờ';
  return text.replace(/[\p{L}\p{N}]+/gu, (token: string, at: number) => {
    // Times as phones write them: "7h", "19h30", "mấy h".
    const time = /^(\d{1,2})h(\d{2})?$/.exec(token);
    if (time && !partOfCode(text, at, token.length)) return `${time[1]} ${hour}${time[2] ? ` ${time[2]}` : ''}`;
    if (token === 'h' && /(?:^|\s)(?:mấy|may)\s+$/iu.test(text.slice(0, at))) return hour;
    // Ages as phones write them: "18t", "bà 92t".
    const age = /^(\d{1,3})t$/.exec(token);
    if (age && Number(age[1]) <= 120 && !partOfCode(text, at, token.length)) return `${age[1]} ${plain ? 'tuoi' : 'tuổi'}`;
    if (CLOSING_PARTICLES.has(token) && closesSentence(text, at, token)) return '';
    // "v" is "vậy" or "về"; closing a sentence, or before a closing "mn" or "ad" ("… mấy lá phiếu v mn"), only "vậy".
    if (token === 'v' && (closesSentence(text, at, token) || CLOSES_BEFORE.test(text.slice(at + 1))) && !partOfCode(text, at, 1)) return plain ? 'vay' : 'vậy';
    // "1 người", "1 lá phiếu": a count of one is the word "một", no topic; as a digit it matched every clause "1." of the law.
    if (token === '1' && typedForOne(text, at)) return plain ? 'mot' : 'một';
    const word = CHAT_WORDS[token];
    // Part of a code or an abbreviation with a point ("153-KH/TU", "k.4"): not chat.
    if (!word || partOfCode(text, at, token.length)) return token;
    // "vậy mn?", "mn ơi": everyone addressed, not asked about; left as typed, it is read as a particle.
    if (ADDRESSED.has(token) && /^\s*(?:(?:ơi|oi)(?![\p{L}\p{N}])|[?.!,;]|$)/iu.test(text.slice(at + token.length))) return token;
    return plain ? foldDiacritics(word) : word;
  });
}
