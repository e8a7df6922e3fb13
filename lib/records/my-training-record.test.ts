import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../auth/actor";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { createUserWithRoles } from "../../testing/fixtures";
import { getMyTrainingRecord } from "./get-my-training-record";
import { renderTrainingRecordPdf } from "./render-training-record-pdf";

let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  data = await createHandComputedDataSet();
});

describe("my training record (real database)", () => {
  it("hours by year and type follow the indicators' rule", async () => {
    const u1 = (await loadActor(data.users.u1.id))!;
    const record = await getMyTrainingRecord(u1);
    // u1: e1 online T1 2 h (March), in person STATUTORY 3 h + 3.5 h (March), e7 hybrid online part T3 3 h (February)
    expect(record.lines).toEqual([
      { year: 2026, trainingType: "STATUTORY", hours: 6.5 },
      { year: 2026, trainingType: "T1_ADAPT_POST", hours: 2 },
      { year: 2026, trainingType: "T3_QUALIFICATION", hours: 3 },
    ]);
    expect(record.totalHours).toBe(11.5);
    expect((await PDFDocument.load(await renderTrainingRecordPdf(record, "fr"))).getPageCount()).toBe(1);
  });

  it("another agent cannot read it; the institution's officer can, another institution's cannot", async () => {
    const u2 = (await loadActor(data.users.u2.id))!;
    await expect(getMyTrainingRecord(u2, data.users.u1.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const officerA = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: data.a.id }],
    });
    await expect(getMyTrainingRecord(officerA, data.users.u1.id)).resolves.toBeTruthy();
    const officerB = await createUserWithRoles({
      institutionId: data.b.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: data.b.id }],
    });
    await expect(getMyTrainingRecord(officerB, data.users.u1.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
