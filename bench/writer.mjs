// One editor writing at a fixed rate: node bench/writer.mjs BASE TOKEN RATE SECONDS IDS_FILE
// Each write is a merge patch of one quote of IDS_FILE (one id per line, taken in turn) that moves it between two
// topics, so that every write changes the quote. Prints one JSON line: writes made and answered 2xx, and latency
// percentiles in ms. Writes are sequential (one editor): a slow answer delays the next one.
import { readFileSync } from "node:fs";

const [base, token, rate, seconds, idsFile] = process.argv.slice(2);
const ids = readFileSync(idsFile, "utf8").split("\n").filter(Boolean);
const interval = 1000 / Number(rate);
const end = performance.now() + Number(seconds) * 1000;
const latencies = [];
let ok = 0;
let failed = 0;
for (let n = 0; performance.now() < end; n++) {
  const due = performance.now() + interval;
  const id = ids[n % ids.length];
  const topic = Math.floor(n / ids.length) % 2 === 0 ? "trade" : "sanctions";
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/v1/quotes/${id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/merge-patch+json",
        "if-match": "*",
      },
      body: JSON.stringify({ topics: [topic], reason: "benchmark" }),
    });
    await response.arrayBuffer();
    if (response.ok) ok++; else failed++;
  } catch {
    failed++;
  }
  latencies.push(performance.now() - started);
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10 : null);
console.log(JSON.stringify({ writes: latencies.length, ok, failed, p50_ms: at(0.5), p99_ms: at(0.99) }));
