import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import type { PlanActionKind, TrainingType } from "../db/generated/enums";
import { lineError } from "../imports/line-problem";
import { assertImportSize, parseCsv, type TLineError } from "../imports/parse-csv";
import { writePlanActions, type TPlanActionToWrite } from "./create-plan-action";
import { needsError } from "./needs-error";
import { zEuroCents } from "../money/z-euros";

/** A plan is a few dozen actions; a file of thousands is a mistake (a staff list?), said as such. */
export const MAX_PLAN_LINES = 1000;

const ALIASES = {
  thème: "theme",
  theme_code: "theme",
  training_type: "type",
  kind: "nature",
  intitulé: "intitule",
  title: "intitule",
  course: "formation",
  planned_agents: "agents_prevus",
  teaching_budget: "budget_pedagogique",
  venue_budget: "locaux",
  mission_budget: "frais_mission",
};

// What officers write in their spreadsheets, French or English, beside the codes.
const TRAINING_TYPES: Record<string, TrainingType> = {
  T1: "T1_ADAPT_POST",
  T1_ADAPT_POST: "T1_ADAPT_POST",
  T2: "T2_JOB_CHANGE",
  T2_JOB_CHANGE: "T2_JOB_CHANGE",
  T3: "T3_QUALIFICATION",
  T3_QUALIFICATION: "T3_QUALIFICATION",
  STATUTORY: "STATUTORY",
  STATUTAIRE: "STATUTORY",
  EXAM_PREPARATION: "EXAM_PREPARATION",
  PREPARATION_CONCOURS: "EXAM_PREPARATION",
  SKILLS_ASSESSMENT: "SKILLS_ASSESSMENT",
  BILAN_DE_COMPETENCES: "SKILLS_ASSESSMENT",
};
const KINDS: Record<string, PlanActionKind> = {
  SESSIONS: "COURSE_SESSIONS",
  COURSE_SESSIONS: "COURSE_SESSIONS",
  MODULE: "ONLINE_MODULE",
  ONLINE_MODULE: "ONLINE_MODULE",
  EXTERNE: "EXTERNAL",
  EXTERNAL: "EXTERNAL",
};
const AMOUNT_COLUMNS = ["budget_pedagogique", "locaux", "frais_mission"] as const;

/** A line as read: the plan's columns, normalised (what the preview shows). */
export type TPlanActionLine = {
  line: number;
  theme: string;
  type: TrainingType;
  nature: PlanActionKind;
  intitule: string;
  formation: string;
  agents_prevus: number;
  budget_pedagogique: number;
  locaux: number;
  frais_mission: number;
};

export type TPlanImportResult = {
  rows: TPlanActionLine[];
  errors: TLineError[];
  created: number;
  updated: number;
  isImported: boolean;
};

const normalise = (value: string | undefined) =>
  (value ?? "")
    .trim()
    .toUpperCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s-]+/g, "_");

// The same reading of amounts as the plan page's form ("1 200,50", "1,200.50", "" for nothing).
const ZAmountCents = zEuroCents("amountInvalid");

/**
 * The training plan of a campaign year from a CSV file (one line per action: theme, type, nature,
 * title, course, planned agents, budgets in euros), as a training officer keeps it in a
 * spreadsheet. Every line is checked (the theme and the course against the database, the course
 * offered to the institution) and the import is all or nothing: with one bad line nothing is
 * written and each bad line is named; a dry run previews. The actions are written in one
 * transaction, each group's unanswered retained needs attached to its first action and an audit
 * row per action, exactly as when planned one by one (lib/needs/create-plan-action.ts).
 */
