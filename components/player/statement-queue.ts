// The browser's statement outbox. Every statement is written to localStorage first, then sent
// to Relais's LRS with @xapi/xapi; a failed send stays queued and is retried when the network
// comes back (online event), on a timer, and on the next page load. Ids are generated on the
// client, so a statement sent twice (the answer was lost, not the request) is stored once.
import XAPI, { type Statement } from "@xapi/xapi";

type TAdapterFunction = Exclude<NonNullable<ConstructorParameters<typeof XAPI>[0]["adapter"]>, string>;

const STORAGE_KEY = "relais.xapi.outbox.v1";
const BATCH_SIZE = 50;
type TListener = (pending: number) => void;

const listeners = new Set<TListener>();
let currentFlush: Promise<void> | null = null;
let flushAgain = false;
/** The last send could not reach the LRS (offline, 5xx, 401...): what is queued is waiting, not in flight. */
let hasFailed = false;

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`LRS answered ${status}`);
  }
}

/**
 * Same-origin fetch with the session cookie. @xapi/xapi would otherwise send an empty HTTP Basic
 * header, which the LRS rightly refuses: the player authenticates with the Relais session.
 */
const sessionAdapter: TAdapterFunction = async <T>({
  url,
  method,
  headers,
  data,
}: {
  url: string;
  method: string;
  headers?: Record<string, unknown>;
  data?: unknown;
}) => {
  const sent = Object.fromEntries(
    Object.entries(headers ?? {})
      .filter(([name]) => name.toLowerCase() !== "authorization")
      .map(([name, value]) => [name, String(value)]),
  );
  const response = await fetch(url, {
    method,
    headers: sent,
    credentials: "same-origin",
    body: data === undefined ? undefined : typeof data === "string" ? data : JSON.stringify(data),
  });
  if (!response.ok) throw new HttpError(response.status);
  const text = await response.text();
  return {
    data: (text ? JSON.parse(text) : null) as T,
    headers: Object.fromEntries(response.headers.entries()),
    status: response.status,
  };
};

function read(): Statement[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Statement[]) : [];
  } catch {
    return [];
  }
}

function notify(): void {
  const waiting = waitingCount();
  for (const listener of listeners) listener(waiting);
}

function write(statements: Statement[]): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(statements));
  if (statements.length === 0) hasFailed = false;
  notify();
}

/** Statements written to the outbox and not yet acknowledged by the LRS (in flight included). */
export function pendingCount(): number {
  return read().length;
}

/**
 * Statements that are waiting: queued while the browser is offline or after a send failed. A
 * statement being sent on a working network is not "waiting" (the banner shows
 * only while statements wait).
 */
export function waitingCount(): number {
  if (typeof window === "undefined") return 0;
  return hasFailed || !window.navigator.onLine ? read().length : 0;
}

export function onPendingChange(listener: TListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function client(): XAPI {
  return new XAPI({ endpoint: `${window.location.origin}/api/xapi/`, adapter: sessionAdapter, version: "1.0.3" });
}

async function drain(): Promise<void> {
  do {
    flushAgain = false;
    let queue = read();
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH_SIZE);
      try {
        await client().sendStatements({ statements: batch });
      } catch (error) {
        // 4xx other than 401/408/429 will never succeed (invalid, refused, conflicting id): drop and log.
        const status = error instanceof HttpError ? error.status : 0;
        if (status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429) {
          console.error("xAPI statements refused by the LRS", status);
        } else {
          hasFailed = true;
          notify();
          return;
        }
      }
      const sentIds = new Set(batch.map((statement) => statement.id));
      queue = read().filter((statement) => !sentIds.has(statement.id));
      write(queue);
    }
  } while (flushAgain);
}

/**
 * Sends what is queued, oldest first. Concurrent callers share one run (which picks up what they
 * added), so "await enqueue(...)" resolves only after the caller's statements were tried.
 */
export function flush(): Promise<void> {
  if (currentFlush) {
    flushAgain = true;
    return currentFlush;
  }
  currentFlush = drain().finally(() => {
    currentFlush = null;
  });
  return currentFlush;
}

export function enqueue(...statements: Statement[]): Promise<void> {
  write([...read(), ...statements]);
  return flush();
}

let isStarted = false;
/** Retries on reconnection and every 20 s; idempotent. */
export function startOutbox(): void {
  if (isStarted) return;
  isStarted = true;
  window.addEventListener("online", () => void flush());
  window.addEventListener("offline", notify);
  window.setInterval(() => void flush(), 20_000);
  void flush();
}
