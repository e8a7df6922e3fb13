// Starts the networks benchmark's embedded cluster (.data/pg-bench-networks) and keeps it running
// until interrupted, so that generated data can be reused between runs and inspected with psql:
//   npx tsx bench/networks/keep-cluster.ts &
import { resolveDatabase } from "../../lib/db/local-database";
import { ensureDatabaseExists } from "../../lib/db/migrate";

const handle = await resolveDatabase({
  cluster: "pg-bench-networks",
  database: "relais_bench",
  preferredPort: Number(process.env.BENCH_PG_PORT ?? 54453),
});
await ensureDatabaseExists(handle.databaseUrl);
console.log(handle.databaseUrl);
const stop = () => void handle.embedded?.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => undefined, 1 << 30);
