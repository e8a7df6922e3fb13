// Every route handler (app/**/route.ts) and every server action (app/**/*.action.ts), found from
// the file tree and the build's server-reference manifest, gets hostile input over HTTP — NUL
// characters, malformed percent-encoding, wrong types, huge strings, deep nesting — anonymously
// and as each demo role. No answer may be a 5xx, no action may report INTERNAL, and no row of the
// database may hold the run's marker afterwards. A new route or action is covered by existing.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, type APIRequestContext, type Browser } from "@playwright/test";
import { signInAs } from "../support/auth";
import { openE2eDatabase } from "../support/database";
import { E2E } from "../../scripts/e2e-settings";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MARKER = `HOSTILE${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type THttpMethod = (typeof HTTP_METHODS)[number];

function listFiles(folder: string, accept: (name: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The HTTP methods a route file exports: `export const GET`, `export async function POST`, `export { h as GET }`, `export const { GET, PUT } =`. */
function exportedMethods(source: string): THttpMethod[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g))
    found.add(match[1]!);
  for (const match of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g))
    for (const part of match[1]!.split(","))
      found.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!
          .trim(),
      );
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** Exported server functions of an action file (types excluded). */
function exportedActions(source: string): string[] {
  return [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Za-z0-9_]+)/g)].map(
    (match) => match[1]!,
  );
}

const ROUTES = listFiles("app", (name) => name === "route.ts").map((file) => {
  const segments = path.dirname(file).split(path.sep).slice(1);
  return { file, segments, methods: exportedMethods(readFileSync(path.join(ROOT, file), "utf8")) };
});
const ACTION_FILES = listFiles("app", (name) => name.endsWith(".action.ts"));

const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
const HUGE = `${MARKER}${"x".repeat(400_000)}`;
/** Text values: NUL, unpaired surrogate (as a JSON escape), huge, and the marker alone in an otherwise ordinary value. */
const HOSTILE_TEXTS = [`${MARKER}\u0000`, `\u0000`, HUGE, `${MARKER}\uD800`];
const HOSTILE_SEGMENTS = ["%00", "%E0%A4%A", `${MARKER}%00`, "%ED%A0%80", encodeURIComponent(HUGE.slice(0, 6000))];

/** JSON bodies: NUL in strings and keys, deep nesting, wrong types, huge strings. */
function hostileJsonBodies(): string[] {
  const nul = JSON.stringify(`${MARKER}\u0000`);
  return [
    `{"name":${nul},"title":${nul},"draft":{"course":{"title":${nul}}},"versionId":${nul},"revision":1,"timeZone":${nul}}`,
    `{"k\\u0000":1}`,
    `{"draft":{"modules":[{"activities":[{"kind":"LESSON","title":"t","content":{"type":"doc","content":${deep(20_000)}}}]}]}}`,
    deep(20_000),
    `"${MARKER}"`,
    "12345",
    "null",
    `{"a":${JSON.stringify(HUGE)}}`,
    `{"a":"\\ud800${MARKER}"}`,
    "{not json",
  ];
}

type TRoleSession = { label: string; request: APIRequestContext; close: () => Promise<void> };

async function signedIn(browser: Browser, baseURL: string, email: string): Promise<TRoleSession> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, email);
  return { label: email, request: page.request, close: () => context.close() };
}

/** Plausible ids for the parameters, so that hostile bodies reach the handlers' code and not only a 404. */
async function plausibleIds(): Promise<Record<string, string>> {
  const prisma = await openE2eDatabase();
  try {
    const course = await prisma.course.findFirst({ where: { createdBy: { email: "trainer@relais.test" } } });
    const session = await prisma.trainingSession.findFirst();
    const institution = await prisma.institution.findFirst({ where: { code: "UGA" } });
    const site = await prisma.relaySite.findFirst();
    return {
      courseId: course?.id ?? "x",
      "sessions/id": session?.id ?? "x",
      "institutions/id": institution?.id ?? "x",
      siteId: site?.id ?? "x",
    };
  } finally {
    await prisma.$disconnect();
  }
}

function fillPath(segments: string[], value: (segment: string, previous: string) => string): string {
  return (
    "/" +
    segments
      .map((segment, index) =>
        segment.startsWith("[") ? value(segment.replace(/[[\].]/g, ""), segments[index - 1] ?? "") : segment,
      )
      .join("/")
  );
}

type TProbe = {
  method: THttpMethod;
  url: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

function routeProbes(route: (typeof ROUTES)[number], ids: Record<string, string>): TProbe[] {
  const isXapi = route.segments[0] === "api" && route.segments[1] === "xapi";
  const headers: Record<string, string> = isXapi
    ? {
        "X-Experience-API-Version": "1.0.3",
        Authorization: `Basic ${Buffer.from("demo:demo-secret").toString("base64")}`,
      }
    : {};
  const plausible = fillPath(route.segments, (name, previous) => ids[`${previous}/${name}`] ?? ids[name] ?? "x");
  const urls = [
    plausible,
    ...HOSTILE_SEGMENTS.map((segment) => fillPath(route.segments, () => segment)).filter((url) => url !== plausible),
    `${plausible}?stateId=%00&activityId=${MARKER}%00&agent=%00&q=%00&year=%00`,
    `${plausible}?statementId=%ED%A0%80&since=${"9".repeat(5000)}`,
  ];
  const probes: TProbe[] = [];
  for (const method of route.methods) {
    for (const url of urls) probes.push({ method, url, headers });
    if (method === "GET" || method === "HEAD") continue;
    for (const body of hostileJsonBodies())
      probes.push({
        method,
        url: `${plausible}${isXapi ? "?stateId=s&activityId=http%3A%2F%2Fa.b%2Fc&agent=%7B%22mbox%22%3A%22mailto%3Aa%40b.c%22%7D" : ""}`,
        body,
        contentType: "application/json",
        headers,
      });
    probes.push({
      method,
      url: plausible,
      body: `name=${MARKER}%00&code=%00`,
      contentType: "application/x-www-form-urlencoded",
      headers,
    });
    probes.push({
      method,
      url: plausible,
      body: `--b\r\nContent-Disposition: form-data; name="file"; filename="${MARKER}\u0000.csv"\r\nContent-Type: text/csv\r\n\r\nemail\u0000\r\n--b--\r\n`,
      contentType: "multipart/form-data; boundary=b",
      headers,
    });
  }
  return probes;
}

type TAction = { id: string; file: string; name: string; pagePath: string };

function manifestActions(): TAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, E2E.distDir, "server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((name) => name.endsWith("/page")) ?? "app/page";
    const pagePath =
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/?page$/, "")
        .replace(/\[[^\]]+\]/g, "x")
        .replace(/^_not-found$/, "");
    return { id, file: entry.filename ?? "", name: entry.exportedName ?? "", pagePath };
  });
}

/** Multipart body of a server action call as React's encodeReply writes it: "0" holds the arguments, "$K1" a FormData whose fields are "1_<name>". */
function formReply(args: string, fields: [string, string][]): { body: string; contentType: string } {
  const boundary = `----relais${randomUUID()}`;
  const parts = [
    ["0", args] as [string, string],
    ...fields.map(([name, value]) => [`1_${name}`, value] as [string, string]),
  ];
  const body =
    parts
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function actionProbes(action: TAction): TProbe[] {
  const fieldNames = [
    "name",
    "title",
    "code",
    "siteId",
    "roomId",
    "sessionId",
    "courseId",
    "institutionId",
    "timeZone",
    "year",
    "kind",
    "mode",
    "reason",
    "locale",
    "enrolmentId",
    "activityKey",
    "answer:q1",
    "features",
    "capacity",
    "comment",
  ];
  const headers = { "Next-Action": action.id, Accept: "text/x-component" };
  const probes: TProbe[] = [];
  const nul = JSON.stringify(`${MARKER}\u0000`);
  for (const args of [
    `[null,${nul}]`,
    "[null,12345]",
    `[null,{"courseId":${nul},"answers":{"q":${nul}}}]`,
    `[null,{"a":${deep(20_000)}}]`,
    deep(20_000),
    `[${nul}]`,
    "[]",
    `[null,${JSON.stringify(HUGE)}]`,
    "not json",
  ])
    probes.push({ method: "POST", url: action.pagePath, body: args, contentType: "text/plain;charset=UTF-8", headers });
  for (const text of HOSTILE_TEXTS) {
    for (const argsShape of ['[null,"$K1"]', '["$K1"]']) {
      const { body, contentType } = formReply(
        argsShape,
        // A huge value in one field only: Next's own 1 MB limit on action bodies is not what is probed.
        fieldNames.map((name, index) => [name, text === HUGE && index > 0 ? MARKER : text]),
      );
      probes.push({ method: "POST", url: action.pagePath, body, contentType, headers });
    }
  }
  return probes;
}

async function send(request: APIRequestContext, probe: TProbe, origin: string) {
  const response = await request.fetch(probe.url, {
    method: probe.method,
    headers: { Origin: origin, ...(probe.contentType ? { "Content-Type": probe.contentType } : {}), ...probe.headers },
    data: probe.body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
  const text = probe.method === "HEAD" ? "" : await response.text().catch(() => "");
  return { status: response.status(), text };
}

/** Rows of the public schema holding the marker, in any text, JSON or array column. */
async function rowsWithMarker(): Promise<string[]> {
  const prisma = await openE2eDatabase();
  try {
    const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea')`;
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${table}" WHERE position($1 in "${column}"::text) > 0`,
        MARKER,
      );
      if (Number(rows[0]?.n ?? 0) > 0) found.push(`${table}.${column}`);
    }
    return found;
  } finally {
    await prisma.$disconnect();
  }
}

