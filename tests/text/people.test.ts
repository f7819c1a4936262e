import { describe, expect, it } from 'vitest';
import { findPeople } from '../../src/text/people.ts';
import { findPlaces } from '../../src/text/places.ts';

// The provinces a question names are found first, as analyzeQuery does.
const people = (text: string) => findPeople(text, findPlaces(text));

describe('findPeople', () => {
  it('finds people by a capitalised family name and given names, with or without diacritics, after a title', () => {
    expect(people('cho mình xin tiểu sử ứng cử viên Nguyễn Văn Hùng ở quận 3')).toEqual(['nguyen van hung']);
    expect(people('Bà Lê Thị Ái Nam giữ chức vụ gì?')).toEqual(['le thi ai nam']);
    expect(people('Tran Thanh Man la ai')).toEqual(['tran thanh man']);
  });

  it('finds a name typed in lower case after a title, by its middle name "văn" or "thị"', () => {
    expect(people('dong chi nguyen van hieu bi thu tinh uy phat bieu gi')).toEqual(['nguyen van hieu']);
    expect(people('chị bà trần thị mai ở xã tôi có ứng cử không')).toEqual(['tran thi mai']);
    // Without the title, or without a family name, lower-case words are no one.
    // Typed without marks, a pronoun or particle before "thi" ("thì") and a function word after it are no name.
    for (const text of ['anh van hoa xa', 'ong ba di bau o dau', 'ông văn thư tổ bầu cử', 'anh ta thi co duoc bau khong', 'chi la thi sinh thoi', 'anh ho thi khong di bau']) expect(people(text), text).toEqual([]);
  });

  it('does not take bodies, provinces or lower-case words for people', () => {
    for (const text of ['Độ Tuổi Bầu Cử Là Bao Nhiêu', 'Mặt Trận Tổ Quốc Có Vai Trò Gì', 'Chủ Tịch Nước Do Ai Bầu', 'Ban Bí thư và Bộ Chính trị', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Hà Nội có mưa không', 'Ha Noi co mua', 'Tỉnh Lâm Đồng', 'nguyen van hung la ai', 'How do I mark the ballot? Do I tick the people I like?']) {
      expect(people(text)).toEqual([]);
    }
  });
});
