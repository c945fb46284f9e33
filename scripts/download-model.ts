/**
 * npm run model:download [-- --fp32]
 *
 * Downloads Xenova/all-MiniLM-L6-v2 from the Hugging Face hub (needs internet) into MODEL_DIR, or into
 * backend/data/models when MODEL_DIR is unset — the folder the server looks in — so the app then loads it
 * offline at every start. Layout written (see backend/src/modules/screening/embedder.ts):
 *   <dir>/Xenova/all-MiniLM-L6-v2/{config.json,tokenizer.json,tokenizer_config.json,onnx/model_quantized.onnx}
 * --fp32 also fetches onnx/model.onnx (90 MB; only needed if the quantized file misbehaves on your CPU).
 * Exits 1 when the download fails, saying why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_NAME, loadEmbedder } from '../backend/src/modules/screening/embedder';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = path.resolve(process.env['MODEL_DIR'] ?? path.join(ROOT, 'backend', 'data', 'models'));
const modelName = process.env['MODEL_NAME'] ?? DEFAULT_MODEL_NAME;
const dtypes: Array<'q8' | 'fp32'> = process.argv.includes('--fp32') ? ['q8', 'fp32'] : ['q8'];

fs.mkdirSync(modelDir, { recursive: true });
let failed = false;
for (const dtype of dtypes) {
  console.log(`Fetching ${modelName} (${dtype}) into ${modelDir} …`);
  const embedder = await loadEmbedder({ cacheDir: modelDir, modelName, allowRemoteModels: true, dtype, log: (m) => console.log(`  ${m}`) });
  if (embedder.kind !== 'minilm') {
    console.error(`Download failed: ${embedder.reason ?? 'unknown reason'}`);
    failed = true;
    break;
  }
  const v = await embedder.embedDocument('Senior TypeScript engineer with React and PostgreSQL experience');
  console.log(`  ok: ${embedder.description}; test vector ${v.length}-d`);
}
if (failed) {
  console.error('The app still runs without it, on the lexical similarity fallback (see /health).');
  process.exit(1);
}
console.log(`Done. Start the server with MODEL_DIR=${modelDir} (or leave MODEL_DIR unset if this is backend/data/models).`);
