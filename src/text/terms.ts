import englishCommonWords from 'stopwords-en' with { type: 'json' };
import { foldDiacritics, normalizeText } from './normalize.ts';

// Function and question words, and pronouns, that carry no topic in Vietnamese ("lại" stays: "bầu cử lại" is a topic).
// Of the kin words people speak of themselves with, "em", "chị", "cháu" are pronouns here; "anh" stays: typed without
// marks it is also "ảnh" (a photo of the candidacy file).
const VI_STOPWORDS = new Set(
  `và của các là có được những trong cho để với đã đang sẽ tại thì mà này nay đó khi từ đến về một như cũng còn
  theo trên dưới ra vào bị nên nếu hay hoặc rất nhất nữa gì nào ai đâu sao bao nhiêu mấy không chưa rồi vậy
  thế ấy kia vì nhé à ơi hả ạ tôi mình chúng ta hỏi xin biết ở đây muốn cần phải mỗi cả cái chiếc việc sự bạn
  nói chuyện điều gồm nêu kể nhắc tới tóm tắt vấn ông bà luôn kiểu nhỉ nha giúp nó em chị cháu`
    .split(/\s+/)
    .filter(Boolean),
);

// The same words typed without diacritics, minus those that fold onto topic words ("thi" is also "thị", "dang" "Đảng").
const VI_FOLDED_STOPWORDS = new Set(
  `va cua cac la co duoc nhung trong cho voi da se tai ma nay do khi den ve mot nhu con theo tren duoi ra vao nen
  neu hay hoac rat nua gi nao ai sao nhieu may khong chua roi vay ay kia nhe oi toi xin biet o day muon phai ca
  cai viec su noi chuyen dieu gom nhac toi tom tat ong ba luon kieu nhi nha giup`
    .split(/\s+/)
    .filter(Boolean),
);

const EN_STOPWORDS = new Set(
  `the a an of for in on to did does do is are was were which what who whom whose when where how why about with by
  at from and or it its this that these those be been being has have had will would can could should shall may
  might must i you me my we our they their he she his her them tell say said please any there here into than then
  so if not no yes also just only some many much more most very there's what's who's as m s t re ve ll d allowed permitted`
    .split(/\s+/)
    .filter(Boolean),
);

// Second words of question idioms opened by "bao" ("bao giờ", "bao lâu"), folded.
const QUESTION_IDIOM_ENDS = new Set(['gio', 'lau']);
// Typed without marks, "dau" after these is "đâu" (where: "o dau", "tai dau"), not the "đầu" of "bắt đầu".
const WHERE_OPENERS = new Set(['o', 'tai']);
// Words after "làm" that make it ask what to do or how ("làm gì", "làm sao", "làm thế nào", "làm như vậy"), folded.
const DOING_ASKED = new Set(['gi', 'sao', 'the', 'nhu']);
// A kin word and the gender word after it name one person ("con trai", son; "chị gái", sister): the person a voter tells
// of, no topic; read alone, "trai" is also "trại" (camp: "trại tạm giam"). Typed with marks, the marks must agree ("bán
// trái phiếu" is no "bạn trai"); typed without, the folded forms.
const KIN = ['con', 'anh', 'em', 'chị', 'cháu', 'bạn'];
const GENDER = ['trai', 'gái'];
/** A word set's test: a word typed with marks is in it as spelt, one typed without marks as folded. */
const spelling = (words: string[]) => {
  const [marked, folded] = [new Set(words), new Set(words.map(foldDiacritics))];
  return (word: string) => marked.has(word) || (folded.has(word) && foldDiacritics(word) === word);
};
const isKin = spelling(KIN);
const isGender = spelling(GENDER);

// Inside a question already read as English, the wider list of words that carry no topic ("still", "instead", "get"):
// they are no evidence of another subject. Not used to tell the language: it spells Vietnamese syllables ("ba", "co").
// Numbers, two-letter codes (which spell Vietnamese syllables: "cu", "to") and superlatives ("youngest") are kept; of its
// two-letter words, the English function words EN_STOPWORDS lacks are not ("I am away", "messed up").
const EN_TWO_LETTER_FUNCTION_WORDS = new Set(['am', 'go', 'up', 'us']);
// The people an English speaker tells of ("my wife", "my son"), a closed class: like the Vietnamese kin words, the person
// a voter tells of, no topic.
export const EN_PEOPLE = ['son', 'daughter', 'wife', 'husband', 'mom', 'mum', 'mother', 'dad', 'father', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'brother', 'sister', 'cousin', 'uncle', 'aunt', 'friend', 'neighbour', 'neighbor'];
const EN_COMMON_WORDS = new Set<string>([
  ...(englishCommonWords as string[]).filter((w) => (/^[a-z]{3,}$/.test(w) && !w.endsWith('est')) || EN_TWO_LETTER_FUNCTION_WORDS.has(w)),
  ...EN_PEOPLE,
]);

/** `word` is lower-cased; a word typed without diacritics is checked against the folded list. */
export function isStopword(word: string, lang: 'vi' | 'en' = 'vi'): boolean {
  if (lang === 'en' && (EN_STOPWORDS.has(word) || EN_COMMON_WORDS.has(word))) return true;
  return VI_STOPWORDS.has(word) || (foldDiacritics(word) === word && VI_FOLDED_STOPWORDS.has(word));
}

const FOLDED_STOPWORD_SPELLINGS = new Set([...VI_STOPWORDS].map((w) => foldDiacritics(w)));

/** A diacritic-free word that may be a stopword typed without marks ("dang" for "đang", "thi" for "thì"). */
export function mayBeStopword(folded: string): boolean {
  return FOLDED_STOPWORD_SPELLINGS.has(folded);
}

