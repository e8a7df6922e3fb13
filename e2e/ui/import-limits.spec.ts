import { randomUUID } from "node:crypto";
import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { withE2eDatabase } from "../support/database";
import { actionStateReply, serverActionId } from "../support/server-actions";

// Issue 12 §4: Next's 1 MB server-action limit used to answer 500 to a valid 1.5 MB staff CSV
// (about 20,000 lines, the background-job path). Files up to the documented 2 MB are taken;
// above it, the app's own message — in the form, and from the action for a forged request.
const MB = 1024 * 1024;

/** A valid staff CSV of exactly `bytes` bytes (the last name is padded), of agents of a prefix of its own. */
function staffCsv(prefix: string, bytes: number): { csv: Buffer; lines: number } {
  const lines = ["email;nom;categorie;population"];
  let size = lines[0]!.length + 1;
  for (let index = 0; size < bytes - 200; index++) {
    const line = `${prefix}-${index}@test.relais;Agent ${index};C;CONTRACT`;
    lines.push(line);
    size += line.length + 1;
  }
  const last = `${prefix}-last@test.relais;Agent ;C;CONTRACT`;
  const padding = bytes - size - last.length - 1;
  lines.push(last.replace("Agent ", `Agent ${"x".repeat(padding)}`));
  const csv = Buffer.from(`${lines.join("\n")}\n`);
  expect(csv.length).toBe(bytes);
  return { csv, lines: lines.length - 1 };
}

test("a 1.5 MB staff CSV imports through its background job; 2 MB is taken, one byte more gets the app's message", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const prefix = `e2e-limit-${randomUUID().slice(0, 8)}`;
  await withE2eDatabase(async (prisma) => {
    try {
      await signInAs(page, "officer@relais.test");
      await page.goto("/officer/imports");
      const staff = page.getByRole("region", { name: /^Agents/ });
      const file = staff.getByLabel("Fichier CSV");

      const large = staffCsv(prefix, 1.5 * MB);
      expect(large.lines).toBeGreaterThan(13_000);
      await file.setInputFiles({ name: "agents.csv", mimeType: "text/csv", buffer: large.csv });
      await staff.getByRole("button", { name: "Importer", exact: true }).click();
      await expect(staff.getByRole("status")).toContainText("l'import se poursuit en arrière-plan", {
        timeout: 90_000,
      });
      await staff.getByRole("link", { name: "Suivre l'import" }).click();
      await expect(page.getByRole("status")).toHaveText("Terminé.", { timeout: 180_000 });
      expect(await prisma.user.count({ where: { email: { startsWith: `${prefix}-` } } })).toBe(large.lines);

      await page.goto("/officer/imports");
      const exact = staffCsv(`${prefix}-b`, 2 * MB);
      await file.setInputFiles({ name: "agents-2mo.csv", mimeType: "text/csv", buffer: exact.csv });
      await staff.getByRole("button", { name: "Prévisualiser" }).click();
      await expect(staff.getByRole("status")).toContainText(
        `Prévisualisation : ${exact.lines.toLocaleString("fr-FR")} lignes valides`,
        {
          timeout: 90_000,
        },
      );

      const over = Buffer.concat([exact.csv, Buffer.from("\n")]);
      await file.setInputFiles({ name: "agents-trop.csv", mimeType: "text/csv", buffer: over });
      await staff.getByRole("button", { name: "Prévisualiser" }).click();
      await expect(staff.getByRole("status")).toHaveText(
        "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.",
      );

      // The same file posted to the action directly (no form to stop it): the app's message, not a 500.
      const institutionId = await staff.locator('input[name="institutionId"]').inputValue();
      const origin = new URL(page.url()).origin;
      const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
      const send = (fields: Record<string, string | File>) =>
        fetch(`${origin}/officer/imports`, {
          method: "POST",
          headers: { "next-action": serverActionId("importCsvAction"), accept: "text/x-component", origin, cookie },
          body: actionStateReply(fields),
        });
      const forged = await send({
        kind: "staff",
        mode: "preview",
        institutionId,
        file: new File([over], "agents-trop.csv", { type: "text/csv" }),
      });
      expect(forged.status).toBe(200);
      expect(await forged.text()).toContain("Le fichier dépasse 2 Mo");
      // A form sent without its file, an empty file, a kind of import that does not exist: a sentence in French.
      expect(await (await send({ kind: "staff", mode: "preview", institutionId })).text()).toContain(
        "Choisissez le fichier CSV à importer.",
      );
      const empty = new File([], "vide.csv", { type: "text/csv" });
      expect(await (await send({ kind: "staff", mode: "preview", institutionId, file: empty })).text()).toContain(
        "Le fichier est vide.",
      );
      const small = new File(["email;nom\n"], "a.csv", { type: "text/csv" });
      expect(await (await send({ kind: "salaries", mode: "preview", institutionId, file: small })).text()).toContain(
        "Ce formulaire d'import n'est pas valide",
      );
      // Far above (5 MB): refused before Next's own limit would answer 500.
      const huge = await page.request.post("/officer/imports", {
        headers: { "next-action": serverActionId("importCsvAction"), origin: new URL(page.url()).origin },
        multipart: { _1_file: { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(5 * MB, "a") } },
      });
      expect(huge.status()).toBe(413);
      expect(await huge.text()).toContain("La requête dépasse la taille permise");
    } finally {
      await prisma.user.deleteMany({ where: { email: { startsWith: `${prefix}-` } } });
    }
  });
});
