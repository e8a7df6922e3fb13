import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterEach, describe, expect, it } from "vitest";
import relais from "./no-domain-cycle.mjs";

// The rule on a small repository of its own: two domains, and the import that closes a cycle.
let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function repository(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), "relais-domain-cycle-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function lint(cwd: string) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tseslint.parser },
        plugins: { relais },
        rules: { "relais/no-domain-cycle": "error" },
      },
    ],
  });
  const results = await eslint.lintFiles(["lib/**/*.ts"]);
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(cwd, result.filePath)}: ${message.message}`),
  );
}

describe("relais/no-domain-cycle", () => {
  it("accepts imports that go one way, and a test importing anything", async () => {
    const cwd = repository({
      "lib/sessions/register.ts": 'import { notify } from "../notifications/notify";\nexport const r = notify;\n',
      "lib/notifications/notify.ts": 'import { zone } from "@/lib/time/zone";\nexport const notify = zone;\n',
      "lib/time/zone.ts": "export const zone = 1;\n",
      "lib/notifications/notify.test.ts": 'import { r } from "../sessions/register";\nexport const t = r;\n',
    });
    expect(await lint(cwd)).toEqual([]);
  });

  it("fails on a cycle between two domains even when no file is in it twice", async () => {
    const cwd = repository({
      "lib/sessions/register.ts": 'import { notify } from "../notifications/notify";\nexport const r = notify;\n',
      "lib/notifications/notify.ts": "export const notify = 1;\n",
      // The deliberate cycle: notifications → sessions, through another file of sessions.
      "lib/notifications/render.ts": 'import type { TSlot } from "@/lib/sessions/slot";\nexport type T = TSlot;\n',
      "lib/sessions/slot.ts": "export type TSlot = { id: string };\n",
    });
    const messages = await lint(cwd);
    expect(messages).toHaveLength(2);
    expect(messages).toContain(
      "lib/notifications/render.ts: lib/notifications imports lib/sessions, which imports lib/notifications back" +
        " (sessions → notifications in lib/sessions/register.ts). Move what both need below them" +
        " (docs/ARCHITECTURE.md, 'Layers'), or pass it in from the caller.",
    );
    expect(messages.some((message) => message.startsWith("lib/sessions/register.ts: lib/sessions imports"))).toBe(true);
  });

  it("follows cycles through several domains and dynamic imports", async () => {
    const cwd = repository({
      "lib/a/one.ts": 'import { two } from "../b/two";\nexport const one = two;\n',
      "lib/b/two.ts": 'import { three } from "../c/three";\nexport const two = three;\n',
      "lib/c/three.ts": 'export const three = async () => (await import("../a/four")).four;\n',
      "lib/a/four.ts": "export const four = 4;\n",
    });
    const messages = await lint(cwd);
    expect(messages.find((message) => message.startsWith("lib/c/three.ts"))).toContain(
      "a → b in lib/a/one.ts; b → c in lib/b/two.ts",
    );
  });
});
