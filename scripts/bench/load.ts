/**
 * The load generator, run by scripts/bench.ts as its own process so that it does not share a
 * CPU budget with the orchestrator: autocannon against one URL for a fixed time, every response
 * time recorded, and one JSON line printed: { rps, p50, p95, p99, requests, errors, non2xx }.
 *
 *   tsx scripts/bench/load.ts '{"url":"http://127.0.0.1:3400/floor","connections":10,"seconds":10,"headers":{}}'
 */
import autocannon from "autocannon";

interface Job {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
}

const job = JSON.parse(process.argv[2]) as Job;
const times: number[] = [];
const instance = autocannon(
  {
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    headers: job.headers,
    method: job.method ?? "GET",
    body: job.body,
  },
  (err, result) => {
    if (err) throw err;
    times.sort((a, b) => a - b);
    const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : NaN);
    const out = {
      rps: times.length / job.seconds,
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      requests: times.length,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
    process.stdout.write(JSON.stringify(out) + "\n");
  },
);
instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
