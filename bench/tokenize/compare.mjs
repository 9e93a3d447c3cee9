// Prints the side-by-side table of run.sh from bench_tokenize's JSON and
// tiktoken_bench.mjs's JSON lines.
import { readFileSync } from "fs";

const hirag = JSON.parse(readFileSync(process.argv[2], "utf8"));
const tiktoken = readFileSync(process.argv[3], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const mbps = (name) => {
  const b = hirag.benchmarks.find((x) => x.name === name || x.name === `${name}/real_time`);
  return b ? b.bytes_per_second / 1e6 : NaN;
};
const ctx = hirag.context;
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
const pad = (s, n) => String(s).padStart(n);

console.log(`\n${"encoding".padEnd(12)} ${"text".padEnd(10)} ${pad("hirag enc MB/s", 15)} ${pad("hirag count MB/s", 17)} ${pad("tiktoken MB/s", 14)} ${pad("ratio", 7)}`);
for (const row of tiktoken.filter((r) => r.text)) {
  const enc = mbps(`encode/${row.encoding}/${row.text}`);
  const cnt = mbps(`count/${row.encoding}/${row.text}`);
  console.log(`${row.encoding.padEnd(12)} ${row.text.padEnd(10)} ${pad(f(enc), 15)} ${pad(f(cnt), 17)} ${pad(f(row.mb_per_s, 2), 14)} ${pad(f(enc / row.mb_per_s) + "x", 7)}`);
}
console.log(`\n${"encoding".padEnd(12)} ${pad("hirag first load ms", 20)} ${pad("hirag load ms", 14)} ${pad("hirag RSS +KB", 14)} ${pad("tiktoken load ms", 17)} ${pad("tiktoken RSS +KB", 17)}`);
for (const row of tiktoken.filter((r) => r.load_ms !== undefined)) {
  const load = hirag.benchmarks.find((x) => x.name === `load/${row.encoding}`);
  console.log(`${row.encoding.padEnd(12)} ${pad(f(Number(ctx[`${row.encoding}_first_load_ms`])), 20)} ${pad(f(load?.real_time), 14)} ${pad(ctx[`${row.encoding}_rss_growth_kb`], 14)} ${pad(f(row.load_ms), 17)} ${pad(row.rss_growth_kb, 17)}`);
}
