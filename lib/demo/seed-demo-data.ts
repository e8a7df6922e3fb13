// The demo data set: deterministic (seeded PRNG, dates from one reference), realistic in shape
// (5 institutions in 4 regions, 5 relay sites, 8 courses, 200+ agents, enrolments, sessions,
// attendance, certificates, headcounts) and loaded in one transaction after emptying the tables.
import type { TPrismaClient, TTransaction } from "../db/create-client";
import type { Role, StaffCategory, StaffPopulation, Sex } from "../db/generated/enums";
import { hashSecret } from "../auth/secret-hash";
import { createRandom, deterministicUuid } from "./random";
import { seedIndicators } from "./seed-indicators";
import { seedLearning } from "./seed-learning";
import { seedNetworks } from "./seed-networks";
import { seedNeeds } from "./seed-needs";
import { seedLibrary } from "./seed-library";
import { assertDemoCourseValid, loadDemoContent, type TCourseContent } from "./content";
import { demoVerificationCode, seedEnrolmentFacts, type TSeedCourse } from "./seed-enrolment-facts";
import { halfDayBounds } from "../sessions/half-day";

const FIRST_NAMES = [
  "Camille",
  "Louis",
  "Léa",
  "Hugo",
  "Chloé",
  "Nathan",
  "Manon",
  "Lucas",
  "Inès",
  "Jules",
  "Sarah",
  "Adam",
  "Emma",
  "Arthur",
  "Jade",
  "Paul",
  "Zoé",
  "Nolan",
  "Lina",
  "Théo",
  "Yasmine",
  "Malik",
  "Anaïs",
  "Karim",
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "Andre",
  "Mercier",
];
const CATEGORIES: StaffCategory[] = ["A", "B", "C"];
const POPULATIONS: StaffPopulation[] = ["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"];
export const DEMO_AGENT_COUNT = 200;
/** Past events are placed relative to this date so that the data set does not drift year to year. */
const REFERENCE = new Date("2026-09-01T08:00:00Z");
const DAY = 24 * 3600 * 1000;
/** Every activity required, quizzes passed; in person, the whole session (minimumAttendedMinutes absent). */
const DEMO_COMPLETION_RULES = { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 };

/** The first weekday on or after a day (sessions are held Monday to Friday), as YYYY-MM-DD. */
function weekdayOnOrAfter(day: Date, daysNeeded: number): Date {
  const result = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  // A session of two days starts Monday to Thursday, so that its second day is a weekday too.
  const lastStart = daysNeeded > 1 ? 4 : 5;
  while (result.getUTCDay() === 0 || result.getUTCDay() > lastStart) result.setUTCDate(result.getUTCDate() + 1);
  return result;
}

async function emptyAllTables(tx: TTransaction) {
  const tables = await tx.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length) await tx.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
}

function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

async function createCourse(
  tx: TTransaction,
  course: TCourseContent,
  ids: { institutionId: string; themeId: string; createdById: string },
) {
  return tx.course.create({
    data: {
      slug: course.slug,
      institutionId: ids.institutionId,
      themeId: ids.themeId,
      trainingType: course.trainingType,
      modality: course.modality,
      visibility: course.visibility,
      language: course.language,
      requiresApproval: course.requiresApproval,
      requiresOnlineBeforeSession: course.modality === "HYBRID",
      createdById: ids.createdById,
      versions: {
        create: {
          number: 1,
          status: "PUBLISHED",
          publishedAt: new Date(REFERENCE.getTime() - 200 * DAY),
          title: course.title.fr,
          titleEn: course.title.en,
          summary: course.summary.fr,
          summaryEn: course.summary.en,
          objectives: course.objectives.fr,
          objectivesEn: course.objectives.en,
          declaredDurationMinutes: course.durationMinutes,
          completionRules: DEMO_COMPLETION_RULES,
          modules: {
            create: course.modules.map((module, modulePosition) => ({
              position: modulePosition,
              title: module.title.fr,
              titleEn: module.title.en,
              activities: {
                create: module.activities.map((activity, position) => ({
                  key: activity.key,
                  position,
                  kind: activity.kind,
                  title: activity.title.fr,
                  titleEn: activity.title.en,
                  content: activity.content as object,
                })),
              },
            })),
          },
        },
      },
    },
    select: {
      id: true,
      slug: true,
      modality: true,
      requiresApproval: true,
      versions: { select: { id: true, declaredDurationMinutes: true } },
    },
  });
}

