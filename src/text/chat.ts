import { foldDiacritics, hasDiacritics, partOfCode } from './normalize.ts';

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
const NAMES_POINT = /(?:^|[\s(])(?:điểm|diem|mục|muc|\d+)\s+$/iu;
const closesSentence = (text: string, at: number, token: string) => {
  const before = text.slice(0, at);
  return before.trim() !== '' && SENTENCE_END.test(text.slice(at + token.length)) && !NAMES_POINT.test(before);
};

/**
 * Writes out the chat abbreviations of a question ("ko" → "không", "dc" → "được", "bn" → "bao nhiêu", "7h" → "7 giờ",
 * "18t" → "18 tuổi").
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
    const word = CHAT_WORDS[token];
    // Part of a code or an abbreviation with a point ("153-KH/TU", "k.4"): not chat.
    if (!word || partOfCode(text, at, token.length)) return token;
    // "vậy mn?", "mn ơi": everyone addressed, not asked about; left as typed, it is read as a particle.
    if (ADDRESSED.has(token) && /^\s*(?:(?:ơi|oi)(?![\p{L}\p{N}])|[?.!,;]|$)/iu.test(text.slice(at + token.length))) return token;
    return plain ? foldDiacritics(word) : word;
  });
}
