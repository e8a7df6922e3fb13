import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createSiteWithStaff, createOpenSession } from "../../testing/session-fixtures";
import { deleteRoom } from "./delete-room";
import { deleteSite } from "./delete-site";
import { saveRoom } from "./save-room";
import { updateSite } from "./update-site";
import { listSitesByDistance } from "./list-sites-by-distance";
import { createAgents } from "../../testing/session-fixtures";
import { localizeAppError } from "../sessions/localize-app-error";
import { createTranslator } from "../i18n/translate";

describe("relay sites and rooms (real database)", () => {
  it("deleting a room or a site with future sessions is refused with the list of sessions", async () => {
    const context = await createSiteWithStaff();
    await createOpenSession(context, 5);
    const refusal = await deleteRoom(context.coordinator, { roomId: context.roomA.id }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("Accueillir le public (20"),
    });
    // The site page shows it in the coordinator's language.
    expect(localizeAppError(refusal, createTranslator("fr"))).toMatchObject({
      userMessage: expect.stringMatching(
        /^La salle « Salle A » est utilisée par des sessions à venir : Accueillir le public \(20/,
      ),
    });
    const siteRefusal = await deleteSite(context.coordinator, { siteId: context.site.id }).catch(
      (error: unknown) => error,
    );
    expect(siteRefusal).toMatchObject({
      code: "CONFLICT",
      details: { sessions: [expect.stringContaining("Accueillir le public")] },
    });
    expect(localizeAppError(siteRefusal, createTranslator("fr"))).toMatchObject({
      userMessage: expect.stringMatching(/^Le site « .+ » a des sessions à venir : Accueillir le public/),
    });
    expect(localizeAppError(siteRefusal, createTranslator("en"))).toMatchObject({
      userMessage: expect.stringMatching(/^Site ".+" has future sessions: Accueillir le public/),
    });
    expect(await db.room.count({ where: { siteId: context.site.id } })).toBe(2);
  });

  it("a site without sessions is deleted with its rooms and an audit row; another site's coordinator cannot", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    await expect(deleteSite(other.coordinator, { siteId: context.site.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await deleteSite(context.coordinator, { siteId: context.site.id });
    expect(await db.relaySite.findUnique({ where: { id: context.site.id } })).toBeNull();
    expect(await db.room.count({ where: { siteId: context.site.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: context.site.id, action: "site.deleted" } })).toBe(1);
  });

  it("an unused room is deleted with an audit row; another site's coordinator cannot", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    await expect(deleteRoom(other.coordinator, { roomId: context.roomB.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await deleteRoom(context.coordinator, { roomId: context.roomB.id });
    expect(await db.room.findUnique({ where: { id: context.roomB.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: context.roomB.id, action: "room.deleted" } })).toBe(1);
  });

  it("rooms: create with accessibility features; a duplicate name or a capacity below a planned session is refused", async () => {
    const context = await createSiteWithStaff();
    const room = await saveRoom(context.coordinator, {
      siteId: context.site.id,
      name: "Salle C",
      capacity: 12,
      accessibilityFeatures: ["step-free", "hearing-loop"],
    });
    expect(await db.room.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({
      capacity: 12,
      accessibilityFeatures: ["step-free", "hearing-loop"],
    });
    await expect(
      saveRoom(context.coordinator, { siteId: context.site.id, name: "Salle C", capacity: 5 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await createOpenSession(context, 8);
    await expect(
      saveRoom(context.coordinator, {
        siteId: context.site.id,
        roomId: context.roomA.id,
        name: "Salle A",
        capacity: 4,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("capacity") });
    await expect(
      saveRoom(context.coordinator, {
        siteId: context.site.id,
        name: "Y",
        capacity: 3,
        accessibilityFeatures: ["teleporter" as "lift"],
      }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("accessibilityFeatures") });
    await expect(
      saveRoom(context.coordinator, { siteId: context.site.id, name: "X", capacity: -1 }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("capacity") });
  });

  it("the coordinator updates the site; bad coordinates are refused; another coordinator cannot", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    const base = {
      siteId: context.site.id,
      name: "Site relais",
      address: "2 place Victor Hugo",
      postalCode: "38000",
      city: "Grenoble",
      latitude: 45.19,
      longitude: 5.72,
      openingHours: "Lun–ven 8h–18h",
      accessibility: "Rampe d'accès",
    };
    await updateSite(context.coordinator, base);
    expect(await db.relaySite.findUniqueOrThrow({ where: { id: context.site.id } })).toMatchObject({
      address: "2 place Victor Hugo",
      openingHours: "Lun–ven 8h–18h",
    });
    await expect(updateSite(context.coordinator, { ...base, latitude: 120 })).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringContaining("latitude"),
    });
    await expect(updateSite(other.coordinator, base)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("sites are listed nearest first from the agent's workplace", async () => {
    const near = await createSiteWithStaff();
    const [agent] = await createAgents(near.institution.id, 1); // workplace in Lyon (45.76, 4.84)
    await db.relaySite.update({ where: { id: near.site.id }, data: { latitude: 45.75, longitude: 4.85 } });
    const { sites, workplace } = await listSitesByDistance(agent!);
    expect(workplace).not.toBeNull();
    // Other test files add sites at the same time: ours is under 5 km and nothing after it is nearer.
    const ours = sites.findIndex((site) => site.id === near.site.id);
    expect(sites[ours]!.distanceKm).toBeLessThan(5);
    expect(sites.slice(0, ours).every((site) => (site.distanceKm ?? Infinity) <= sites[ours]!.distanceKm!)).toBe(true);
    const distances = sites.map((site) => site.distanceKm ?? Infinity);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });
});
