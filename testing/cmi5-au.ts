// What a cmi5 AU does against Relais's LRS, for tests (lib/packages): fetch the auth-token, read
// LMS.LaunchData and cmi5LearnerPreferences, then send statements through the real route handlers.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { GET as getProfile } from "@/app/api/xapi/agents/profile/route";
import { GET as getState } from "@/app/api/xapi/activities/state/route";
import { PUT as putStatement } from "@/app/api/xapi/statements/route";
import { CMI5_CATEGORY, CMI5_EXTENSION, CMI5_VERB } from "../lib/packages/cmi5-vocabulary";
import { fetchCmi5AuthToken } from "../lib/packages/fetch-cmi5-auth-token";

const XAPI = { "X-Experience-API-Version": "1.0.3" };

/** What the AU does at its start (cmi5 §8.2, §10, §11): fetch, LaunchData, learner preferences. */
export async function startAu(url: string) {
  const launch = new URL(url);
  const params = Object.fromEntries(launch.searchParams);
  const fetchToken = params.fetch!.split("/").pop()!;
  const answer = await fetchCmi5AuthToken(fetchToken);
  expect(answer).toHaveProperty("auth-token");
  const auth = { ...XAPI, Authorization: `Basic ${(answer as { "auth-token": string })["auth-token"]}` };
  const stateUrl = `${params.endpoint}/activities/state?${new URLSearchParams({
    stateId: "LMS.LaunchData",
    activityId: params.activityId!,
    agent: params.actor!,
    registration: params.registration!,
  })}`;
  const launchData = (await (await getState(new Request(stateUrl, { headers: auth }))).json()) as {
    contextTemplate: { extensions: Record<string, string>; contextActivities: { grouping: { id: string }[] } };
    moveOn: string;
    masteryScore: number;
    launchParameters: string;
    returnURL: string;
  };
  const prefs = await getProfile(
    new Request(
      `${params.endpoint}/agents/profile?${new URLSearchParams({ profileId: "cmi5LearnerPreferences", agent: params.actor! })}`,
      {
        headers: auth,
      },
    ),
  );
  expect([200, 404]).toContain(prefs.status);
  const send = async (verb: keyof typeof CMI5_VERB, options: { result?: object; moveOn?: boolean } = {}) => {
    const id = randomUUID();
    const context = structuredClone(launchData.contextTemplate) as Record<string, unknown> & {
      contextActivities: Record<string, unknown>;
      extensions: Record<string, unknown>;
    };
    context.registration = params.registration;
    context.contextActivities.category = [
      { id: CMI5_CATEGORY.cmi5 },
      ...(options.moveOn ? [{ id: CMI5_CATEGORY.moveOn }] : []),
    ];
    if (verb === "passed" || verb === "failed")
      context.extensions[CMI5_EXTENSION.masteryScore] = launchData.masteryScore;
    const response = await putStatement(
      new Request(`${params.endpoint}/statements?statementId=${id}`, {
        method: "PUT",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({
          id,
          timestamp: new Date().toISOString(),
          actor: JSON.parse(params.actor!),
          verb: { id: CMI5_VERB[verb] },
          object: { id: params.activityId },
          ...(options.result ? { result: options.result } : {}),
          context,
        }),
      }),
    );
    return response.status;
  };
  return { params, fetchToken, auth, stateUrl, launchData, send };
}
