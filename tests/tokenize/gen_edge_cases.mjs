// Generates tests/tokenize/edge_cases.jsonl: edge-case inputs with the reference ids of
// the npm tiktoken package (OpenAI's Rust core as WASM) for both encodings.
//   cd bench/tokenize && npm install tiktoken@1.0.22   (or TIKTOKEN_DIR=/dir/with/node_modules)
//   node tests/tokenize/gen_edge_cases.mjs > tests/tokenize/edge_cases.jsonl
// Each line: {"name","text","allowed":[special names]|null,"cl100k_base":[ids],"o200k_base":[ids]}.
// allowed == null: encode_ordinary; otherwise encode(text, allowed, []) (others are plain text).
import { ENCODINGS, getEncoding, version } from "./tiktoken_node.mjs";

if (version !== "1.0.22") throw new Error(`expected tiktoken 1.0.22, found ${version}`);

const cases = [];
const add = (name, text, allowed = null) => cases.push({ name, text, allowed });

add("empty", "");
for (const n of [1, 2, 3, 7, 16, 33, 100]) {
  add(`spaces_${n}`, " ".repeat(n));
  add(`spaces_${n}_then_word`, " ".repeat(n) + "word");
  add(`word_spaces_${n}_word`, "a" + " ".repeat(n) + "b");
  add(`newlines_${n}`, "\n".repeat(n));
  add(`crlf_${n}`, "\r\n".repeat(n));
  add(`spaces_newlines_${n}`, (" \n").repeat(n) + "x");
}
add("tabs", "\t\tx\t \ty \t");
add("space_before_newline", "line   \n  next\r\n\r\n  \tlast  ");
add("nbsp_ideographic_space", "a\u00a0\u00a0b\u3000\u3000c \u2028d\u2029e\u0085f");
add("trailing_spaces", "end with spaces   ");
add("space_symbol_newlines", "x ...\n\n\n y !!!\r\n\r\n z");
add("cr_only", "a\rb\r\r c \r");
add("vertical_tab_formfeed", "a\x0b\x0cb \x0b c\x1c\x1d\x1e\x1fd");
add("digits", "1 12 123 1234 12345 1234567890123");
add("digit_word_mix", "abc123def4567ghi 3.14159 1,000,000 0x1F2E");
add("unicode_digits", "１２３４５ ٣٤٥٦ ०१२३ ²³¹ ½¼ Ⅻⅻ ①②③④");
add("mixed_scripts", "Hello мир 世界 مرحبا שלום नमस्ते こんにちは 안녕하세요 Γειά σου ქართული");
add("combining_marks", "e\u0301 a\u0301\u0302b \u0301abc \u0301\u0301 ABC\u0301DEF \u0300\u0300x");
add("combining_after_symbols", "!\u0301a ?\u0301\u0301 \u20dd\u20ddA 1\u0301 \u0301");
add("devanagari", "क्षत्रिय हिन्दी भाषा");
add("thai_arabic_marks", "ภาษาไทย العَرَبِيَّة");
add("emoji_zwj", "👨‍👩‍👧‍👦 🏳️‍🌈 👍🏽 a👍b  👍 👍\u200d\u200d");
add("emoji_runs", "🙂".repeat(40) + " " + "😀😃😄😁".repeat(10));
add("unassigned_private_use", "\u0378\u0379 \ue000\uf8ff \u{10fffd} \u{e0001} \u{1ffff} \u{30000}\u{3134f}\u{323af} \ufffe\uffff");
add("format_chars", "a\u200bb\u200cc\u200dd\ufeffe\u00adf\u2060g");
add("contractions_lower", "I'm you're we've it's he'll she'd don't 's 't");
add("contractions_upper", "I'M YOU'RE WE'VE IT'S HE'LL SHE'D DON'T 'S 'T 'RE 'VE 'M 'LL 'D");
add("contractions_mixed_case", "'Re 'rE 'Ve 'vE 'Ll 'lL x'S y'T");
add("contractions_case_fold", "it'\u017f '\u017f x'\u017f'\u017f '\u212a 'K 'k \u017f'\u017f");
add("contractions_edge", "''s '''t 'sup o'clock rock'n'roll 'l 'lll 're's ’s don’t '");
add("contractions_o200k_letters", "HELLO'S Hello's hello'S ÀÉ'LL àé'd ǅ's ʰ'm");
add("o200k_case_runs", "HelloWorld HTTPServer camelCaseString ABCdef abcDEF XMLHttpRequest iPhone");
add("o200k_titlecase_modifier", "ǅungla ǅǅ ǈa ʰello Aʰ ʰʰA ǲz Ǳ");
add("o200k_marks_and_case", "\u0301A A\u0301 \u0301\u0301A a\u0301B \u0301ABC \u0301abc Ａ\u0300ＢＣ");
add("o200k_lo_lm", "中文English混合 ｶﾀｶﾅ ﾞabc 々木 ーABC");
add("symbols", "...!!!??? --> <!-- */ /* ;;\n\n )))) \"quoted\" [x] {y}");
add("slashes", "a/b/c // x /// y http://example.com/path/ ./x \\/ /\n/\r\n/");
add("symbol_then_newlines", "x;\n\n\ny:\r\n\r\nz//\n\n");
add("special_text_ordinary", "<|endoftext|> hello <|endoftext|><|fim_prefix|>x<|fim_suffix|>y<|fim_middle|>z<|endofprompt|>");
add("special_text_partial", "<|endoftext <|endoftext|| |endoftext|> <||>");
add("special_allowed_one", "a<|endoftext|>b <|fim_prefix|> c <|endoftext|>", ["<|endoftext|>"]);
add("special_allowed_endofprompt", "x <|endofprompt|>\n<|endoftext|>", ["<|endofprompt|>"]);
add("special_allowed_adjacent", "<|endoftext|><|endoftext|>  <|endoftext|>\n\n", ["<|endoftext|>"]);
add("special_allowed_space_before", "hello   <|endoftext|>world", ["<|endoftext|>"]);
add("long_letter_run", "a".repeat(3000));
add("long_upper_run", "AB".repeat(1000));
add("long_space_run", " ".repeat(3000) + "x");
add("long_newline_run", "\n".repeat(2000));
add("long_digit_run", "1234567890".repeat(50));
add("long_emoji_run", "🙂".repeat(600));
add("long_cjk_run", "中文字".repeat(400));
add("long_symbol_run", "=-".repeat(1000));
add("long_word_repeat", "hello world ".repeat(300));
add("code", "def f(x):\n    return x**2  # square\n\n\nclass A:\n\tpass\r\n");
add("json", '{"a": [1, 2, 3], "b": {"c": null}}\n');

const encoders = Object.fromEntries(ENCODINGS.map((name) => [name, getEncoding(name)]));
for (const c of cases) {
  const row = { name: c.name, text: c.text, allowed: c.allowed };
  for (const name of ENCODINGS) {
    const enc = encoders[name];
    let allowed = c.allowed;
    if (allowed) {
      const specials = name === "cl100k_base"
        ? ["<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>"]
        : ["<|endoftext|>", "<|endofprompt|>"];
      allowed = allowed.filter((s) => specials.includes(s));
    }
    const ids = allowed ? enc.encode(c.text, allowed, []) : enc.encode_ordinary(c.text);
    row[name] = Array.from(ids);
  }
  process.stdout.write(JSON.stringify(row) + "\n");
}
for (const enc of Object.values(encoders)) enc.free();
