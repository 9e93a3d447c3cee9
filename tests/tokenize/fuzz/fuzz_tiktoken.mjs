// Differential fuzzing of `hirag tokenize --jsonl` against the npm tiktoken package:
// random adversarial strings (mixes of Unicode classes, whitespace, contractions,
// digits, emoji, special-token text) through both, for both encodings.
//   node tests/tokenize/fuzz/fuzz_tiktoken.mjs --binary build/hirag --cases 5000 --seed 1
//   node tests/tokenize/fuzz/fuzz_tiktoken.mjs --binary build/hirag --sweep 1   (about 5 minutes)
// With --sweep, the inputs are instead every Unicode scalar value in a few contexts
// (after letters/space/marks/apostrophe, before lower/upper case and digits).
// Prints each mismatch (input as JSON, both id lists); exits 1 if there was any.
import { spawnSync } from "child_process";
import { ENCODINGS, getEncoding } from "../tiktoken_node.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const binary = args.binary ?? "build/hirag";
const cases = Number(args.cases ?? 2000);
let seed = Number(args.seed ?? Date.now() % 1e9);
const initialSeed = seed;

// mulberry32: reproducible from --seed
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const chars = (s) => Array.from(s);

const POOLS = [
  chars("abcdefghijklmnopqrstuvwxyz"), chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), chars("0123456789"),
  [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u00a0", "\u3000", "\u2028", "\u0085", "\u000b", "\u000c", "\u1680", "\u2009"],
  chars("!?.,;:-_/\\\"'()[]{}<>|@#$%^&*+=~`"), ["//", "///", "/\n", "...", "->", "'", "’"],
  ["'s", "'S", "'t", "'T", "'re", "'RE", "'rE", "'ve", "'VE", "'m", "'M", "'ll", "'LL", "'lL", "'d", "'D", "'\u017f", "\u017f", "'\u212a", "'l", "'r", "'v"],
  ["\u0300", "\u0301", "\u0302", "\u0308", "\u20dd", "\u0e31", "\u093f", "\u094d", "\u05b7", "\u0670", "\u1ab0", "\ufe0f", "\u200d"],
  chars("ʰʲˆˇːー々ゝ〻ꜝ"), chars("ǅǈǋǲᾈᾼῌ"), chars("中文字あいうアイウاأبאבגกขคनमस한글"),
  chars("ÀÉÎÕÜßàéîõüŉĳĲΣσςΑαЖжЯяԱա"), chars("٣٤²³½¼Ⅻⅻ①②０１２३४"),
  ["👍", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🙂", "😀", "🇺🇸", "❤️", "✌🏿"],
  ["\ue000", "\uf8ff", "\u{10fffd}", "\u0378", "\u{e0001}", "\u{1ffff}", "\ufffe", "\u{30000}", "\u200b", "\ufeff", "\u00ad"],
  ["<|endoftext|>", "<|fim_prefix|>", "<|endofprompt|>", "<|", "|>"],
];
const WORDS = ["hello", "World", "HTTPServer", "camelCase", "don't", "I'M", "it's", "naïve", "Straße", "ΣΊΣΥΦΟΣ", "mañana", "123456", "3.14", "x86_64"];

function randomCodePoint() {
  for (;;) {
    const cp = random() < 0.7 ? Math.floor(random() * 0x3000) : Math.floor(random() * 0x110000);
    if (cp < 0xd800 || cp > 0xdfff) return String.fromCodePoint(cp);
  }
}

function randomString() {
  const parts = [];
  const n = 1 + Math.floor(random() * 30);
  for (let i = 0; i < n; i++) {
    const r = random();
    let part = r < 0.1 ? randomCodePoint() : r < 0.2 ? pick(WORDS) : pick(pick(POOLS));
    if (random() < 0.1) part = part.repeat(2 + Math.floor(random() * 8));
    parts.push(part);
  }
  return parts.join("");
}

function sweepStrings() {
  const out = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    out.push(`x${c}y ${c}a A${c}b ${c}${c}Z 'x'${c} 1${c}2 !${c}a ${c}  ${c}\n`);
  }
  return out;
}

const texts = args.sweep !== undefined ? sweepStrings() : Array.from({ length: cases }, randomString);
console.log(`fuzz: ${texts.length} inputs (${args.sweep !== undefined ? "unicode sweep" : `seed ${initialSeed}`}), binary ${binary}`);
let mismatches = 0;
for (const name of ENCODINGS) {
  const enc = getEncoding(name);
  const run = spawnSync(binary, ["tokenize", "--jsonl", "--encoding", name], {
    input: texts.map((t) => JSON.stringify(t)).join("\n") + "\n",
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`${binary} exited ${run.status}: ${run.stderr}`);
  const lines = run.stdout.toString().trimEnd().split("\n");
  if (lines.length !== texts.length) throw new Error(`expected ${texts.length} lines, got ${lines.length}`);
  texts.forEach((text, i) => {
    const expected = Array.from(enc.encode_ordinary(text));
    const got = JSON.parse(lines[i]);
    if (got.i !== i || got.n !== expected.length || JSON.stringify(got.ids) !== JSON.stringify(expected)) {
      mismatches++;
      if (mismatches <= 20) {
        console.log(`MISMATCH ${name} case ${i}: ${JSON.stringify(text)}\n  tiktoken ${JSON.stringify(expected)}\n  hirag    ${JSON.stringify(got.ids)}`);
      }
    }
  });
  enc.free();
}
console.log(`fuzz: ${mismatches} mismatches in ${texts.length * ENCODINGS.length} encodings`);
process.exit(mismatches ? 1 : 0);
