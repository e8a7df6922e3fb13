import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { loadActor } from "../auth/actor";
import type { TActor } from "../auth/permissions";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { sendDueFollowUpSurveys } from "./send-due-follow-up-surveys";
import { submitSurveyResponse } from "./submit-survey-response";

const SATISFACTION = { content: 5, organisation: 4, trainer: 4, usefulness: 5, overall: 4 };
let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
let u3: TActor;
let u4: TActor;
let hybridCourseId: string;
let inPersonCourseId: string;
beforeAll(async () => {
  data = await createHandComputedDataSet();
  u3 = (await loadActor(data.users.u3.id))!;
  u4 = (await loadActor(data.users.u4.id))!;
  hybridCourseId = (await db.enrolment.findFirstOrThrow({ where: { userId: data.users.u3.id, status: "COMPLETED" } }))
    .courseId;
  inPersonCourseId = (
    await db.course.findFirstOrThrow({
      where: { modality: "IN_PERSON", sessions: { some: { registrations: { some: { userId: data.users.u3.id } } } } },
    })
  ).id;
});

describe("surveys (real database)", () => {
  it("an agent present at a session answers the satisfaction survey once", async () => {
    await submitSurveyResponse(
      u3,
      { courseId: inPersonCourseId, kind: "SATISFACTION", answers: SATISFACTION, comment: "Très bien" },
      new Date("2026-04-01T00:00:00Z"),
    );
    await expect(
      submitSurveyResponse(u3, { courseId: inPersonCourseId, kind: "SATISFACTION", answers: SATISFACTION }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await db.surveyResponse.count({ where: { userId: u3.userId, courseId: inPersonCourseId, kind: "SATISFACTION" } }),
    ).toBe(1);
  });

  it("refuses an agent who has not completed the training, and bad answers by name", async () => {
    await expect(
      submitSurveyResponse(u4, { courseId: hybridCourseId, kind: "SATISFACTION", answers: SATISFACTION }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      submitSurveyResponse(u3, {
        courseId: hybridCourseId,
        kind: "FOLLOW_UP",
        answers: { applied: 6, effective: 3, recommend: 3 },
      }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("1 to 5") });
    await expect(
      submitSurveyResponse(u3, { courseId: hybridCourseId, kind: "FOLLOW_UP", answers: { applied: 3 } }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("applied, effective, recommend") });
  });

  it("the follow-up opens 90 days after completion; the job invites once", async () => {
    const answers = { applied: 4, effective: 4, recommend: 5 };
    await expect(
      submitSurveyResponse(
        u3,
        { courseId: hybridCourseId, kind: "FOLLOW_UP", answers },
        new Date("2026-04-20T00:00:00Z"),
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The online part was completed on 2026-03-20 (the job counts from there), the session ended 2026-03-25.
    const when = new Date("2026-06-24T00:00:00Z"); // 96 and 91 days later
    await sendDueFollowUpSurveys({ now: when });
    expect(await db.notification.count({ where: { userId: u3.userId, kind: "survey.followUp" } })).toBe(1);
    await sendDueFollowUpSurveys({ now: when });
    expect(await db.notification.count({ where: { userId: u3.userId, kind: "survey.followUp" } })).toBe(1);
    await submitSurveyResponse(u3, { courseId: hybridCourseId, kind: "FOLLOW_UP", answers }, when);
    expect(await db.surveyResponse.count({ where: { userId: u3.userId, kind: "FOLLOW_UP" } })).toBe(1);
  });
});
