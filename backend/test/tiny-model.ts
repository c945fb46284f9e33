/**
 * Writes a tiny BERT-shaped model folder that transformers.js loads like the real all-MiniLM-L6-v2:
 * `<root>/<modelName>/{config.json,tokenizer.json,tokenizer_config.json,onnx/model.onnx}`.
 * The graph takes input_ids/attention_mask/token_type_ids and returns last_hidden_state [batch, seq, dim]
 * from embedding-table lookups (word + token type), so the real tokenizer → ONNX → pooling code runs offline
 * in milliseconds. Its vectors mean nothing semantically; each vocabulary word just has its own direction.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';

export interface TinyModel {
  /** Folder to use as MODEL_DIR (holds `<modelName>/…`). */
  modelDir: string;
  modelName: string;
  dimension: number;
}

export interface TinyModelOptions {
  /** Whole words in the vocabulary; anything else is spelled with single characters. */
  words?: string[];
  dimension?: number;
  modelName?: string;
  /** Also write onnx/model_quantized.onnx (the same fp32 graph) so the q8 file choice can be seen. */
  withQuantizedFile?: boolean;
  /** Folder to write into; a new temp folder by default. */
  root?: string;
}

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

function seededNormal(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return () => uniform() + uniform() + uniform() + uniform() - 2;
}

export function writeTinyModel(opts: TinyModelOptions = {}): TinyModel {
  const dimension = opts.dimension ?? 16;
  const modelName = opts.modelName ?? 'test/tiny-bert';
  const modelDir = opts.root ?? mkdtempSync(join(tmpdir(), 'shortlist-tiny-model-'));
  const folder = join(modelDir, modelName);

  const vocabList = [...SPECIAL, ...CHARS, ...CHARS.map((c) => `##${c}`)];
  for (const w of opts.words ?? []) {
    const lower = w.toLowerCase();
    if (!vocabList.includes(lower)) {
      vocabList.push(lower);
    }
  }
  const vocab = Object.fromEntries(vocabList.map((t, i) => [t, i]));
  const vocabSize = vocabList.length;

  const T = onnx.TensorProto.DataType;
  const normal = seededNormal(7);
  const table = (rows: number): Uint8Array => {
    const arr = Float32Array.from({ length: rows * dimension }, () => normal());
    return new Uint8Array(arr.buffer);
  };
  const initializer = [
    onnx.TensorProto.create({ name: 'emb.word', dims: [vocabSize, dimension], dataType: T.FLOAT, rawData: table(vocabSize) }),
    onnx.TensorProto.create({ name: 'emb.type', dims: [2, dimension], dataType: T.FLOAT, rawData: table(2) }),
  ];
  const node = [
    onnx.NodeProto.create({ opType: 'Gather', input: ['emb.word', 'input_ids'], output: ['words'], name: 'gather_words' }),
    onnx.NodeProto.create({ opType: 'Gather', input: ['emb.type', 'token_type_ids'], output: ['types'], name: 'gather_types' }),
    onnx.NodeProto.create({ opType: 'Add', input: ['words', 'types'], output: ['last_hidden_state'], name: 'add' }),
  ];
  // attention_mask is an input the real model has; this graph does not need it, but ORT must accept it.
  const maskEcho = onnx.NodeProto.create({ opType: 'Identity', input: ['attention_mask'], output: ['mask_out'], name: 'mask' });
  const valueInfo = (name: string, elemType: number, dims: Array<string | number>): onnx.ValueInfoProto =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: {
          elemType,
          shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
        },
      },
    });
  const graph = onnx.GraphProto.create({
    name: 'tiny_bert',
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => valueInfo(n, T.INT64, ['batch_size', 'sequence_length'])),
    output: [
      valueInfo('last_hidden_state', T.FLOAT, ['batch_size', 'sequence_length', dimension]),
      valueInfo('mask_out', T.INT64, ['batch_size', 'sequence_length']),
    ],
    initializer,
    node: [...node, maskEcho],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, producerName: 'shortlist-tiny-model', opsetImport: [{ domain: '', version: 17 }], graph });
  const problem = onnx.ModelProto.verify(model);
  if (problem) {
    throw new Error(problem);
  }
  const bytes = onnx.ModelProto.encode(model).finish();

  mkdirSync(join(folder, 'onnx'), { recursive: true });
  writeFileSync(join(folder, 'onnx', 'model.onnx'), bytes);
  if (opts.withQuantizedFile) {
    writeFileSync(join(folder, 'onnx', 'model_quantized.onnx'), bytes);
  }
  writeFileSync(
    join(folder, 'config.json'),
    JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: dimension, vocab_size: vocabSize, max_position_embeddings: 512 }),
  );
  writeFileSync(
    join(folder, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 256,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  writeFileSync(
    join(folder, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: SPECIAL.map((s) => ({ id: vocab[s], content: s, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: {
        type: 'TemplateProcessing',
        single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
        pair: [
          { SpecialToken: { id: '[CLS]', type_id: 0 } },
          { Sequence: { id: 'A', type_id: 0 } },
          { SpecialToken: { id: '[SEP]', type_id: 0 } },
          { Sequence: { id: 'B', type_id: 1 } },
          { SpecialToken: { id: '[SEP]', type_id: 1 } },
        ],
        special_tokens: {
          '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
          '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
        },
      },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
    }),
  );
  return { modelDir, modelName, dimension };
}
