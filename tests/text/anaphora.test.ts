import { describe, expect, it } from 'vitest';
import { pointsBack } from '../../src/text/anaphora.ts';

describe('pointsBack', () => {
  it('reads a sentence opening with, or naming in its opening clause, what the one before said', () => {
    for (const s of ['Khi đó họ được ghi bổ sung.', 'Nếu nơi đó không có khu vực riêng, Tổ bầu cử mang hòm phiếu phụ đến.', 'Người thuộc các trường hợp trên được trả tự do thì được ghi bổ sung.', 'Họ được bầu ở nơi tạm trú.'])
      expect(pointsBack(s), s).toBe(true);
  });

  it('leaves alone a sentence that stands by itself, "họ tên" (a full name) among them', () => {
    for (const s of ['Họ tên cử tri được ghi trong danh sách.', 'Họ và tên người ứng cử in trên phiếu.', 'Người từ đủ 18 tuổi được bầu.', 'Tổ bầu cử đóng dấu vào phiếu.'])
      expect(pointsBack(s), s).toBe(false);
  });
});
