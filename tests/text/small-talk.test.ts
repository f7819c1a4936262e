import { describe, expect, it } from 'vitest';
import { isEnglishSmallTalk, smallTalkOf } from '../../src/text/small-talk.ts';

const kind = (message: string) => smallTalkOf(message.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

describe('smallTalkOf', () => {
  it.each([
    ['xin chào', 'greeting'],
    ['Chào buổi sáng', 'greeting'],
    ['chao ban', 'greeting'],
    ['Hello bot', 'greeting'],
    ['cảm ơn bạn rất nhiều nhé', 'thanks'],
    ['cam on nhieu', 'thanks'],
    ['Thank you very much', 'thanks'],
    ['tạm biệt', 'farewell'],
    ['chúc ngủ ngon', 'farewell'],
    ['good night', 'farewell'],
    ['1', 'contentless'],
    ['2021', 'contentless'],
    ['câu hỏi 1', 'contentless'],
    ['câu hỏi số 2', 'contentless'],
    ['ok', 'contentless'],
    ['hihi', 'contentless'],
    ['ok em hiểu rồi', 'thanks'],
    ['tôi biết rồi ạ', 'thanks'],
    ['e cam on ad nhe', 'thanks'],
    ['got it, thanks', 'thanks'],
    ['bot trả lời sai rồi', 'reaction'],
    ['thế thì tốt', 'reaction'],
    ["that's wrong", 'reaction'],
  ])('takes "%s" for %s', (message, expected) => {
    expect(kind(message)).toBe(expected);
  });

  it.each(['viết sai phiếu thì sao', 'đúng giờ mở cửa là mấy giờ', 'chào bạn, mấy giờ thì bắt đầu bỏ phiếu?', 'cảm ơn, còn phiếu không hợp lệ là sao?', 'Điều 5', 'bàn', 'ban', 'bản', 'là gì vậy?', 'tạm trú bầu ở đâu'])(
    'leaves "%s" to be read as a question',
    (message) => {
      expect(kind(message)).toBeNull();
    },
  );
});

describe('isEnglishSmallTalk', () => {
  it('is true only when every word is English conversation', () => {
    for (const english of [['hello'], ['thanks', 'a', 'lot'], ['thank', 'you', 'very', 'much'], ['bye']]) expect(isEnglishSmallTalk(english), english.join(' ')).toBe(true);
    for (const other of [['chào'], ['cảm', 'ơn'], ['ok'], ['hello', 'bạn'], []]) expect(isEnglishSmallTalk(other), other.join(' ')).toBe(false);
  });
});
