import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { readManifest } from '../../src/index/index.ts';
import { runScript, scratchWorkspace } from '../helpers.ts';
import { tinyModelWords, writeTinyModel } from '../support/tiny-model.ts';

let ws: Awaited<ReturnType<typeof scratchWorkspace>>;

function run(script: string, args: string[], input?: string) {
  return runScript(`src/cli/${script}.ts`, args, { CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir, LOG_LEVEL: 'info' }, input);
}

beforeAll(async () => {
  ws = await scratchWorkspace();
});

describe('ask', () => {
  it('builds the missing index, says so on stderr, and prints exactly one JSON object', async () => {
    const { code, stdout, stderr } = await run('ask', ['--json', 'Chỉ thị 03-CT/TU ban hành ngày nào?']);
    expect(code).toBe(0);
    expect(stderr).toContain('no index is built yet: building the index before answering');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string);
    expect(Object.keys(answer)).toEqual(['question', 'resolvedQuestion', 'answered', 'outcome', 'reason', 'suggestions', 'text', 'citations']);
    expect(answer.outcome).toBe('answered');
    expect(answer.reason).toBeNull();
    expect(answer.suggestions).toEqual([]);
    expect(answer.answered).toBe(true);
    expect(Object.keys(answer.citations[0])).toEqual(['n', 'docId', 'title', 'kind', 'issuer', 'publisher', 'date', 'url', 'article', 'number', 'passage', 'score']);
    expect(answer.citations[0].passage).toContain('03-CT/TU');
  });

  it('reads one question per line from stdin with --json and answers each on its own line', async () => {
    const { code, stdout } = await run('ask', ['--json'], 'chi thi 05 yeu cau gi\n\ngiá vàng hôm nay\nWhich directive did Lang Son issue?\n');
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.answered])).toEqual([
      ['chi thi 05 yeu cau gi', true],
      ['giá vàng hôm nay', false],
      ['Which directive did Lang Son issue?', true],
    ]);
  });

  it('tells replies apart in JSON: outcome and reason, for every kind of reply', async () => {
    const lines = ['hello', 'Chỉ thị 05-CT/TW yêu cầu gì?', 'Chỉ thị 99-CT/TW yêu cầu gì?', 'Điều 500 luật bầu cử', 'thủ tục ly hôn đơn phương thế nào'];
    const { code, stdout } = await run('ask', ['--json'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => [r.outcome, r.reason])).toEqual([
      ['small_talk', 'greeting'],
      ['answered', 'no_full_text'],
      ['not_in_corpus', 'unknown_reference'],
      ['unknown_article', 'unknown_article'],
      ['declined', expect.any(String)],
    ]);
    // "hello" is answered in English; a directive known only from mentions says the corpus holds no text of it.
    expect(replies[0].text).toMatch(/^Hello!/);
    expect(replies[1].text).toMatch(/^Kho chưa có toàn văn Chỉ thị 05-CT\/TW\./);
    expect(replies[1].text).toContain('Bộ Chính trị');
  });

  it('reads consecutive lines of --json input as one conversation, and a line --- as the start of another', async () => {
    const input = ['Người đang bị tạm giam có được đi bầu không?', 'điều nào quy định vậy?', '---', 'điều nào quy định vậy?'].join('\n');
    const { code, stdout } = await run('ask', ['--json'], `${input}\n`);
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => r.question)).toEqual(['Người đang bị tạm giam có được đi bầu không?', 'điều nào quy định vậy?', 'điều nào quy định vậy?']);
    expect(replies[1].resolvedQuestion).toMatch(/^Điều 29 khoản 5 /);
    expect(replies[1].text).toContain('Cử tri là người đang bị tạm giam');
    // After ---, the same words stand alone: there is no answer to ask about.
    expect(replies[2].resolvedQuestion).toBe('điều nào quy định vậy?');
    expect(replies[2].answered).toBe(false);
  });

  it('lets a full question that drops its subject borrow the last topic, and never a question about another topic', async () => {
    const input = ['Khi nào thì kiểm phiếu?', 'phải mời mấy người chứng kiến?', 'thủ tục sang tên sổ đỏ mất bao lâu?'].join('\n');
    const { code, stdout } = await run('ask', ['--json'], `${input}\n`);
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies[1].resolvedQuestion).toMatch(/^kiểm phiếu phải mời mấy người chứng kiến/);
    expect(replies[1].answered).toBe(true);
    expect(replies[1].text).toContain('mời 2 cử tri');
    expect(replies[2].resolvedQuestion).toBe('thủ tục sang tên sổ đỏ mất bao lâu?');
    expect(replies[2].answered).toBe(false);
  });

  it('never lets a question no law answers (an opinion) borrow the last topic', async () => {
    const input = ['Mỗi đơn vị bầu cử ĐBQH được bầu tối đa bao nhiêu đại biểu?', 'danh sach ung cu phai nhieu hon so duoc bau it nhat may nguoi?', 'bn nghi ai se trung cu o don vi mik nhi?'];
    const { code, stdout } = await run('ask', ['--json'], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    const opinion = JSON.parse(stdout.trim().split('\n')[2] as string);
    expect([opinion.resolvedQuestion, opinion.answered]).toEqual([input[2], false]);
  });

  it('holds a conversation with --chat, follow-ups read with the questions before', async () => {
    const { code, stdout } = await run('ask', ['--chat'], 'Người đang bị tạm giam có được đi bầu không?\ncòn người đang chấp hành án tù thì sao?\n');
    expect(code).toBe(0);
    const answers = stdout.split(/(?=^Theo luật hiện hành:$)/mu);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toContain('[1] «Người đang bị tạm giam');
    expect(answers[1]).toMatch(/\[1\] «Có bốn trường hợp: [^»]*người đang chấp hành án tù/u);
  });

  it('refuses a question over 1,000 characters with a clear message, answering the other lines', async () => {
    const long = 'x'.repeat(10 * 1024);
    const alone = await run('ask', [long]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('A question may have at most 1000 characters; this one has 10240.');
    const lines = await run('ask', ['--json'], `Mấy giờ thì bắt đầu bỏ phiếu?\n${long}\n`);
    expect(lines.code).toBe(2);
    expect(lines.stderr).toContain('line 2: A question may have at most 1000 characters');
    expect(lines.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('answers an empty question with the usage and a non-zero exit, never with silence', async () => {
    const empty = await run('ask', ['']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Usage:');
    const nothing = await run('ask', ['--json'], '\n  \n');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Usage:');
    expect(nothing.stdout).toBe('');
  });

  it('prints plain text, in English with --lang en, and rejects an unknown language', async () => {
    const vi = await run('ask', ['Lạng Sơn triển khai công tác bầu cử ra sao?']);
    expect(vi.stdout).toMatch(/^Kho tài liệu ghi:\n/);
    expect(vi.stdout).toContain('Nguồn:');
    const en = await run('ask', ['--lang', 'en', 'giá vàng hôm nay']);
    expect(en.stdout).toContain('Sorry, the corpus has nothing');
    const bad = await run('ask', ['--lang', 'fr', 'x']);
    expect(bad.code).toBe(2);
  });
});

describe('reindex', () => {
  it('prints a one-line summary, and on a broken file names it and keeps the old index', async () => {
    const ok = await run('reindex', []);
    expect(ok.code).toBe(0);
    const documents = (await loadCorpus(ws.corpusDir)).documents.length;
    // `ask` above built this index, so every vector is reused.
    const summary = new RegExp(`^Indexed ${documents} documents, (\\d+) passages \\(0 embedded, (\\d+) reused\\) with local-hash-v1-512 in \\d+\\.\\d\\d s`);
    const [, passages, reused] = summary.exec(ok.stdout) ?? [];
    expect(reused).toBe(passages);
    const chosen = ok.stderr.split('\n').filter((l) => l.startsWith('embedder:'));
    // One short plain line, not a JSON object.
    expect(chosen).toEqual([`embedder: local-hash-v1-512 (weight-free; no Xenova/multilingual-e5-small in ${ws.modelsDir})`]);
    const before = await readManifest(ws.indexDir);
    await writeFile(path.join(ws.corpusDir, 'news', 'broken.md'), '---\ntitle: Thiếu loại\n---\nNội dung.\n');
    const failed = await run('reindex', []);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('news/broken.md: kind');
    expect(failed.stderr).toContain('previous index is unchanged');
    expect(await readManifest(ws.indexDir)).toEqual(before);
  });
});

describe('ask --list-directives', () => {
  it('prints the register as text and as JSON', async () => {
    const text = await run('ask', ['--list-directives']);
    expect(text.stdout).toContain('Chỉ thị 03-CT/TU — Ban Thường vụ Tỉnh ủy Lạng Sơn · 20/01/2021 · lãnh đạo cuộc bầu cử');
    const json = await run('ask', ['--list-directives', '--json']);
    const items = JSON.parse(json.stdout) as Array<{ reference: string; mentions: unknown[] }>;
    expect(items.find((i) => i.reference === 'Chỉ thị 05-CT/TW')?.mentions.length).toBeGreaterThanOrEqual(3);
  });
});

describe('eval', () => {
  const questions = [
    { question: 'Chỉ thị 03-CT/TU ban hành ngày nào?', expect: ['news/2021-02-06-trien-khai-cong-tac-bau-cu-dbqh-khoa'], group: 'g', answer: '03-CT/TU' },
    { question: 'Cách nấu phở bò ngon', expect: [], group: 'g' },
  ];

  it('measures a question file with the embedder asked for: the neural one where its model is present', async () => {
    // A workspace of its own: other tests here break the shared corpus on purpose.
    const own = await scratchWorkspace();
    const file = path.join(own.corpusDir, '..', 'eval-questions.json');
    await writeFile(file, JSON.stringify(questions));
    const corpusWords = new Set<string>();
    for (const doc of (await loadCorpus(own.corpusDir)).documents) for (const w of tinyModelWords(`${doc.title}\n${doc.body}`)) corpusWords.add(w);
    await writeTinyModel(own.modelsDir, 'tests/tiny-eval', { words: corpusWords });
    const env = { EMBEDDING_MODEL: 'tests/tiny-eval', INDEX_DIR: own.indexDir };
    const neural = await runScript('src/cli/eval.ts', ['--embedder', 'transformers', '--questions', file], { CORPUS_DIR: own.corpusDir, MODELS_DIR: own.modelsDir, ...env });
    expect(neural.code).toBe(0);
    expect(neural.stdout).toContain('embedder: transformers:tests/tiny-eval');
    expect(neural.stdout).toMatch(/^g\s+2\s+100\.0%\s+100\.0%\s+100\.0%\s+1\.000\s+100\.0%\s+0 \( 0 unsure\)\s+–\s+100\.0%\s+100\.0%$/m);

    const missing = await runScript('src/cli/eval.ts', ['--embedder', 'transformers', '--questions', file], { CORPUS_DIR: own.corpusDir, MODELS_DIR: own.modelsDir, EMBEDDING_MODEL: 'tests/not-there', INDEX_DIR: `${own.indexDir}-missing` });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tests/not-there');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('every command', () => {
  const COMMANDS = ['ask', 'eval', 'fit', 'reindex', 'import-law', 'feedback', 'web', 'mcp', 'start', 'download-model'];

  it('answers --help with its usage, and an unknown option with what was wrong and the usage, doing nothing', async () => {
    const fresh = { CORPUS_DIR: ws.corpusDir, INDEX_DIR: path.join(ws.corpusDir, '..', 'never-built'), MODELS_DIR: ws.modelsDir };
    for (const command of COMMANDS) {
      const help = await runScript(`src/cli/${command}.ts`, ['--help'], fresh);
      expect([command, help.code, help.stdout]).toEqual([command, 0, expect.stringContaining('Usage:')]);
      const wrong = await runScript(`src/cli/${command}.ts`, ['--tittle'], fresh);
      expect([command, wrong.code]).toEqual([command, 2]);
      expect(wrong.stderr).toContain("Unknown option '--tittle'");
      expect(wrong.stderr).toContain('Usage:');
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
    }
    // Nothing was built or served: no index was written.
    expect(await readManifest(fresh.INDEX_DIR)).toBeNull();
  });
});
