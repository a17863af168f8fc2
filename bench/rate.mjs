// Latency at a fixed rate over many URLs: node bench/rate.mjs BASE RATE SECONDS URLS_FILE
// Sends RATE requests a second for SECONDS (open loop: each is sent on schedule, whether or not the earlier ones are
// answered), each a GET of a path drawn at random from URLS_FILE. Prints one JSON line: requests, 2xx answers, and
// latency percentiles in ms.
import { readFileSync } from "node:fs";

const [base, rate, seconds, urlsFile] = process.argv.slice(2);
const urls = readFileSync(urlsFile, "utf8").split("\n").filter(Boolean);
const interval = 1000 / Number(rate);
const total = Math.round(Number(rate) * Number(seconds));
const start = performance.now();
const pending = [];
for (let n = 0; n < total; n++) {
  const wait = start + n * interval - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const url = urls[Math.floor(Math.random() * urls.length)];
  const sent = performance.now();
  pending.push(fetch(base + url).then(async (response) => {
    await response.arrayBuffer();
    return { ok: response.ok, ms: performance.now() - sent };
  }, () => ({ ok: false, ms: performance.now() - sent })));
}
const results = await Promise.all(pending);
const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
const at = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10;
console.log(JSON.stringify({ requests: results.length, ok: results.filter((r) => r.ok).length, p50_ms: at(0.5), p99_ms: at(0.99) }));
