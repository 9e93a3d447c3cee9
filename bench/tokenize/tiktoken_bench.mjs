// Measures the npm `tiktoken` package (OpenAI's Rust core as WASM) on the parity texts:
// encoder load time, resident memory growth, and single-thread encode MB/s (timed
// inside node, after loading). Prints one JSON object per line for run.sh.
//   node bench/tokenize/tiktoken_bench.mjs [shared dir] [min seconds per text]
import { readFileSync } from "fs";
import { gunzipSync } from "zlib";
import { ENCODINGS, getEncoding, version } from "../../tests/tokenize/tiktoken_node.mjs";

const shared = process.argv[2] ?? new URL("../../../shared", import.meta.url).pathname;
const minSeconds = Number(process.argv[3] ?? 2);
const TEXTS = ["doc_en", "code_py", "i18n_text", "crlf_text"];
const texts = Object.fromEntries(
  TEXTS.map((n) => [n, gunzipSync(readFileSync(`${shared}/data/tokenizer-parity/${n}.txt.gz`)).toString("utf8")]),
);
const rssKb = () => Math.round(process.memoryUsage().rss / 1024);

for (const encoding of ENCODINGS) {
  const rssBefore = rssKb();
  const t0 = process.hrtime.bigint();
  const enc = getEncoding(encoding);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  enc.encode_ordinary("warm up");
  console.log(JSON.stringify({ tool: `tiktoken ${version}`, encoding, load_ms: loadMs, rss_growth_kb: rssKb() - rssBefore }));
  for (const name of TEXTS) {
    const text = texts[name];
    const bytes = Buffer.byteLength(text);
    let runs = 0;
    const start = process.hrtime.bigint();
    let seconds = 0;
    do {
      enc.encode_ordinary(text);
      runs++;
      seconds = Number(process.hrtime.bigint() - start) / 1e9;
    } while (seconds < minSeconds);
    console.log(JSON.stringify({ encoding, text: name, mb_per_s: (bytes * runs) / seconds / 1e6 }));
  }
  enc.free();
}