export function isEnglishStopword(word: string): boolean {
  return EN_STOPWORDS.has(word.toLowerCase());
}

export interface Terms {
  /** Content words with diacritics, lower-cased. */
  exact: string[];
  /** The same words without diacritics. */
  folded: string[];
  /** Adjacent content-word pairs without diacritics, joined by "_" (Vietnamese words are often two syllables). */
  bigrams: string[];
}

/** How a text is read: `asWritten` reads a text written with its marks (a passage), not a question. */
export interface TermOptions {
  /**
   * A stopword whose diacritic-free spelling is also a content word's ("mỗi" and "mọi", "đang" and "Đảng", "thì" and
   * "thi") keeps that spelling among the diacritic-free terms: a question typed without marks ("moi nguoi") may mean
   * either, so it meets both readings, and such a word weighs as little as its many passages make it.
   */
  asWritten?: boolean;
}

/**
 * A short text's diacritic-free words and word pairs as `read` gives them, each text read once: an abbreviation's phrase
 * or a heading recurs in question after question.
 */
export function wordsAndPairsOnce(read: (text: string) => Terms): (text: string) => Set<string> {
  const seen = new Map<string, Set<string>>();
  return (text) => {
    let terms = seen.get(text);
    if (!terms) {
      const { folded, bigrams } = read(text);
      seen.set(text, (terms = new Set([...folded, ...bigrams])));
    }
    return terms;
  };
}

/** The terms of a passage, written with its marks: see TermOptions.asWritten. The index and the quotes read passages so. */
export function passageTerms(text: string): Terms {
  return extractTerms(text, 'vi', { asWritten: true });
}

// "bắt buộc" asking or stating an obligation ("có bắt buộc … không", "bắt buộc phải"), typed with or without marks: the
// modal "phải" in other words, no topic; as a compound's last word ("cơ sở cai nghiện bắt buộc") it stays a topic word.
const OBLIGATION = /(?<![\p{L}\p{N}])(?:(?<=(?:có|co)\s+)(?:bắt buộc|bat buoc)|(?:bắt buộc|bat buoc)(?=\s+(?:phải|phai)(?![\p{L}\p{N}])))(?![\p{L}\p{N}])/giu;

/**
 * Content terms of a text: stopwords dropped, bigrams only across words that stood side by side.
 * A capitalised word inside a sentence is a name ("Lê Thị Ái Nam" typed as "Le Thi Ai Nam"), never a stopword.
 */
export function extractTerms(text: string, lang: 'vi' | 'en' = 'vi', options: TermOptions = {}): Terms {
  const exact: string[] = [];
  const folded: string[] = [];
  const bigrams: string[] = [];
  let previous: string | null = null;
  let beforePrevious: string | null = null;
  let before = '';
  // Whether the last word kept formed a pair with the one before it.
  let paired = false;
  let sentenceStart = true;
  // The last word kept, and whether its marked spelling was.
  let kept: string | null = null;
  let keptExact = false;
  for (const m of normalizeText(text).replace(OBLIGATION, 'phải').matchAll(/([\p{L}\p{N}]+)|([.!?\n]+)|([,;:()]+)/gu)) {
    if (m[2]) {
      sentenceStart = true;
      // "Ủy ban. Bầu cử": the compound does not reach across a sentence.
      beforePrevious = null;
      continue;
    }
    // A word pair never spans a clause break: "trước ngày bầu cử; năm 2026" holds no "cử năm".
    if (m[3]) {
      previous = beforePrevious = null;
      continue;
    }
    const original = m[1] as string;
    const word = original.toLowerCase();
    // "bao giờ" (when) and "bao lâu" (how long) ask; their "giờ" is not the hour of "giờ bỏ phiếu".
    const idiom = lang === 'vi' && ((foldDiacritics(before) === 'bao' && QUESTION_IDIOM_ENDS.has(foldDiacritics(word))) || (WHERE_OPENERS.has(foldDiacritics(before)) && word === 'dau'));
    const kin = lang === 'vi' && isKin(before) && isGender(word);
    // "làm gì", "làm sao", "làm thế nào", "làm như vậy" ask what to do or how: their "làm" names no topic.
    const doing = lang === 'vi' && foldDiacritics(before) === 'lam' && DOING_ASKED.has(foldDiacritics(word));
    // The kin word, or the "làm", was kept as a content word (unless a stopword, as "bạn"): it is taken back.
    if ((kin || doing) && kept === before) {
      if (keptExact) exact.pop();
      folded.pop();
      if (paired) bigrams.pop();
    }
    before = word;
    if (idiom || kin) {
      previous = beforePrevious = kept = null;
      continue;
    }
    // English "I" is capitalised everywhere; it is no name.
    const name = !sentenceStart && original !== word && !(lang === 'en' && original === 'I');
    sentenceStart = false;
    const f = foldDiacritics(word);
    const stopword = !name && isStopword(word, lang);
    // Such a stopword's marked spelling is no content word: only its diacritic-free one is kept.
    const foldedOnly = stopword && options.asWritten === true && lang === 'vi' && f !== word && !isStopword(f, lang);
    if (stopword && !foldedOnly) {
      previous = beforePrevious = kept = null;
      continue;
    }
    keptExact = !foldedOnly;
    if (keptExact) exact.push(word);
    kept = word;
    folded.push(f);
    // "ủy ban" is one word: the pair after it is keyed by it, so "Ban bầu cử" is not matched by "Ủy ban bầu cử".
    paired = previous !== null;
    if (paired) bigrams.push(`${beforePrevious === 'uy' && previous === 'ban' ? 'uy' : ''}${previous}_${f}`);
    beforePrevious = previous;
    previous = f;
  }
  return { exact, folded, bigrams };
}
