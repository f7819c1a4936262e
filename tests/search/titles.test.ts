import { describe, expect, it } from 'vitest';
import { formatTitles, otherTitles, titleMatcher } from '../../src/search/titles.ts';

const titles = ['Thành phần Ủy ban thường vụ Quốc hội', 'Án treo', 'Quyền và nghĩa vụ của người sử dụng đất', 'Thời hạn tạm giam'];

describe('title match', () => {
  const match = titleMatcher(formatTitles(titles).trim().split('\n'));

  it('scores a question that says a title nearly whole above one that shares a word or two', () => {
    const close = match('Ủy ban thường vụ Quốc hội gồm những thành phần nào?');
    expect(close).toBeGreaterThan(0.6);
    expect(match('Người bị tạm giam có được đi bầu cử đại biểu Quốc hội không?')).toBeLessThan(close / 2);
  });

  it('matches without diacritics as with them, and scores 0 when nothing is shared', () => {
    expect(match('uy ban thuong vu quoc hoi gom nhung thanh phan nao')).toBeCloseTo(match('Ủy ban thường vụ Quốc hội gồm những thành phần nào?'), 6);
    expect(match('Mấy giờ mở cửa phòng bỏ phiếu?')).toBe(0);
    expect(match('')).toBe(0);
  });

  it('keeps one diacritic-free line per title of two words or more', () => {
    expect(formatTitles(['Án treo', 'Án treo.', 'Phạt', 'Thời hạn tạm giam'])).toBe('an treo\nthoi han tam giam\n');
  });

  it('ships the other laws’ article titles that npm run fit wrote', () => {
    const other = otherTitles();
    expect(other('Hội đồng nghĩa vụ quân sự cấp xã gồm những ai?')).toBeGreaterThan(0.3);
    expect(other('how do I reverse a python list')).toBeLessThan(0.3);
  });
});