test.describe.configure({ timeout: 900_000 });

test("the route handlers and server actions found in the tree are the ones probed", () => {
  expect(ROUTES.length).toBeGreaterThan(25);
  for (const route of ROUTES)
    expect(route.methods, `${route.file} exports no HTTP method the probe knows`).not.toHaveLength(0);
  const actions = manifestActions();
  for (const file of ACTION_FILES) {
    for (const name of exportedActions(readFileSync(path.join(ROOT, file), "utf8"))) {
      expect(
        actions.some((action) => action.file === file && action.name === name),
        `${file}#${name} is not in the build's server-reference manifest (rebuild .next-e2e)`,
      ).toBe(true);
    }
  }
});

test("hostile input never gets a 5xx nor an INTERNAL answer, and nothing is stored", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const origin = baseURL!;
  const ids = await plausibleIds();
  const anonymous = await playwright.request.newContext({ baseURL: origin });
  const sessions: TRoleSession[] = [{ label: "anonymous", request: anonymous, close: () => anonymous.dispose() }];
  for (const email of [
    "trainer@relais.test",
    "coordinator@relais.test",
    "officer@relais.test",
    "admin@relais.test",
    "agent@relais.test",
  ])
    sessions.push(await signedIn(browser, origin, email));
  const failures: string[] = [];
  let sent = 0;
  try {
    const probes = [...ROUTES.flatMap((route) => routeProbes(route, ids)), ...manifestActions().flatMap(actionProbes)];
    for (const session of sessions) {
      for (const probe of probes) {
        // next-auth's own handler is probed anonymously only: signing out mid-run would end the session.
        if (session.label !== "anonymous" && probe.url.startsWith("/api/auth/")) continue;
        const { status, text } = await send(session.request, probe, origin);
        sent += 1;
        const isAction = Boolean(probe.headers?.["Next-Action"]);
        if (status >= 500 || (isAction && text.includes('"code":"INTERNAL"')))
          failures.push(
            `${session.label} ${probe.method} ${probe.url.slice(0, 120)} ${probe.headers?.["Next-Action"] ?? ""} body=${(probe.body ?? "").slice(0, 80)} → ${status} ${text.slice(0, 200)}`,
          );
      }
    }
  } finally {
    for (const session of sessions) await session.close();
  }
  console.log(
    `${sent} hostile requests sent to ${ROUTES.length} route files and ${manifestActions().length} server actions`,
  );
  expect(failures, failures.join("\n")).toEqual([]);
  expect(await rowsWithMarker()).toEqual([]);
});