export async function seedDemoData(prisma: TPrismaClient): Promise<{ agents: number; courses: number }> {
  const content = loadDemoContent();
  for (const course of content.courses) assertDemoCourseValid(course);
  const random = createRandom(20261128);
  return prisma.$transaction(
    async (tx) => {
      await emptyAllTables(tx);
      const regions = await tx.region.createManyAndReturn({ data: content.regions });
      const regionId = (code: string) => regions.find((region) => region.code === code)!.id;
      const themes = await tx.theme.createManyAndReturn({ data: content.themes });
      const institutions = await tx.institution.createManyAndReturn({
        data: content.institutions.map((institution) => ({
          code: institution.code,
          name: institution.name,
          regionId: regionId(institution.region),
        })),
      });
      const institutionByCode = new Map(
        institutions.map((institution, index) => [
          institution.code,
          { ...institution, place: content.institutions[index]! },
        ]),
      );

      const sites = [];
      for (const site of content.sites) {
        sites.push(
          await tx.relaySite.create({
            data: {
              code: site.code,
              name: site.name,
              institutionId: institutionByCode.get(site.institution)!.id,
              regionId: regionId(site.region),
              address: site.address,
              postalCode: site.postalCode,
              city: site.city,
              latitude: site.lat,
              longitude: site.lng,
              accessibility: site.accessibility,
              openingHours: site.openingHours,
              contactEmail: `${site.code.toLowerCase()}@relais.test`,
              rooms: {
                create: site.rooms.map((room) => ({
                  name: room.name,
                  capacity: room.capacity,
                  accessibilityFeatures: room.features,
                })),
              },
            },
            select: {
              id: true,
              code: true,
              name: true,
              city: true,
              latitude: true,
              longitude: true,
              rooms: { select: { id: true, capacity: true } },
              institution: { select: { timeZone: true } },
            },
          }),
        );
      }

      // Demo accounts (DEMO_ACCOUNTS): all in Université Grenoble Alpes except the national administrator.
      const uga = institutionByCode.get("UGA")!;
      const gre = sites.find((site) => site.code === "SITE-GRE")!;
      const person = (
        email: string,
        name: string,
        extra: { category: StaffCategory; population: StaffPopulation; sex: Sex },
      ) => ({
        email,
        name,
        institutionId: uga.id,
        staffCategory: extra.category,
        population: extra.population,
        sex: extra.sex,
        workplaceLabel: "Campus de Saint-Martin-d'Hères",
        workplaceLat: uga.place.lat,
        workplaceLng: uga.place.lng,
      });
      const manager = await tx.user.create({
        data: person("manager@relais.test", "Hélène Garnier", {
          category: "A",
          population: "ADMIN_TECHNICAL",
          sex: "FEMALE",
        }),
      });
      const agent = await tx.user.create({
        data: {
          ...person("agent@relais.test", "Julien Morel", { category: "B", population: "ADMIN_TECHNICAL", sex: "MALE" }),
          managerId: manager.id,
        },
      });
      const trainer = await tx.user.create({
        data: person("trainer@relais.test", "Sophie Lambert", {
          category: "A",
          population: "TEACHING_RESEARCH",
          sex: "FEMALE",
        }),
      });
      const coordinator = await tx.user.create({
        data: person("coordinator@relais.test", "Marc Rousseau", {
          category: "B",
          population: "ADMIN_TECHNICAL",
          sex: "MALE",
        }),
      });
      const officer = await tx.user.create({
        data: person("officer@relais.test", "Nadia Benali", {
          category: "A",
          population: "ADMIN_TECHNICAL",
          sex: "FEMALE",
        }),
      });
      const admin = await tx.user.create({
        data: { email: "admin@relais.test", name: "Claire Fontaine", locale: "fr" },
      });
      const memberships: { userId: string; role: Role; institutionId?: string; relaySiteId?: string }[] = [
        { userId: manager.id, role: "AGENT", institutionId: uga.id },
        { userId: agent.id, role: "AGENT", institutionId: uga.id },
        { userId: trainer.id, role: "AGENT", institutionId: uga.id },
        { userId: trainer.id, role: "TRAINER", institutionId: uga.id },
        { userId: coordinator.id, role: "AGENT", institutionId: uga.id },
        { userId: coordinator.id, role: "SITE_COORDINATOR", relaySiteId: gre.id },
        { userId: officer.id, role: "AGENT", institutionId: uga.id },
        { userId: officer.id, role: "TRAINING_OFFICER", institutionId: uga.id },
        { userId: admin.id, role: "NATIONAL_ADMIN" },
      ];

      // 200 agents spread over the institutions, categories, populations and sexes.
      const agentRows = Array.from({ length: DEMO_AGENT_COUNT }, (_, index) => {
        const institution = institutions[index % institutions.length]!;
        const place = institutionByCode.get(institution.code)!.place;
        const first = random.pick(FIRST_NAMES);
        const last = random.pick(LAST_NAMES);
        return {
          email: `${first}.${last}.${index + 1}@${institution.code.toLowerCase()}.relais.test`
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .toLowerCase(),
          name: `${first} ${last}`,
          institutionId: institution.id,
          staffCategory: random.pick(CATEGORIES),
          population: random.pick(POPULATIONS),
          sex: random.chance(0.08)
            ? ("NOT_RECORDED" as const)
            : random.chance(0.55)
              ? ("FEMALE" as const)
              : ("MALE" as const),
          workplaceLabel: place.city,
          workplaceLat: place.lat + (random.next() - 0.5) * 0.6,
          workplaceLng: place.lng + (random.next() - 0.5) * 0.6,
          managerId: institution.id === uga.id && index < 40 ? manager.id : null,
        };
      });
      const agents = await tx.user.createManyAndReturn({
        data: agentRows,
        select: { id: true, institutionId: true, workplaceLat: true, workplaceLng: true },
      });
      memberships.push(
        ...agents.map((row) => ({ userId: row.id, role: "AGENT" as const, institutionId: row.institutionId! })),
      );
      await tx.roleMembership.createMany({ data: memberships });

      // Extra staff roles elsewhere, so that cross-institution rules have someone to refuse.
      const lyon = institutionByCode.get("ULYON")!;
      const lyonOfficer = await tx.user.create({
        data: {
          email: "officer@ulyon.relais.test",
          name: "Pierre Caron",
          institutionId: lyon.id,
          staffCategory: "A",
          population: "ADMIN_TECHNICAL",
        },
      });
      await tx.roleMembership.createMany({
        data: [
          { userId: lyonOfficer.id, role: "TRAINING_OFFICER", institutionId: lyon.id },
          { userId: lyonOfficer.id, role: "AGENT", institutionId: lyon.id },
        ],
      });

      const courses = [];
      for (const course of content.courses) {
        const owner = institutionByCode.get(course.institution)!;
        courses.push({
          content: course,
          owner,
          row: await createCourse(tx, course, {
            institutionId: owner.id,
            themeId: themes.find((theme) => theme.code === course.theme)!.id,
            createdById: trainer.id,
          }),
        });
      }
      const courseBySlug = new Map(courses.map((course) => [course.content.slug, course]));

      // Online enrolments: about half the agents, 1 to 3 courses each, some completed in 2025–2026.
      const onlineCourses = courses.filter(
        (course) => course.row.modality !== "IN_PERSON" && course.content.visibility === "NATIONAL",
      );
      const enrolments: {
        userId: string;
        courseId: string;
        courseVersionId: string;
        registration: string;
        status: "ACTIVE" | "COMPLETED" | "PENDING_APPROVAL";
        progressPercent: number;
        enrolledAt: Date;
        startedAt: Date | null;
        completedAt: Date | null;
        scaledScore: number | null;
        timeSpentSeconds: number;
      }[] = [];
      const enrol = (
        userId: string,
        slug: string,
        requested: "ACTIVE" | "COMPLETED" | "PENDING_APPROVAL",
        progress: number,
        daysAgo: number,
      ) => {
        const course = courseBySlug.get(slug)!;
        let status = requested;
        const enrolledAt = new Date(REFERENCE.getTime() - daysAgo * DAY);
        // A hybrid course completes only with its attended half-days, which the seed does not record for it.
        if (status === "COMPLETED" && course.row.modality === "HYBRID") status = "ACTIVE";
        enrolments.push({
          userId,
          courseId: course.row.id,
          courseVersionId: course.row.versions[0]!.id,
          registration: deterministicUuid(`${userId}:${slug}`),
          status,
          progressPercent: status === "COMPLETED" ? 100 : progress,
          enrolledAt,
          startedAt: status === "PENDING_APPROVAL" ? null : enrolledAt,
          completedAt: status === "COMPLETED" ? new Date(enrolledAt.getTime() + random.int(2, 30) * DAY) : null,
          scaledScore: status === "COMPLETED" ? Math.round((0.6 + random.next() * 0.4) * 100) / 100 : null,
          timeSpentSeconds: Math.round((course.row.versions[0]!.declaredDurationMinutes * 60 * progress) / 100),
        });
      };
      enrol(agent.id, "rgpd-essentiels", "ACTIVE", 40, 10);
      enrol(agent.id, "documents-accessibles", "COMPLETED", 100, 120);
      enrol(agent.id, "donnees-recherche", "PENDING_APPROVAL", 0, 2);
      for (const row of agents) {
        if (!random.chance(0.55)) continue;
        const picks = new Set<string>();
        const count = random.int(1, 3);
        for (let i = 0; i < count; i++) picks.add(random.pick(onlineCourses).content.slug);
        for (const slug of picks) {
          const roll = random.next();
          enrol(
            row.id,
            slug,
            roll < 0.5 ? "COMPLETED" : roll < 0.9 ? "ACTIVE" : "PENDING_APPROVAL",
            random.int(5, 95),
            random.int(20, 600),
          );
        }
      }
      const enrolmentRows = await tx.enrolment.createManyAndReturn({
        data: enrolments,
        select: {
          id: true,
          userId: true,
          courseId: true,
          status: true,
          completedAt: true,
          enrolledAt: true,
          progressPercent: true,
          timeSpentSeconds: true,
        },
      });
      await tx.enrolmentStatusChange.createMany({
        data: enrolmentRows.flatMap((row) => [
          {
            enrolmentId: row.id,
            fromStatus: null,
            toStatus: row.status === "PENDING_APPROVAL" ? ("PENDING_APPROVAL" as const) : ("ACTIVE" as const),
            createdAt: row.enrolledAt,
          },
          ...(row.status === "COMPLETED"
            ? [
                {
                  enrolmentId: row.id,
                  fromStatus: "ACTIVE" as const,
                  toStatus: "COMPLETED" as const,
                  createdAt: row.completedAt!,
                },
              ]
            : []),
        ]),
      });
      const userNameById = new Map(
        (await tx.user.findMany({ select: { id: true, name: true } })).map((row) => [row.id, row.name]),
      );
      // In-person and hybrid sessions: one past (done, with attendance) and one upcoming per course and site pair.
      const today = new Date();
      today.setUTCHours(0, 0, 0, 0);
      const inPersonCourses = courses.filter((course) => course.row.modality !== "ONLINE");
      let sessionIndex = 0;
      for (const course of inPersonCourses) {
        const courseSites = [gre, sites[(sessionIndex + 1) % sites.length]!];
        for (const site of courseSites) {
          for (const when of ["past", "upcoming"] as const) {
            sessionIndex++;
            const room = site.rooms[0]!;
            const halfDays = Math.max(
              1,
              Math.min(4, Math.round(course.row.versions[0]!.declaredDurationMinutes / 180)),
            );
            // Weekdays, 9:00–12:30 and 13:30–17:00 in the site's time zone (daylight saving included).
            const timeZone = site.institution?.timeZone ?? "Europe/Paris";
            const start = weekdayOnOrAfter(
              when === "past"
                ? new Date(REFERENCE.getTime() - (30 + sessionIndex * 7) * DAY)
                : new Date(today.getTime() + (14 + sessionIndex * 3) * DAY),
              Math.ceil(halfDays / 2),
            );
            const slots = Array.from({ length: halfDays }, (_, index) => {
              const day = new Date(start.getTime() + Math.floor(index / 2) * DAY).toISOString().slice(0, 10);
              const halfDay = index % 2 === 0 ? ("MORNING" as const) : ("AFTERNOON" as const);
              return {
                roomId: room.id,
                halfDay,
                ...halfDayBounds({ date: day, halfDay, timeZone }),
                trainers: { create: [{ userId: trainer.id }] },
              };
            });
            const session = await tx.trainingSession.create({
              data: {
                courseId: course.row.id,
                courseVersionId: course.row.versions[0]!.id,
                siteId: site.id,
                capacity: Math.min(12, room.capacity),
                registrationDeadline: new Date(start.getTime() - 5 * DAY),
                status: when === "past" ? "DONE" : "OPEN",
                slots: { create: slots },
              },
              select: { id: true, slots: { select: { id: true, startsAt: true, endsAt: true } } },
            });
            const registrants = agents.filter(() => random.chance(0.04)).slice(0, 10);
            if (when === "upcoming" && site.id === gre.id && course.content.slug === "encadrer-equipe")
              registrants.push({
                id: agent.id,
                institutionId: uga.id,
                workplaceLat: uga.place.lat,
                workplaceLng: uga.place.lng,
              });
            for (const registrant of registrants) {
              const registration = await tx.registration.create({
                data: {
                  sessionId: session.id,
                  userId: registrant.id,
                  status: "CONFIRMED",
                  distanceKm:
                    Math.round(
                      haversineKm(
                        { lat: registrant.workplaceLat ?? 0, lng: registrant.workplaceLng ?? 0 },
                        { lat: site.latitude, lng: site.longitude },
                      ) * 10,
                    ) / 10,
                  statusHistory: { create: { toStatus: "CONFIRMED" } },
                },
                select: { id: true },
              });
              if (when === "past") {
                const presence = session.slots.map((slot) => ({ slot, isPresent: random.chance(0.9) }));
                await tx.attendance.createMany({
                  data: presence.map(({ slot, isPresent }) => ({
                    slotId: slot.id,
                    userId: registrant.id,
                    registrationId: registration.id,
                    isPresent,
                    method: "ROLL_CALL" as const,
                    recordedById: trainer.id,
                    recordedAt: slot.startsAt,
                  })),
                });
                // After the session, each attendee has the attendance certificate of the half-days attended.
                const attended = presence.filter((row) => row.isPresent).map((row) => row.slot);
                if (attended.length > 0) {
                  const attendedHours =
                    attended.reduce((sum, slot) => sum + (slot.endsAt.getTime() - slot.startsAt.getTime()), 0) /
                    3600_000;
                  const lastEnd = session.slots.reduce((max, slot) => Math.max(max, slot.endsAt.getTime()), 0);
                  await tx.certificate.create({
                    data: {
                      kind: "ATTENDANCE",
                      verificationCode: demoVerificationCode(`${session.id}:${registrant.id}`),
                      userId: registrant.id,
                      courseId: course.row.id,
                      sessionId: session.id,
                      hours: attendedHours,
                      issuedAt: new Date(lastEnd + 3600_000),
                      details: {
                        agentName: userNameById.get(registrant.id) ?? "",
                        courseTitle: course.content.title.fr,
                        objectives: course.content.objectives.fr,
                        modality: course.row.modality,
                        trainingType: course.content.trainingType,
                        declaredDurationMinutes: course.content.durationMinutes,
                        dates: [
                          ...new Set(
                            attended.map((slot) =>
                              new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeZone }).format(slot.startsAt),
                            ),
                          ),
                        ],
                        attendedHours,
                        evaluationResult: null,
                        institutionName: course.owner.name,
                        siteName: `${site.name}, ${site.city}`,
                      },
                    },
                  });
                }
              }
            }
          }
        }
      }

      // Progress, quiz attempts, completions and their certificates from the same rule as the
      // projection, attended half-days included (hybrid courses).
      await seedEnrolmentFacts(tx, {
        enrolments: enrolmentRows,
        courseById: new Map(
          courses.map((course): [string, TSeedCourse] => [
            course.row.id,
            { content: course.content, row: course.row, rules: DEMO_COMPLETION_RULES, owner: course.owner },
          ]),
        ),
        userNameById,
        random,
      });

      // Headcounts per institution × category × population × sex, for the access-rate denominator.
      const headcounts = [];
      for (const institution of institutions) {
        for (const year of [2025, 2026])
          for (const staffCategory of CATEGORIES)
            for (const population of POPULATIONS)
              for (const sex of ["FEMALE", "MALE"] as const) {
                headcounts.push({
                  institutionId: institution.id,
                  year,
                  staffCategory,
                  population,
                  sex,
                  count: random.int(20, 400),
                });
              }
      }
      await tx.headcount.createMany({ data: headcounts });

      // The LRS client documented in the README (Basic demo / demo-secret).
      await tx.lrsClient.create({
        data: {
          name: "Demo LRS client",
          key: "demo",
          secretHash: await hashSecret("demo-secret"),
          canRead: true,
          canWrite: true,
          createdById: admin.id,
        },
      });

      await seedNetworks(tx, {
        regionId,
        institutionByCode,
        officerId: officer.id,
        adminId: admin.id,
        reference: REFERENCE,
      });
      await seedIndicators(tx, { random });
      await seedLearning(tx, { random });
      await seedNeeds(tx);
      await seedLibrary(tx, { institutionByCode, courseBySlug, publishedById: trainer.id, reference: REFERENCE });
      await tx.auditLog.create({
        data: {
          action: "demo.seeded",
          entityType: "Platform",
          entityId: "demo",
          data: { agents: agents.length, courses: courses.length },
        },
      });
      return { agents: agents.length + 5, courses: courses.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
