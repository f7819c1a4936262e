import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];

export interface TinyModelOptions {
  /** Words the tokenizer knows; anything else becomes [UNK]. */
  words: Iterable<string>;
  /** Words in one group share one embedding row, so the model treats them as synonyms. */
  synonyms?: string[][];
  dimensions?: number;
  /** Every row gets this multiple of one shared vector, so all texts sit close together, as a real encoder's outputs do (their cosines are all high). */
  shared?: number;
}

/** Splits like the tokenizer below (NFC, lower case, BERT pre-tokenizer), so vocabularies match what it will see. */
export function tinyModelWords(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// A small deterministic generator: the same words always get the same vectors.
function seededRows(count: number, dimensions: number, seed = 7): Float32Array[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: dimensions }, next));
}

/**
 * Writes a feature-extraction model in the layout transformers.js loads from a models folder:
 * an ONNX graph (token embedding lookup → last_hidden_state) written with onnx-proto, a WordPiece
 * tokenizer.json, tokenizer_config.json and config.json. Mean pooling over it averages word vectors.
 */
export async function writeTinyModel(modelsDir: string, model: string, options: TinyModelOptions): Promise<string> {
  const dimensions = options.dimensions ?? 16;
  const groups = options.synonyms ?? [];
  const grouped = new Set(groups.flat());
  const plain = [...new Set(options.words)].filter((w) => !grouped.has(w)).sort();
  const vocab = [...SPECIAL, ...plain, ...groups.flat()];
  const rowOf = new Map<string, number>();
  plain.forEach((w, i) => rowOf.set(w, i + 1));
  groups.forEach((group, g) => group.forEach((w) => rowOf.set(w, plain.length + 1 + g)));
  const rows = seededRows(plain.length + groups.length + 1, dimensions);
  const [common] = seededRows(1, dimensions, 11) as [Float32Array];
  for (const row of rows) row.forEach((v, i) => (row[i] = v + (options.shared ?? 0) * (common[i] as number)));
  // Row 0 is shared by the special tokens: small and constant, so pooling never divides by zero.
  (rows[0] as Float32Array).fill(0.01);
  const table = new Float32Array(vocab.length * dimensions);
  vocab.forEach((word, id) => table.set(rows[rowOf.get(word) ?? 0] as Float32Array, id * dimensions));

  const dir = path.join(modelsDir, model);
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  const tensorType = (elemType: number, dims: Array<string | number>) => ({
    tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } },
  });
  const graph = onnx.ModelProto.encode({
    irVersion: 7,
    producerName: 'cu-tri-hoi tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny-embedder',
      node: [{ opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['last_hidden_state'], attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] }],
      initializer: [{ name: 'embeddings', dataType: onnx.TensorProto.DataType.FLOAT, dims: [vocab.length, dimensions], rawData: new Uint8Array(table.buffer) }],
      input: [
        { name: 'input_ids', type: tensorType(onnx.TensorProto.DataType.INT64, ['batch', 'sequence']) },
        { name: 'attention_mask', type: tensorType(onnx.TensorProto.DataType.INT64, ['batch', 'sequence']) },
      ],
      output: [{ name: 'last_hidden_state', type: tensorType(onnx.TensorProto.DataType.FLOAT, ['batch', 'sequence', dimensions]) }],
    },
  }).finish();
  // transformers.js opens model_quantized.onnx by default; this graph has no weights worth quantizing.
  await writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), graph);

  const special = (content: string, id: number) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const template = (pieces: string[]) => pieces.map((p) => (p.startsWith('[') ? { SpecialToken: { id: p, type_id: 0 } } : { Sequence: { id: p, type_id: 0 } }));
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFC' }, { type: 'Lowercase' }] },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: template(['[CLS]', 'A', '[SEP]']),
      pair: template(['[CLS]', 'A', '[SEP]', 'B', '[SEP]']),
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [SPECIAL.indexOf(t)], tokens: [t] }])),
    },
    decoder: null,
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((w, i) => [w, i])) },
  };
  await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(
    path.join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'XLMRobertaTokenizer', model_max_length: 128, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]' }),
  );
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: dimensions, vocab_size: vocab.length }));
  return dir;
}
