import { foldDiacritics } from './normalize.ts';
import { mayBeStopword } from './terms.ts';

// The common Vietnamese family names (together well over nine in ten people), folded: a capitalised
// run of syllables that starts with one is a person's name ("Nguyễn Văn Hùng", "Lê Thị Ái Nam").
const SURNAMES = new Set(
  `nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh doan lam mai luong ta ha
  cao chu quach tang to thai luu kieu la van diep vuong khuc cu giang tieu bach thach`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a word, folded, is one of the common family names. */
export const isSurname = (word: string): boolean => SURNAMES.has(foldDiacritics(word.toLowerCase()));

const TITLE_CASE_SHARE = 0.6;

/**
 * People a text names: a capitalised family name followed by one to three capitalised syllables, or in lower case
 * after a title with the middle name "văn" or "thị", typed with or without diacritics, returned folded ("nguyen van
 * hung"). Provinces the text names (`places`, as findPlaces gives them: "Hà Nội") are not people.
 */
export function findPeople(text: string, places: string[]): string[] {
  // A question written in Title Case ("Độ Tuổi Bầu Cử", "Mặt Trận Tổ Quốc") capitalises every word: no name stands out.
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > TITLE_CASE_SHARE) return [];
  const folded = places.map((p) => foldDiacritics(p));
  const people: string[] = [];
  for (const m of text.matchAll(/\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+/gu)) {
    // English "I" is capitalised everywhere and names no one: "Do I tick …" is no "Đỗ I".
    const all = foldDiacritics(m[0]).split(/\s+/);
    const syllables = all.includes('i') ? all.slice(0, all.indexOf('i')) : all;
    const start = syllables.findIndex((w) => SURNAMES.has(w));
    // At least a family name and a given name after it; four syllables at most.
    const name = start >= 0 ? syllables.slice(start, start + 4) : [];
    if (name.length >= 2 && !folded.some((p) => p.endsWith(name.join(' ')))) people.push(name.join(' '));
  }
  // Typed on a phone in lower case, a name is told by the title before it and a middle name nearly every name of its
  // kind has ("đồng chí nguyễn văn hiếu", "ba tran thi mai").
  for (const m of text.matchAll(LOWER_CASE_NAME)) {
    const [surname, middle, given] = foldDiacritics(`${m[1]} ${m[2]} ${m[3]}`).split(' ') as [string, string, string];
    // Typed without marks, "ta thi co", "ho thi khong" are words: a family name that is also a pronoun or particle, or a
    // given name that may be a function word, names no one.
    if (SURNAMES.has(surname) && !WORDLIKE_SURNAMES.has(surname) && !mayBeStopword(given)) people.push(`${surname} ${middle} ${given}`);
  }
  return [...new Set(people)];
}

const WORDLIKE_SURNAMES = new Set(['ta', 'la', 'ho', 'do']);
const LOWER_CASE_NAME = /(?<![\p{L}\p{N}])(?:[ĐđDd](?:ồng chí|ong chi)|[ÔôOo]ng|[Bb][àa]|[Aa]nh|[Cc]h[ịi])\s+(\p{Ll}+)\s+(văn|thị|van|thi)\s+(\p{Ll}+)(?![\p{L}\p{N}])/gu;
