import { foldDiacritics, foldedWords, normalizeText } from './normalize.ts';

// Provinces and centrally-run cities, before and after the 2025 merger, plus a few towns the corpus names.
const PLACES = `An Giang, Bà Rịa - Vũng Tàu, Bạc Liêu, Bắc Giang, Bắc Kạn, Bắc Ninh, Bến Tre, Bình Dương, Bình Định,
Bình Phước, Bình Thuận, Cà Mau, Cao Bằng, Cần Thơ, Đà Nẵng, Đắk Lắk, Đắk Nông, Điện Biên, Đồng Nai, Đồng Tháp,
Gia Lai, Hà Giang, Hà Nam, Hà Nội, Hà Tĩnh, Hải Dương, Hải Phòng, Hậu Giang, Hòa Bình, Hưng Yên, Khánh Hòa,
Kiên Giang, Kon Tum, Lai Châu, Lâm Đồng, Lạng Sơn, Lào Cai, Long An, Nam Định, Nghệ An, Ninh Bình, Ninh Thuận,
Phú Thọ, Phú Yên, Quảng Bình, Quảng Nam, Quảng Ngãi, Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La, Tây Ninh,
Thái Bình, Thái Nguyên, Thanh Hóa, Thừa Thiên Huế, Huế, Tiền Giang, Thành phố Hồ Chí Minh, TP. Hồ Chí Minh,
Trà Vinh, Tuyên Quang, Vĩnh Long, Vĩnh Phúc, Yên Bái`
  .split(',')
  .map((p) => normalizeText(p.replace(/\s+/g, ' ').trim()));

// How people write the largest city: the press's abbreviation, run together or spaced, its old name, and in English;
// and the cities English writes as one word.
const ALIASES: Array<[string, string]> = [
  ...['TP.HCM', 'TPHCM', 'HCM', 'Sài Gòn', 'Saigon', 'Ho Chi Minh City'].map((alias): [string, string] => [alias, 'Thành phố Hồ Chí Minh']),
  ['Hanoi', 'Hà Nội'],
  ['Danang', 'Đà Nẵng'],
  ['Haiphong', 'Hải Phòng'],
];

const FOLDED = [...PLACES.map((name): [string, string] => [name, name]), ...ALIASES].map(([written, name]) => ({ name, folded: foldDiacritics(normalizeText(written)) }));

// Every name as one pattern over diacritic-free text, longest first, any run of spaces or punctuation between its words.
const PLACE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${FOLDED.map(({ folded }) => foldedWords(folded).trim().split(' '))
    .sort((a, b) => b.join(' ').length - a.join(' ').length)
    .map((words) => words.join('[^\\p{L}\\p{N}]+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

// Each name by its words as the pattern matches them. "Hồ Chí Minh" alone names the president far more often than the
// city: the list holds the city's name only with "Thành phố" or "TP.", both the one city.
const NAME_OF = new Map(FOLDED.map(({ name, folded }) => [foldedWords(folded).trim(), /ho chi minh$/.test(folded) ? 'Thành phố Hồ Chí Minh' : name]));
// Where a name stands in the list, for ties.
const PLACE_ORDER = new Map(PLACES.map((name, i) => [name, i]));

/**
 * Province names mentioned in a text, typed with or without diacritics or as commonly abbreviated, most mentioned first.
 * Read left to right, longest name first, each word in one name only: "Lạng Sơn là ai" names Lạng Sơn, not Sơn La too,
 * and "Thừa Thiên Huế" is not Huế as well.
 */
export function findPlaces(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of foldDiacritics(normalizeText(text)).matchAll(PLACE_PATTERN)) {
    const name = NAME_OF.get(foldedWords(m[0]).trim());
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (PLACE_ORDER.get(a[0]) ?? 0) - (PLACE_ORDER.get(b[0]) ?? 0)).map(([name]) => name);
}

// A commune, ward, town or district named after its kind ("xã Tân Phú", "phường Linh Trung", "huyen Yen Mo"), its name
// capitalised as names are: "HĐND xã có bao nhiêu đại biểu" names none.
const LOCALITY_PATTERN =
  /(?<![\p{L}\p{N}])(?:[xX](?:ã|a)|[pP]h(?:ườ|uo)ng|[tT]h(?:ị|i) (?:tr(?:ấ|a)n|x(?:ã|a))|[qQ]u(?:ậ|a)n|[hH]uy(?:ệ|e)n|(?:đ|Đ)(?:ặ|a)c khu)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})/gu;

/** Communes, wards, towns and districts a text names ("xã Tân Phú"), as written, each once. */
export function findLocalities(text: string): string[] {
  return [...new Set([...normalizeText(text).matchAll(LOCALITY_PATTERN)].map((m) => m[1] as string))];
}

// Names written as one word ("Hanoi", "TPHCM"), folded: no passage holds them so, and they ask about no topic.
const ONE_WORD_NAMES = new Set(FOLDED.map(({ folded }) => foldedWords(folded).trim()).filter((words) => !words.includes(' ')));

/** Whether a diacritic-free, lower-cased word is a place name written as one word ("hanoi", "saigon", "tphcm"). */
export const isOneWordPlace = (word: string): boolean => ONE_WORD_NAMES.has(word);

/**
 * The text with the province names it mentions cut out, a comma in their place so no word pair spans the gap: the
 * words of "Quảng Trị" go, the "tri" of "cử tri" stays.
 */
export function withoutPlaces(text: string): string {
  const normalized = normalizeText(text);
  const folded = foldDiacritics(normalized);
  // Folding keeps one character for one in Vietnamese text; where it does not, positions cannot be mapped back.
  if (folded.length !== normalized.length) return normalized;
  const cut = new Array<boolean>(normalized.length).fill(false);
  for (const m of folded.matchAll(PLACE_PATTERN)) cut.fill(true, m.index, m.index + m[0].length);
  let out = '';
  for (let i = 0; i < normalized.length; i++) out += cut[i] ? (cut[i - 1] ? '' : ', ') : normalized[i];
  return out;
}
