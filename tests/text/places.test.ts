import { describe, expect, it } from 'vitest';
import { findLocalities, findPlaces, isOneWordPlace, withoutPlaces } from '../../src/text/places.ts';

describe('findPlaces', () => {
  it('finds the provinces a text names, with or without diacritics', () => {
    expect(findPlaces('Cử tri ở Quảng Trị bầu ở đâu?')).toEqual(['Quảng Trị']);
    expect(findPlaces('cu tri o quang tri bau o dau')).toEqual(['Quảng Trị']);
    expect(findPlaces('cử tri bầu ở đâu')).toEqual([]);
  });

  it('reads the city as people write it, and the president by his name is no place', () => {
    for (const text of ['tỷ lệ đi bầu ở TP.HCM', 'ty le di bau o tp hcm', 'o tphcm', 'Tôi ở Sài Gòn', 'sai gon', 'HCM'])
      expect(findPlaces(text), text).toEqual(['Thành phố Hồ Chí Minh']);
    expect(findPlaces('tư tưởng Hồ Chí Minh')).toEqual([]);
  });

  it('reads the cities English writes as one word, and tells those words apart', () => {
    expect(findPlaces('I live in Saigon, my parents in Hanoi')).toEqual(['Hà Nội', 'Thành phố Hồ Chí Minh']);
    expect(findPlaces('I work in Ho Chi Minh City')).toEqual(['Thành phố Hồ Chí Minh']);
    expect(findPlaces('Danang and Haiphong')).toEqual(['Đà Nẵng', 'Hải Phòng']);
    expect(['hanoi', 'saigon', 'tphcm'].every(isOneWordPlace)).toBe(true);
    expect(['ha', 'noi', 'vote'].some(isOneWordPlace)).toBe(false);
  });

  it('gives each word to one name, the longer first: a name ending where another begins names one place', () => {
    expect(findPlaces('Trưởng Ban Chỉ đạo bầu cử tỉnh Lạng Sơn là ai?')).toEqual(['Lạng Sơn']);
    expect(findPlaces('truong ban chi dao tinh lang son la ai')).toEqual(['Lạng Sơn']);
    expect(findPlaces('Thừa Thiên Huế có mấy đơn vị bầu cử')).toEqual(['Thừa Thiên Huế']);
    expect(findPlaces('son la co bao nhieu dai bieu')).toEqual(['Sơn La']);
  });

  it('puts the most mentioned first', () => {
    expect(findPlaces('Bạc Liêu và Hà Nội; Hà Nội bầu trước')).toEqual(['Hà Nội', 'Bạc Liêu']);
  });
});

describe('withoutPlaces', () => {
  it('cuts out the provinces a text names and nothing that only shares a word with them', () => {
    expect(withoutPlaces('Cử tri ở Quảng Trị bầu ở đâu?')).toBe('Cử tri ở ,  bầu ở đâu?');
    expect(withoutPlaces('cu tri o quang tri bau o dau')).toBe('cu tri o ,  bau o dau');
    expect(withoutPlaces('Gia Lai có bao nhiêu gia đình')).toBe(',  có bao nhiêu gia đình');
  });

  it('takes a name spelled with punctuation between its words, and a longer name whole', () => {
    expect(withoutPlaces('Người ở Bà Rịa - Vũng Tàu')).toBe('Người ở , ');
    expect(withoutPlaces('Thừa Thiên Huế có mấy đơn vị')).toBe(',  có mấy đơn vị');
    expect(withoutPlaces('ở TP.HCM bầu mấy lá')).toBe('ở ,  bầu mấy lá');
  });
});

describe('findLocalities', () => {
  it('finds a commune, ward or district by its kind and its capitalised name, with or without diacritics', () => {
    expect(findLocalities('Ai trúng cử HĐND xã Tân Phú nhiệm kỳ này?')).toEqual(['Tân Phú']);
    expect(findLocalities('ung cu vien HDND phuong Linh Trung')).toEqual(['Linh Trung']);
    expect(findLocalities('Tôi ở huyện Yên Mô, tỉnh Ninh Bình')).toEqual(['Yên Mô']);
  });

  it('finds none in the kinds of council and body the law speaks of, nor in a numbered district', () => {
    for (const text of ['HĐND xã có bao nhiêu đại biểu?', 'Ủy ban bầu cử cấp xã', 'Quận 1 có mấy khu vực bỏ phiếu', 'tôi ở xa nhà']) expect(findLocalities(text), text).toEqual([]);
  });
});
