import { foldDiacritics } from './normalize.ts';
import { isStopword } from './terms.ts';

/** A message that is no question: a greeting, thanks, a goodbye, a verdict on the answer, or nothing but numbers and filler. */
export type SmallTalk = 'greeting' | 'thanks' | 'farewell' | 'reaction' | 'contentless';

type Act = Exclude<SmallTalk, 'contentless'> | 'filler';

// The closed vocabulary of conversation, as phrases: what people say to a chat bot besides questions.
const PHRASES: Record<Act, string[]> = {
  greeting: ['xin chào', 'chào', 'chào buổi sáng', 'chào buổi chiều', 'chào buổi tối', 'hello', 'hi', 'hey', 'alo', 'good morning', 'good afternoon', 'good evening'],
  // An acknowledgement ("em hiểu rồi", "got it") closes an exchange as thanks do, and is answered alike.
  thanks: ['cảm ơn', 'cám ơn', 'cảm tạ', 'thanks', 'thank you', 'thank', 'thx', 'tks', 'tks nhé', 'thanks a lot', 'many thanks', 'hiểu rồi', 'biết rồi', 'rõ rồi', 'đã rõ', 'đã hiểu', 'got it', 'i see', 'understood', 'noted'],
  // A verdict on the answer just given ("sai rồi", "thế thì tốt"): no question, and no reason to give the answer again.
  reaction: ['sai rồi', 'sai', 'không đúng', 'chưa đúng', 'đúng rồi', 'chính xác', 'tốt', 'tốt quá', 'hay quá', 'tuyệt', 'thế thì tốt', 'vậy thì tốt', 'wrong', 'not right', 'correct', 'great', 'nice', 'good'],
  farewell: ['tạm biệt', 'bye', 'bye bye', 'hẹn gặp lại', 'chúc ngủ ngon', 'ngủ ngon', 'good night', 'goodbye', 'see you'],
  filler: [
    'ok', 'oke', 'okay', 'vâng', 'dạ', 'ừ', 'ờ', 'uh', 'um', 'hihi', 'haha', 'hehe', 'hì', 'test', 'thử', 'câu hỏi', 'hỏi', 'ví dụ', 'số',
    'bot', 'bạn', 'em', 'e', 'anh', 'chị', 'tôi', 'mình', 'tớ', 'i', 'ad', 'admin', 'trả lời', 'that', 'is', 'that s', 'nhiều', 'lắm', 'nhé', 'nha', 'à', 'ơi', 'ạ', 'you', 'very', 'much', 'so', 'rất',
  ],
};

const LONGEST = 3;

interface Entry {
  act: Act;
  /** Typed exactly as listed, diacritics included; otherwise only its diacritic-free spelling matched. */
  sure: boolean;
}

const EXACT = new Map<string, Act>();
const FOLDED = new Map<string, Act>();
for (const [act, phrases] of Object.entries(PHRASES) as Array<[Act, string[]]>) {
  for (const phrase of phrases) {
    EXACT.set(phrase, act);
    FOLDED.set(foldDiacritics(phrase), act);
  }
}

/** The conversational phrase that starts at `words[i]`, longest first. */
function phraseAt(words: string[], i: number): { entry: Entry; length: number } | null {
  for (let n = Math.min(LONGEST, words.length - i); n > 0; n--) {
    const phrase = words.slice(i, i + n).join(' ');
    const exact = EXACT.get(phrase);
    if (exact) return { entry: { act: exact, sure: true }, length: n };
    // Typed without diacritics, "ban" may be "bạn"; typed with them, "bản" and "bàn" are other words.
    const folded = foldDiacritics(phrase) === phrase ? FOLDED.get(phrase) : undefined;
    if (folded) return { entry: { act: folded, sure: false }, length: n };
  }
  return null;
}

/**
 * Whether a message (its lower-cased words) is small talk rather than a question. Greetings, thanks
 * and goodbyes may carry stopwords ("cảm ơn bạn rất nhiều nhé"); a message of numbers and filler
 * ("1", "câu hỏi số 2", "ok") is contentless. Words that are filler only when typed without
 * diacritics ("ban") never make a message contentless alone: they may be a topic ("bàn", "Ban").
 */
export function smallTalkOf(words: string[]): SmallTalk | null {
  const acts: Entry[] = [];
  let stopwords = 0;
  for (let i = 0; i < words.length; ) {
    const word = words[i] as string;
    const found = phraseAt(words, i);
    if (found) {
      acts.push(found.entry);
      i += found.length;
    } else if (/^\d+$/.test(word)) {
      acts.push({ act: 'filler', sure: true });
      i++;
    } else if (isStopword(word)) {
      stopwords++;
      i++;
    } else {
      return null;
    }
  }
  for (const act of ['thanks', 'farewell', 'greeting', 'reaction'] as const) if (acts.some((a) => a.act === act)) return act;
  return stopwords === 0 && acts.some((a) => a.sure) ? 'contentless' : null;
}

// The English part of that vocabulary: a message made only of it is answered in English.
const ENGLISH = new Set(['many', 'hello', 'hi', 'hey', 'good', 'wrong', 'not', 'right', 'correct', 'great', 'nice', 'that', 'is', 's', 'morning', 'afternoon', 'evening', 'night', 'thanks', 'thank', 'thx', 'you', 'bye', 'goodbye', 'see', 'ok', 'okay', 'very', 'much', 'so', 'a', 'lot', 'bot']);

/** Whether small talk was said in English ("hello", "thanks a lot"): every word is English conversation, one at least no Vietnamese. */
export function isEnglishSmallTalk(words: string[]): boolean {
  return words.length > 0 && words.every((w) => ENGLISH.has(w)) && words.some((w) => !['ok', 'okay', 'bot', 'so', 'a'].includes(w));
}
