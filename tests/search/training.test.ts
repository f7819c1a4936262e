import { describe, expect, it } from 'vitest';
import { keywordsOf, questionsAbout, seededRandom, toldAsStory, topicPhrase } from '../../src/search/training.ts';
import { stripDiacritics } from '../../src/text/normalize.ts';
import { hasDiacritics } from '../../src/text/normalize.ts';

describe('training questions from titles', () => {
  it('reads a title as part of a sentence, keeping acronyms', () => {
    expect(topicPhrase('Quyền và nghĩa vụ của người sử dụng đất.')).toBe('quyền và nghĩa vụ của người sử dụng đất');
    expect(topicPhrase('HĐND cấp xã')).toBe('HĐND cấp xã');
  });

  it('builds the same questions from the same seed, in several shapes, some typed without diacritics', () => {
    const a = questionsAbout('Điều kiện kết hôn', 40, seededRandom(7));
    expect(questionsAbout('Điều kiện kết hôn', 40, seededRandom(7))).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    expect(a.length).toBeGreaterThan(10);
    expect(a.every((q) => /ket hon|kết hôn/i.test(q))).toBe(true);
    expect(a.some((q) => !hasDiacritics(q))).toBe(true);
  });

  it('tells a situation before a question, keeping the question whole', () => {
    const random = seededRandom(3);
    const stories = Array.from({ length: 20 }, () => toldAsStory('Tôi đi bầu ở đâu?', random));
    expect(stories.every((s) => stripDiacritics(s).endsWith('. Toi di bau o dau?'))).toBe(true);
    expect(stories.every((s) => s.split(/[.!?]/).length > 2)).toBe(true);
  });

  it('turns a heading into a search-box query of its content words', () => {
    expect(keywordsOf('Tôi có được nhờ người khác đi bầu thay không?')).toBe('nhờ người khác đi bầu thay');
  });
});
