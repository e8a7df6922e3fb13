import { describe, expect, it } from "vitest";
import { db } from "../db";
import { randomUUID } from "node:crypto";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createPublishedCourse } from "../../testing/learning-fixtures";
import { searchCatalogue } from "./search-catalogue";
import { catalogueSearchWords } from "./rank-catalogue-text";

/** A word of letters only: the text-search parser reads "zq-1e5" as a number, which would not match. */
const letterMarker = () =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}x`;

/** Courses whose words carry a unique marker, so other tests' courses never match. */
async function coursesAbout(marker: string) {
  const institution = await createInstitution();
  const agent = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "AGENT", institutionId: institution.id }],
  });
  const inTitle = await createPublishedCourse({
    institutionId: institution.id,
    title: `Gérer les données de la recherche ${marker}`,
  });
  const inSummary = await createPublishedCourse({ institutionId: institution.id, title: `Atelier ${marker}` });
  await db.courseVersion.updateMany({
    where: { courseId: inSummary.id },
    data: { summary: "Un atelier sur les données ouvertes et les formations associées." },
  });
  return { agent, inTitle, inSummary };
}

const ids = async (agent: Awaited<ReturnType<typeof coursesAbout>>["agent"], q: string) =>
  (await searchCatalogue(agent, { q })).courses.map((course) => course.id);

describe("catalogue full-text search (real PostgreSQL: unaccent + French stemming)", () => {
  it("ignores accents, case and French word forms, and ranks a title above a summary", async () => {
    const marker = letterMarker();
    const { agent, inTitle, inSummary } = await coursesAbout(marker);
    // "donnees" (no accent) finds "données"; both courses mention it, the title match first.
    expect(await ids(agent, `donnees ${marker}`)).toEqual([inTitle.id, inSummary.id]);
    expect(await ids(agent, `DONNÉES ${marker}`)).toEqual([inTitle.id, inSummary.id]);
    // A plural finds the singular's stem and the other way round; a prefix finds the whole word.
    expect(await ids(agent, `formation ${marker}`)).toEqual([inSummary.id]);
    expect(await ids(agent, `recherch ${marker}`)).toEqual([inTitle.id]);
    expect(await ids(agent, `Gerer ${marker}`)).toEqual([inTitle.id]);
    expect(await ids(agent, `chimie ${marker}`)).toEqual([]);
  });

  it("a query made of punctuation or tsquery syntax matches nothing and never errors", async () => {
    const marker = letterMarker();
    const { agent } = await coursesAbout(marker);
    for (const q of ["!!!", "&|:*()", "'\\", "a:* | !b"])
      await expect(searchCatalogue(agent, { q })).resolves.toBeDefined();
    expect(catalogueSearchWords("&|:*()")).toEqual([]);
    expect(catalogueSearchWords("Données  de la recherche!")).toEqual(["données", "de", "la", "recherche"]);
  });

  /** A course titled with an institution-like code, and an agent who searches the catalogue for it. */
  async function codedCourse(title: (marker: string) => string) {
    const marker = letterMarker();
    const { agent } = await coursesAbout(marker);
    const institution = await createInstitution();
    const coded = await createPublishedCourse({ institutionId: institution.id, title: title(marker) });
    const found = async (q: string) => ids(agent, q.replace("MARKER", marker));
    return { coded, found };
  }

  it("finds a code written with a hyphen before digits, which the parser reads as a signed number", async () => {
    const { coded, found } = await codedCourse((marker) => `Atelier ${marker} INST-20261202`);
    for (const q of ["MARKER inst-20261202", "MARKER INST-2026", "MARKER 20261202"])
      expect(await found(q), q).toEqual([coded.id]);
  });

  it("finds a code whose digits and letters the parser alone would split as a number (9e480dcb)", async () => {
    const { coded, found } = await codedCourse((marker) => `Privé ${marker} INST-9e480dcb`);
    for (const q of ["privé MARKER inst-9e480dcb", "Privé MARKER INST-9E480DCB", "MARKER 9e480dcb", "MARKER 9e480"])
      expect(await found(q), q).toEqual([coded.id]);
    // Stop words are not in the document, so they do not keep it out either.
    expect(await found("MARKER de la 9e480dcb")).toEqual([coded.id]);
    expect(await found("MARKER 9e480dcc")).toEqual([]);
  });
});
