import { describe, expect, it } from 'vitest';
import { chooseReading, CONVERSATION_TTL_MS, isGoing, READING_CHOICE, readingsOf, remember, resolveMessage, settledBy, type ConversationTurn } from '../../src/conversation/index.ts';

const turn = (question: string, at = 0): ConversationTurn => ({
  question,
  at,
  sources: [
    { n: 1, docId: 'guidance/bo-phieu-o-noi-khac', ask: 'Người đang bị tạm giam, tạm giữ đi bầu ở đâu?', law: false, article: null },
    { n: 2, docId: 'law/luat-85-2015-qh13', ask: 'Điều 29 khoản 5 Luật Bầu cử', law: true, article: 'Điều 29 khoản 5' },
  ],
});
const after = (previous: string, message: string) => resolveMessage([turn(previous)], message, 60_000);

describe('resolveMessage', () => {
  it('reads an elliptical message as the previous question with its subject swapped', () => {
    expect(after('Người đang nằm viện có được bầu không?', 'còn người bị tạm giam thì sao?')).toMatchObject({ kind: 'follow-up', question: 'người bị tạm giam có được bầu không?' });
    expect(after('Chỉ thị 05-CT/TW yêu cầu gì?', 'còn Chỉ thị 03 của Lạng Sơn?')).toMatchObject({ kind: 'follow-up', question: 'Chỉ thị 03 của Lạng Sơn yêu cầu gì?' });
    expect(after('Can prisoners vote?', 'what about soldiers?')).toMatchObject({ kind: 'follow-up', question: 'Can soldiers vote?' });
    expect(after('bau cu ngay nao', 'the con nam 2021?')).toMatchObject({ kind: 'follow-up', question: 'bau cu ngay nao nam 2021' });
  });

  it('keeps what describes the previous subject ("đang bị tạm giam", "đã đi bầu") out of the predicate it swaps under', () => {
    expect(after('Người đang bị tạm giam có được đi bầu không?', 'còn người đang nằm viện thì sao?')).toMatchObject({ kind: 'follow-up', question: 'người đang nằm viện có được đi bầu không?' });
    expect(after('nguoi dang bi tam giam co duoc di bau ko', 'con nguoi nam vien thi sao')).toMatchObject({ kind: 'follow-up', question: 'nguoi nam vien co duoc di bau ko' });
    expect(after('Người đã đi bầu rồi có được bầu lại không?', 'còn người chưa đi bầu?')).toMatchObject({ kind: 'follow-up', question: 'người chưa đi bầu có được bầu lại không?' });
    // Every predicate word describes: the first still starts the predicate.
    expect(after('Con tôi đã đủ tuổi đi bầu chưa?', 'còn sinh viên năm nhất?')).toMatchObject({ kind: 'follow-up', question: 'sinh viên năm nhất đã đủ tuổi đi bầu chưa?' });
  });

  it('puts a question of its own that names no topic to the previous subject, keeping the fresh reading as the other', () => {
    const r = after('Khiếu nại danh sách cử tri ở đâu?', 'bao lâu thì đc trả lời');
    expect(r).toMatchObject({ kind: 'fresh', question: 'bao lâu thì đc trả lời', otherwise: { kind: 'follow-up', question: 'Khiếu nại danh sách cử tri bao lâu thì đc trả lời' } });
    // A long yes/no question with a topic of its own is a full question: read as it stands first, its follow-up readings
    // kept for the choice, which lets it borrow the last topic only on strong evidence.
    expect(after('Bao giờ thì biết kết quả bầu cử?', 'Người đang bị tạm giam có được đi bầu cử đại biểu Quốc hội không?')).toMatchObject({
      kind: 'fresh',
      question: 'Người đang bị tạm giam có được đi bầu cử đại biểu Quốc hội không?',
      full: true,
      otherwise: { kind: 'follow-up' },
    });
    expect(after('Khiếu nại danh sách cử tri ở đâu?', 'ở đâu?')).toMatchObject({ kind: 'follow-up' });
    // A previous question opening with what it asked ("Khi nào thì …", "Ai …") lends the topic after its question words.
    expect(after('Khi nào thì kiểm phiếu?', 'phải mời mấy người chứng kiến?')).toMatchObject({ otherwise: { kind: 'follow-up', question: 'kiểm phiếu phải mời mấy người chứng kiến' } });
    expect(after('Ai lập danh sách cử tri?', 'bao lâu thì đc niêm yết')).toMatchObject({ otherwise: { kind: 'follow-up', question: 'lập danh sách cử tri bao lâu thì đc niêm yết' } });
    // Not when "ai" means everyone, nor "Ở đầu" typed with its marks; a question word alone lends no empty topic.
    expect(after('Ai cũng phải đi bầu à?', 'bao lâu thì đc niêm yết')).toMatchObject({ otherwise: { question: 'Ai cũng bao lâu thì đc niêm yết' } });
    expect(after('Ở đầu phiếu bầu ghi gì?', 'bao lâu thì đc niêm yết').otherwise?.question).not.toMatch(/^đầu phiếu/);
    expect(after('Khi nào thì ?', 'bao lâu thì đc niêm yết').otherwise?.question).toMatch(/^\S/);
    // Vietnamese pronouns point back too; "họ tên" is a name.
    const pronoun = after('Luật sửa đổi Luật Bầu cử năm 2025 được thông qua ngày nào?', 'nó có hiệu lực từ bao giờ');
    expect(pronoun).toMatchObject({ leaning: true });
    expect(readingsOf(pronoun).map((r) => r.kind)).toContain('follow-up');
    // "Trước đây", "hồi trước" ask about the last topic's past: the rule before the one just answered.
    for (const m of ['trước đây thì mấy ngày', 'truoc day bao nhieu ngay', 'trc đây thì bao lâu', 'hồi trước bầu mấy cấp']) {
      const r = after('Bao lâu thì công bố kết quả bầu cử?', m);
      expect(r.leaning, m).toBe(true);
      expect(readingsOf(r).map((x) => x.kind), m).toContain('follow-up');
    }
    // "mấy ngày trước ngày bầu cử" counts days before a date, it points back at nothing.
    expect(after('Bao lâu thì công bố kết quả bầu cử?', 'Danh sách cử tri niêm yết chậm nhất mấy ngày trước ngày bầu cử?').leaning).toBeUndefined();
    // Typed without marks, "đó" and "này" point back where they close a noun phrase, before its predicate or the question asked of it.
    for (const m of ['hoi nghi do ngay nao', 'to do may nguoi', 'giay do o dau']) expect(after('Lạng Sơn triển khai công tác bầu cử ra sao?', m), m).toMatchObject({ leaning: true });
    expect(after('Lạng Sơn triển khai công tác bầu cử ra sao?', 'giá vàng hôm nay ai bán')).not.toMatchObject({ leaning: true });
    const name = after('Người đang nằm viện có được bầu không?', 'Thẻ cử tri ghi sai họ tên thì có được bầu không?');
    expect(name).toMatchObject({ kind: 'fresh', question: 'Thẻ cử tri ghi sai họ tên thì có được bầu không?', full: true });
    expect(name.leaning).toBeUndefined();
    // Typed without marks, "so", "do", "to", "can" are Vietnamese words ("sổ đỏ", "giấy tờ"), not English filler: a full question.
    expect(after('giay chung nhan di bau noi khac la mau so may?', 'lam so do lan dau can giay to gi?')).toMatchObject({ kind: 'fresh', full: true });
    // In an English message they are filler: "where do I go?" has one word of a topic and leans on the last question.
    expect(after('I just got back from abroad. Can I still vote?', 'where do I go?')).toMatchObject({ kind: 'follow-up', leaning: true });
    // One word of a topic is too little to stand on: a follow-up first, as it stands last.
    const r1 = after('Tôi muốn tự ứng cử thì cần giấy tờ gì?', 'nộp ở đâu');
    expect(r1).toMatchObject({ kind: 'follow-up', leaning: true });
    expect(readingsOf(r1).at(-1)).toMatchObject({ kind: 'fresh', question: 'nộp ở đâu' });
  });

  it('reads a message that asks nothing and tells a situation as the story behind the last question', () => {
    expect(after('Người đang nằm viện có được đi bầu không?', 'vợ em đang đẻ ở viện')).toMatchObject({
      kind: 'follow-up',
      question: 'vợ em đang đẻ ở viện. Người đang nằm viện có được đi bầu không?',
      leaning: true,
    });
    expect(after('Can a sick person who cannot leave home still vote?', "she can't hold a pen either")).toMatchObject({ kind: 'follow-up', question: "she can't hold a pen either. Can a sick person who cannot leave home still vote?" });
    expect(after('Bầu cử theo những nguyên tắc nào?', 'cán bộ tổ bầu cử nhìn em viết')).toMatchObject({ kind: 'follow-up', question: 'cán bộ tổ bầu cử nhìn em viết. Bầu cử theo những nguyên tắc nào?' });
    // Thanks or an acknowledgement names the asker but tells nothing: it is small talk, not a follow-up.
    for (const m of ['em cảm ơn nhiều', 'ok em hiểu rồi', 'thanks, I got it', 'bot trả lời sai rồi']) expect(after('Người đang nằm viện có được đi bầu không?', m), m).toEqual({ kind: 'fresh', question: m });
    // As it stands stays among the readings, for retrieval to decide.
    expect(readingsOf(after('Người đang nằm viện có được đi bầu không?', 'vợ em đang đẻ ở viện')).at(-1)).toMatchObject({ kind: 'fresh', question: 'vợ em đang đẻ ở viện' });
    // A keyword query names a topic: read as it stands first; a message that asks is no story.
    expect(after('Người đang nằm viện có được đi bầu không?', 'thủ tục ly hôn')).toMatchObject({ kind: 'fresh', question: 'thủ tục ly hôn' });
    expect(after('Người đang nằm viện có được đi bầu không?', 'em bị ốm thì bầu ở đâu')).toMatchObject({ kind: 'fresh' });
  });

  it('acts on the last answer\'s sources: its legal basis, more of it, a numbered source', () => {
    for (const m of ['điều nào quy định vậy?', 'dieu nao quy dinh', 'căn cứ đâu ad', 'which article says that?']) {
      expect(after('Người đang bị tạm giam có được đi bầu không?', m), m).toEqual({ kind: 'about-answer', question: 'Điều 29 khoản 5 Luật Bầu cử' });
    }
    // More of it: the whole article, not the clause again.
    for (const m of ['nói rõ hơn', 'cho xem toàn văn điều đó', 'trích nguyên văn điều luật', 'show me the full text']) {
      expect(after('Người đang bị tạm giam có được đi bầu không?', m), m).toEqual({ kind: 'about-answer', question: 'Điều 29 Luật Bầu cử' });
    }
    expect(after('x có được không?', 'nguồn 1 là gì?')).toEqual({ kind: 'about-answer', question: 'Người đang bị tạm giam, tạm giữ đi bầu ở đâu?' });
    expect(after('x có được không?', 'source 2')).toEqual({ kind: 'about-answer', question: 'Điều 29 khoản 5 Luật Bầu cử' });
  });

  it('asks for a cited document\'s facts (number, date, signer) by the document\'s title, the one of the kind named', () => {
    const cited: ConversationTurn = {
      question: 'Tỷ lệ phụ nữ tối thiểu là bao nhiêu?',
      at: 0,
      sources: [
        { n: 1, docId: 'guidance/nguoi-ung-cu', ask: 'Ai được ứng cử?', law: false, article: null },
        { n: 2, docId: 'law/nghi-quyet-1187-nq-ubtvqh14', ask: 'Điều 2 khoản 1 Nghị quyết số 1187/NQ-UBTVQH14', law: true, article: 'Điều 2 khoản 1' },
      ],
    };
    expect(resolveMessage([cited], 'nghị quyết đó số mấy, ban hành ngày nào', 60_000)).toEqual({ kind: 'about-answer', question: 'Nghị quyết số 1187/NQ-UBTVQH14 nghị quyết đó số mấy, ban hành ngày nào' });
    // Of no kind the sources have, the first issued document: the guide is this project's own prose.
    expect(resolveMessage([cited], 'van ban nay ai ky', 60_000)).toMatchObject({ kind: 'about-answer', question: 'Nghị quyết số 1187/NQ-UBTVQH14 van ban nay ai ky' });
  });

  it('asks about the last answer that cited anything, past a decline in between', () => {
    const declined: ConversationTurn = { question: 'thủ tục ly hôn thế nào', at: 30_000, sources: [] };
    expect(resolveMessage([turn('Người đang bị tạm giam có được đi bầu không?'), declined], 'điều nào quy định vậy?', 60_000)).toEqual({ kind: 'about-answer', question: 'Điều 29 khoản 5 Luật Bầu cử' });
  });

  it('reads a full question on its own, whatever it opens with, and everything once the conversation has expired', () => {
    expect(after('Người đang nằm viện có được bầu không?', 'Mấy giờ thì bắt đầu bỏ phiếu?')).toMatchObject({ kind: 'fresh', question: 'Mấy giờ thì bắt đầu bỏ phiếu?' });
    // A short message that leans is a follow-up first, with the message as it stands among its readings, for retrieval to decide.
    expect(readingsOf(after('Người đang nằm viện có được bầu không?', 'thế giá vàng hôm nay bao nhiêu')).at(-1)).toMatchObject({ kind: 'fresh', question: 'thế giá vàng hôm nay bao nhiêu' });
    expect(after('Người đang nằm viện có được bầu không?', 'giá vàng sjc hôm nay bán ra bao nhiêu')).toMatchObject({ kind: 'fresh', question: 'giá vàng sjc hôm nay bán ra bao nhiêu', full: true });
    expect(after('Người đang nằm viện có được bầu không?', 'điều kiện ứng cử đại biểu quốc hội là gì')).toMatchObject({ kind: 'fresh' });
    expect(resolveMessage([], 'còn người bị tạm giam thì sao?', 0)).toEqual({ kind: 'fresh', question: 'còn người bị tạm giam thì sao?' });
    expect(resolveMessage([turn('Người đang nằm viện có được bầu không?')], 'còn người bị tạm giam thì sao?', CONVERSATION_TTL_MS + 1)).toEqual({ kind: 'fresh', question: 'còn người bị tạm giam thì sao?' });
  });
});