export async function importPlanActions(
  actor: TActor,
  options: { institutionId: string; year: number; bytes: Uint8Array; isDryRun: boolean },
): Promise<TPlanImportResult> {
  const { institutionId, bytes, isDryRun } = options;
  assertCan(actor, "needs.plan", { institutionId });
  assertImportSize(bytes);
  const campaign = await db.needsCampaign.findUnique({
    where: { institutionId_year: { institutionId, year: options.year } },
    select: { id: true },
  });
  if (!campaign) throw needsError("NOT_FOUND", "needs.errors.notFound");
  const { records, errors } = parseCsv(bytes, {
    required: ["theme", "type", "nature", "intitule", "formation", "agents_prevus"],
    aliases: ALIASES,
  });
  if (records.length > MAX_PLAN_LINES) {
    const tooMany = lineError(records.at(-1)!.line, "tooManyLines", { lines: records.length, max: MAX_PLAN_LINES });
    return { rows: [], errors: [tooMany], created: 0, updated: 0, isImported: false };
  }
  const themeKeys = [...new Set(records.map((record) => (record.values.theme ?? "").trim()))];
  const slugs = [...new Set(records.map((record) => (record.values.formation ?? "").trim()).filter(Boolean))];
  const [themes, courses] = await Promise.all([
    db.theme.findMany({
      where: {
        OR: [
          { code: { in: themeKeys, mode: "insensitive" } },
          { nameFr: { in: themeKeys, mode: "insensitive" } },
          { nameEn: { in: themeKeys, mode: "insensitive" } },
        ],
      },
      select: { id: true, code: true, nameFr: true, nameEn: true },
    }),
    db.course.findMany({
      where: { slug: { in: slugs }, OR: [{ institutionId }, { visibility: "NATIONAL" }] },
      select: { id: true, slug: true },
    }),
  ]);
  // A code names one theme; a name shared by several themes names none of them (the line says so).
  const themeOf = new Map<string, { id: string; code: string } | "ambiguous">();
  for (const theme of themes)
    for (const name of [theme.nameFr, theme.nameEn]) {
      const key = name.toLocaleLowerCase("fr");
      const known = themeOf.get(key);
      themeOf.set(key, known === undefined || (known !== "ambiguous" && known.id === theme.id) ? theme : "ambiguous");
    }
  for (const theme of themes) themeOf.set(theme.code.toLocaleLowerCase("fr"), theme);
  const courseOf = new Map(courses.map((course) => [course.slug, course.id]));

  // Each good line as the preview shows it and as it is written.
  const rows: { read: TPlanActionLine; action: TPlanActionToWrite }[] = [];
  for (const record of records) {
    const values = record.values;
    const problems: TLineError[] = [];
    const refuse = (problem: Parameters<typeof lineError>[1], problemValues?: Record<string, string | number>) =>
      problems.push(lineError(record.line, problem, problemValues));
    const themeText = (values.theme ?? "").trim();
    const found = themeOf.get(themeText.toLocaleLowerCase("fr"));
    const theme = found === "ambiguous" ? undefined : found;
    if (found === "ambiguous") refuse("themeAmbiguous", { value: themeText });
    else if (!theme) refuse("themeUnknown", { value: themeText });
    const type = TRAINING_TYPES[normalise(values.type)];
    if (!type) refuse("trainingTypeInvalid");
    const nature = KINDS[normalise(values.nature)];
    if (!nature) refuse("planKindInvalid");
    const title = (values.intitule ?? "").trim();
    if (!title) refuse("titleEmpty");
    else if (title.length > 300) refuse("titleTooLong");
    const slug = (values.formation ?? "").trim();
    const courseId = slug ? (courseOf.get(slug) ?? null) : null;
    if (nature === "EXTERNAL" && slug) refuse("courseForExternal");
    else if (nature && nature !== "EXTERNAL" && !slug) refuse("courseRequired");
    else if (slug && !courseId) refuse("courseUnknown", { value: slug });
    const planned = (values.agents_prevus ?? "").trim();
    const plannedAgents = /^\d+$/.test(planned) ? Number(planned) : NaN;
    if (!(plannedAgents >= 1 && plannedAgents <= 1_000_000)) refuse("plannedAgentsInvalid");
    const [teachingBudgetCents = 0, venueBudgetCents = 0, missionBudgetCents = 0] = AMOUNT_COLUMNS.map((column) => {
      const amount = ZAmountCents.safeParse(values[column] ?? "");
      if (!amount.success) refuse("amountInvalid", { column });
      return amount.success ? amount.data : 0;
    });
    if (problems.length > 0 || !theme || !type || !nature) {
      errors.push(...problems);
      continue;
    }
    rows.push({
      read: {
        line: record.line,
        theme: theme.code,
        type,
        nature,
        intitule: title,
        formation: slug,
        agents_prevus: plannedAgents,
        budget_pedagogique: teachingBudgetCents / 100,
        locaux: venueBudgetCents / 100,
        frais_mission: missionBudgetCents / 100,
      },
      action: {
        themeId: theme.id,
        trainingType: type,
        kind: nature,
        title,
        courseId,
        plannedAgents,
        teachingBudgetCents,
        venueBudgetCents,
        missionBudgetCents,
      },
    });
  }
  errors.sort((a, b) => a.line - b.line);
  const preview = rows.map((row) => row.read);
  if (isDryRun || errors.length > 0) return { rows: preview, errors, created: 0, updated: 0, isImported: false };
  await db.$transaction(
    async (tx) => {
      await writePlanActions(
        tx,
        actor,
        { id: campaign.id, institutionId },
        rows.map((row) => row.action),
      );
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "needs.plan.imported",
          entityType: "NeedsCampaign",
          entityId: campaign.id,
          institutionId,
          data: { lines: rows.length },
        },
      });
    },
    // A few statements whatever the count; the budget covers a thousand rows on a busy machine.
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { rows: preview, errors, created: rows.length, updated: 0, isImported: true };
}
