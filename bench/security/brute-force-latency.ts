export {};

// Page latency while someone tries wrong LRS secrets for a public key:
//   npx tsx bench/security/brute-force-latency.ts http://localhost:3000 [attempts=70] [key=demo]
// Measures GET /accessibilite one request at a time, first idle, then while `attempts` wrong
// secrets are sent at once (each from an address of its own, as a botnet would: only the
// per-key throttle can stop them). scrypt on the event loop made every page wait behind them.
const [base = "http://localhost:3000", attemptsArg = "70", key = "demo"] = process.argv.slice(2);
const attempts = Number(attemptsArg);

async function timePage(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/accessibilite`);
  await response.arrayBuffer();
  return performance.now() - started;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `n=${sorted.length} median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

async function sampleWhile(isRunning: () => boolean, minimum: number): Promise<number[]> {
  const samples: number[] = [];
  while (isRunning() || samples.length < minimum) samples.push(await timePage());
  return samples;
}

await timePage(); // warm up
const idle = await sampleWhile(() => false, 20);
let running = true;
const statuses = new Map<number, number>();
const attack = Promise.all(
  Array.from({ length: attempts }, async (_, index) => {
    const response = await fetch(`${base}/api/xapi/statements?limit=1`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:wrong-${index}-${Date.now()}`).toString("base64")}`,
        "x-experience-api-version": "1.0.3",
        "x-forwarded-for": `10.9.${Math.floor(index / 250)}.${(index % 250) + 1}`,
      },
    });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }),
).finally(() => (running = false));
const attackStarted = performance.now();
const during = await sampleWhile(() => running, 5);
await attack;
console.log(`idle page:         ${summary(idle)}`);
console.log(
  `during ${attempts} wrong secrets (${(performance.now() - attackStarted).toFixed(0)} ms): ${summary(during)}`,
);
console.log(`LRS answers: ${[...statuses].map(([status, count]) => `${count}× ${status}`).join(", ")}`);