describe('isGoing', () => {
  it('holds while the last turn is within the lifetime, and not for no turns or after it', () => {
    expect(isGoing([turn('Mấy giờ thì bắt đầu bỏ phiếu?', 1_000)], 1_000 + CONVERSATION_TTL_MS)).toBe(true);
    expect(isGoing([turn('Mấy giờ thì bắt đầu bỏ phiếu?', 1_000)], 1_000 + CONVERSATION_TTL_MS + 1)).toBe(false);
    expect(isGoing([], 0)).toBe(false);
  });
});

describe('remember', () => {
  it('keeps the last three turns still fresh at the new one', () => {
    let conversation = remember(undefined, turn('a', 0));
    for (const [q, at] of [['b', 1], ['c', 2], ['d', 3]] as const) conversation = remember(conversation, turn(q, at));
    expect(conversation.turns.map((t) => t.question)).toEqual(['b', 'c', 'd']);
    expect(remember(conversation, turn('e', 3 + CONVERSATION_TTL_MS + 1)).turns.map((t) => t.question)).toEqual(['e']);
  });
});

describe('chooseReading', () => {
  const reading = (kind: 'fresh' | 'follow-up', question: string, leaning = false, full = false) => ({ kind, question, ...(leaning ? { leaning } : {}), ...(full ? { full } : {}) });
  const evidence = (resolution: ReturnType<typeof reading>, answered: boolean, coverage = 1, otherTopic = false, probability = answered ? 0.5 : 0.1, continues = false, ownWords = 0) => ({ resolution, answered, coverage, otherTopic, probability, continues, ownWords });
  const { standsAlone } = READING_CHOICE;

  it('takes the first reading that finds an answer, and the message as it stands when none does', () => {
    const fresh = reading('fresh', 'bao lâu thì được trả lời');
    const followUp = reading('follow-up', 'khiếu nại danh sách cử tri bao lâu thì được trả lời');
    expect(chooseReading([evidence(fresh, true), evidence(followUp, true)])).toBe(0);
    expect(chooseReading([evidence(fresh, false), evidence(followUp, true)])).toBe(1);
    expect(chooseReading([evidence(followUp, false), evidence(fresh, false)])).toBe(1);
  });

  it('weighs every reading of a fragment answered only weakly as it stands, as for one that leans', () => {
    const followUp = reading('follow-up', 'cử tri tạm trú bầu được những cấp nào');
    const fragment = { ...reading('fresh', 'bầu được những cấp nào'), otherwise: followUp };
    const onTopic = evidence(followUp, true, 1, false, 0.6, true);
    expect(chooseReading([evidence(fragment, true, 1, false, standsAlone - 0.2), onTopic])).toBe(1);
    // Answered surely as it stands, a fragment is a new topic.
    expect(chooseReading([evidence(fragment, true, 1, false, standsAlone), onTopic])).toBe(0);
    // A borrowed reading that leaves the last answer's documents is no likelier than the message as it stands.
    const offTopic = evidence(followUp, true, 1, false, 0.9, false);
    expect(chooseReading([evidence(fragment, true, 1, false, standsAlone - 0.2), offTopic])).toBe(0);
    expect(chooseReading([evidence(fragment, false, 1, false, standsAlone - 0.2), offTopic])).toBe(1);
  });

  it('knows from the first reading alone when the others need not be retrieved', () => {
    const followUp = reading('follow-up', 'cử tri tạm trú bầu được những cấp nào');
    const fragment = { ...reading('fresh', 'bầu được những cấp nào'), otherwise: followUp };
    expect(settledBy(evidence(reading('fresh', 'ai được ứng cử', false, true), true))).toBe(true);
    // A fragment answered as it stands settles it only when answered surely enough.
    expect(settledBy(evidence(fragment, true, 1, false, 0.3), { ...READING_CHOICE, standsAlone: 0.6 })).toBe(false);
    expect(settledBy(evidence(fragment, true, 1, false, 0.7), { ...READING_CHOICE, standsAlone: 0.6 })).toBe(true);
    expect(settledBy(evidence(reading('fresh', 'còn người bị tạm giam', true), true))).toBe(false);
    expect(settledBy(evidence(reading('fresh', 'giá vàng hôm nay bao nhiêu'), false, 1, true))).toBe(true);
    expect(settledBy(evidence(fragment, false))).toBe(false);
  });

  it('never lets a message about another topic borrow the last one', () => {
    const goldPrice = reading('fresh', 'giá vàng hôm nay bao nhiêu');
    const merged = evidence(reading('follow-up', 'người bị tạm giam giá vàng hôm nay bao nhiêu'), true);
    expect(chooseReading([evidence(goldPrice, false, 1, true), merged])).toBe(0);
    // A full question with under half its words in the corpus: another topic, unless the message leans on the last turn.
    expect(chooseReading([evidence(reading('fresh', 'giá vàng sjc hôm nay bán ra bao nhiêu', false, true), false, 0.3), merged])).toBe(0);
    expect(chooseReading([evidence(reading('fresh', 'thế đóng lúc mấy h', true), false, 0.3), merged])).toBe(1);
    // Leaning on the last turn, the reading most likely answered is taken.
    const likely = evidence(reading('follow-up', 'người bị tạm giam có được bầu không'), true, 1, false, 0.9);
    expect(chooseReading([evidence(reading('fresh', 'còn người bị tạm giam', true), true, 1, false, 0.3), likely])).toBe(1);
    // ... and before that, the reading whose answer stays in a document the last answer cited.
    const onTopic = evidence(reading('follow-up', 'người bị tạm giam đi bầu ở đâu'), true, 1, false, 0.4, true);
    expect(chooseReading([evidence(reading('fresh', 'còn người bị tạm giam', true), true, 1, false, 0.3), likely, onTopic])).toBe(2);
  });

  it('lets a full question that finds no answer borrow the last topic only to stay in its documents and speak of what it asks', () => {
    const { borrowsAt } = READING_CHOICE;
    const full = reading('fresh', 'phải mời mấy người chứng kiến', false, true);
    const borrowed = (continues: boolean, ownWords: number) => evidence(reading('follow-up', 'Khi nào kiểm phiếu phải mời mấy người chứng kiến'), true, 1, false, 0.6, continues, ownWords);
    expect(chooseReading([evidence(full, false), borrowed(true, borrowsAt)])).toBe(1);
    // Its own words barely in the passage found ("thủ tục sang tên sổ đỏ mất bao lâu"), or another document: a new topic.
    expect(chooseReading([evidence(full, false), borrowed(true, borrowsAt - 0.1)])).toBe(0);
    expect(chooseReading([evidence(full, false), borrowed(false, 1)])).toBe(0);
    // Answered as it stands, it stands.
    expect(chooseReading([evidence(full, true), borrowed(true, 1)])).toBe(0);
  });

  it('lets a full question that leans on the last turn borrow only an answer in the last answer\'s documents', () => {
    const leaningFull = reading('fresh', 'thế thủ tục đăng ký tạm trú online làm như nào', true, true);
    const merged = (continues: boolean) => evidence(reading('follow-up', 'người tạm trú bầu được những cấp nào thủ tục đăng ký tạm trú online làm như nào'), true, 1, false, 0.6, continues, 0.1);
    // Another document: the lean does not make it the last topic.
    expect(chooseReading([evidence(leaningFull, false), merged(false)])).toBe(0);
    // In the last answer's documents, it needs no share of its own words: the lean says which topic.
    expect(chooseReading([evidence(leaningFull, false), merged(true)])).toBe(1);
  });
});

describe('readingsOf', () => {
  it('lists a resolution and the readings it carries, most likely first', () => {
    const r = after('Khiếu nại danh sách cử tri ở đâu?', 'bao lâu thì đc trả lời');
    expect(readingsOf(r).map((x) => x.kind)).toEqual(['fresh', 'follow-up', 'follow-up']);
  });
});
