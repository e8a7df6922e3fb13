// Deterministic generator of realistic Relais statements: learners (accounts), courses and their
// activities, registrations, verbs of the player, scores and durations on some of them.
import { randomUUID } from "node:crypto";

export type TBenchStatement = Record<string, unknown> & {
  id: string;
  actor: Record<string, unknown>;
  object: { id: string };
};

const VERBS = [
  "launched",
  "initialized",
  "progressed",
  "experienced",
  "answered",
  "completed",
  "passed",
  "failed",
  "terminated",
].map((verb) => ({
  id: `http://adlnet.gov/expapi/verbs/${verb}`,
  display: { "fr-FR": verb, "en-US": verb },
}));

export function createGenerator(options: {
  seed: number;
  learners: number;
  courses: number;
  activitiesPerCourse: number;
  homePage: string;
}) {
  let state = options.seed >>> 0;
  const random = () => {
    // mulberry32: fast and reproducible.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (n: number) => Math.floor(random() * n);
  const base = "https://relais.example.fr/xapi/activities/courses";

  function activityOf(course: number, activity: number) {
    return {
      id: `${base}/course-${course}/activities/a-${activity}`,
      definition: { name: { "fr-FR": `Activité ${activity}` }, type: "http://adlnet.gov/expapi/activities/lesson" },
    };
  }

  return {
    /** One learner's statement about one activity of a course. */
    next(): TBenchStatement {
      const learner = pick(options.learners);
      const course = pick(options.courses);
      const verb = VERBS[pick(VERBS.length)]!;
      const statement: TBenchStatement = {
        id: randomUUID(),
        actor: {
          objectType: "Agent",
          name: `Apprenant ${learner}`,
          account: { homePage: options.homePage, name: `learner-${learner}` },
        },
        verb,
        object: activityOf(course, pick(options.activitiesPerCourse)),
        context: {
          registration: `00000000-0000-4000-8000-${String(learner * 1000 + course)
            .padStart(12, "0")
            .slice(-12)}`,
          platform: "Relais",
          language: "fr-FR",
          contextActivities: {
            parent: [{ id: `${base}/course-${course}` }],
            category: [{ id: "https://w3id.org/xapi/cmi5/context/categories/moveon" }],
          },
        },
        timestamp: new Date(Date.UTC(2026, 0, 1) + pick(300 * 86_400_000)).toISOString(),
      };
      if (verb.id.endsWith("passed") || verb.id.endsWith("failed") || verb.id.endsWith("answered")) {
        statement.result = {
          score: { scaled: Math.round(random() * 100) / 100 },
          success: verb.id.endsWith("passed"),
          duration: `PT${1 + pick(3600)}S`,
        };
      }
      return statement;
    },
    /** An agent + activity pair that the generator produces (for GET queries). */
    samplePair(): { agent: object; activity: string } {
      return {
        agent: { account: { homePage: options.homePage, name: `learner-${pick(options.learners)}` } },
        activity: activityOf(pick(options.courses), pick(options.activitiesPerCourse)).id,
      };
    },
  };
}
