// Demo training needs: this year's campaign open in every institution, needs at every stage
// (expressed, with the manager's opinion, retained, deferred, refused) and, in Auvergne-Rhône-Alpes,
// retained needs of Grenoble and Lyon agents waiting to be pooled by the regional correspondent
// (correspondent@relais.test). Lyon has its own demo agent, manager and officer.
import type { TTransaction } from "../db/create-client";
import type { Prisma } from "../db/generated/client";
import type { NeedDecision, NeedOpinion, NeedPriority } from "../db/generated/enums";
import { createRandom } from "./random";

const DAY = 24 * 3600 * 1000;
const LYON = { lat: 45.7485, lng: 4.8467 };

type TNeedSpec = {
  courseSlug?: string;
  title?: string;
  themeCode?: string;
  trainingType?: "T1_ADAPT_POST" | "T2_JOB_CHANGE";
};

export async function seedNeeds(tx: TTransaction, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const random = createRandom(20261201);
  const year = now.getUTCFullYear();
  const institutions = await tx.institution.findMany({ select: { id: true, code: true, regionId: true } });
  const byCode = new Map(institutions.map((institution) => [institution.code, institution]));
  const lyon = byCode.get("ULYON")!;
  const uga = byCode.get("UGA")!;

  // Lyon's demo agent and manager, and the region's correspondent.
  const lyonManager = await tx.user.create({
    data: {
      email: "manager@ulyon.relais.test",
      name: "Antoine Perrin",
      institutionId: lyon.id,
      staffCategory: "A",
      population: "ADMIN_TECHNICAL",
      sex: "MALE",
      workplaceLabel: "Lyon",
      workplaceLat: LYON.lat,
      workplaceLng: LYON.lng,
    },
  });
  // The networks' demo (seed-networks.ts) already created this agent: she gets her manager and workplace here.
  const lyonAgentData = {
    email: "agent@ulyon.relais.test",
    name: "Camille Fabre",
    institutionId: lyon.id,
    managerId: lyonManager.id,
    staffCategory: "C",
    population: "ADMIN_TECHNICAL",
    sex: "FEMALE",
    workplaceLabel: "Lyon",
    workplaceLat: LYON.lat + 0.02,
    workplaceLng: LYON.lng - 0.03,
  } satisfies Prisma.UserUncheckedCreateInput;
  const lyonAgent = await tx.user.upsert({
    where: { email: "agent@ulyon.relais.test" },
    update: lyonAgentData,
    create: lyonAgentData,
  });
  const correspondent = await tx.user.create({
    data: { email: "correspondent@relais.test", name: "Lucie Marchand", locale: "fr" },
  });
  await tx.roleMembership.createMany({
    data: [
      { userId: lyonManager.id, role: "AGENT", institutionId: lyon.id },
      ...((await tx.roleMembership.findFirst({
        where: { userId: lyonAgent.id, role: "AGENT", institutionId: lyon.id },
      }))
        ? []
        : [{ userId: lyonAgent.id, role: "AGENT" as const, institutionId: lyon.id }]),
      { userId: correspondent.id, role: "REGIONAL_CORRESPONDENT", regionId: uga.regionId },
    ],
  });

  const campaigns = new Map<string, string>();
  for (const institution of institutions) {
    const campaign = await tx.needsCampaign.create({
      data: {
        institutionId: institution.id,
        year,
        opensAt: new Date(now.getTime() - 20 * DAY),
        closesAt: new Date(now.getTime() + 60 * DAY),
        instructions:
          "Exprimez vos besoins en préparant votre entretien annuel de formation : une formation du catalogue, ou un besoin hors catalogue avec son thème. Votre responsable donne son avis avant la décision du service formation.",
      },
    });
    campaigns.set(institution.id, campaign.id);
  }

  const courses = await tx.course.findMany({ select: { id: true, slug: true, themeId: true, trainingType: true } });
  const themes = await tx.theme.findMany({ select: { id: true, code: true } });
  const officers = await tx.roleMembership.findMany({
    where: { role: "TRAINING_OFFICER" },
    select: { userId: true, institutionId: true },
  });
  const agents = await tx.user.findMany({
    where: {
      institutionId: { not: null },
      memberships: { some: { role: "AGENT" } },
      email: { contains: ".relais.test" },
    },
    orderBy: { email: "asc" },
    select: { id: true, institutionId: true, managerId: true, staffCategory: true, population: true, sex: true },
  });
  const POOLED: TNeedSpec[] = [
    { courseSlug: "encadrer-equipe" },
    {
      title: "Rédiger un cahier des charges de marché public",
      themeCode: "public-procurement",
      trainingType: "T1_ADAPT_POST",
    },
  ];
  const OTHERS: TNeedSpec[] = [
    { courseSlug: "donnees-recherche" },
    { courseSlug: "prepa-concours-ita" },
    {
      title: "Accueillir un public en situation de handicap",
      themeCode: "accessibility",
      trainingType: "T2_JOB_CHANGE",
    },
  ];
  const needs = [];
  for (const [index, agent] of agents.entries()) {
    if (index % 3 !== 0 || !agent.institutionId) continue;
    const inRegion = agent.institutionId === uga.id || agent.institutionId === lyon.id;
    const spec = inRegion && index % 2 === 0 ? random.pick(POOLED) : random.pick(OTHERS);
    const course = spec.courseSlug ? courses.find((candidate) => candidate.slug === spec.courseSlug) : undefined;
    const themeId = course?.themeId ?? themes.find((theme) => theme.code === spec.themeCode)!.id;
    const isPooled = POOLED.includes(spec);
    const decision: NeedDecision | null = isPooled
      ? "RETAINED"
      : random.pick([null, null, "RETAINED", "DEFERRED", "REFUSED"] as const);
    const opinion: NeedOpinion | null =
      decision || random.chance(0.5) ? random.pick(["FAVOURABLE", "FAVOURABLE", "TO_DISCUSS"] as const) : null;
    const officer = officers.find((row) => row.institutionId === agent.institutionId);
    const decided = decision && officer;
    needs.push({
      campaignId: campaigns.get(agent.institutionId)!,
      institutionId: agent.institutionId,
      userId: agent.id,
      courseId: course?.id ?? null,
      title: course ? "" : spec.title!,
      themeId,
      trainingType: course?.trainingType ?? spec.trainingType!,
      priority: random.pick(["HIGH", "MEDIUM", "LOW"] as const satisfies readonly NeedPriority[]),
      justification: "Besoin exprimé lors de l'entretien annuel de formation.",
      staffCategory: agent.staffCategory,
      population: agent.population,
      sex: agent.sex,
      opinion: opinion && agent.managerId ? opinion : null,
      opinionById: opinion && agent.managerId ? agent.managerId : null,
      opinionAt: opinion && agent.managerId ? new Date(now.getTime() - 10 * DAY) : null,
      decision: decided ? decision : null,
      decisionReason: decided && decision !== "RETAINED" ? "Budget de l'année atteint : à revoir l'an prochain." : null,
      decidedById: decided ? officer.userId : null,
      decidedAt: decided ? new Date(now.getTime() - 5 * DAY) : null,
    });
  }
  await tx.trainingNeed.createMany({ data: needs });
  return { campaigns: campaigns.size, needs: needs.length };
}
