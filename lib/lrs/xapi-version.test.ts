import { describe, expect, it } from "vitest";
import { GET as getStatements } from "@/app/api/xapi/statements/route";
import { GET as getAbout } from "@/app/api/xapi/about/route";
import { answeredVersion } from "./xapi-route";

describe("X-Experience-API-Version in answers", () => {
  it("answers 2.0.0 to 2.0.0, 1.0.3 to any other declared version, and the deployment default to none", () => {
    expect(answeredVersion("2.0.0", "1.0.3")).toBe("2.0.0");
    expect(answeredVersion("1.0.1", "2.0.0")).toBe("1.0.3");
    expect(answeredVersion("0.9", "2.0.0")).toBe("1.0.3");
    expect(answeredVersion(null, "1.0.3")).toBe("1.0.3");
    expect(answeredVersion(null, "2.0.0")).toBe("2.0.0");
  });

  it("refuses a request without the header with 400 and declares the default version (1.0.3 unless configured)", async () => {
    const response = await getStatements(new Request("http://localhost/api/xapi/statements"));
    expect(response.status).toBe(400);
    expect(response.headers.get("x-experience-api-version")).toBe("1.0.3");
    expect(((await response.json()) as { message: string }).message).toMatch(/X-Experience-API-Version/);
  });

  it("declares 2.0.0 to a 2.0.0 request, even when it is refused", async () => {
    const response = await getStatements(
      new Request("http://localhost/api/xapi/statements", {
        headers: {
          "x-experience-api-version": "2.0.0",
          authorization: `Basic ${Buffer.from("nobody:wrong").toString("base64")}`,
        },
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("x-experience-api-version")).toBe("2.0.0");
    const about = await getAbout(
      new Request("http://localhost/api/xapi/about", { headers: { "x-experience-api-version": "2.0.0" } }),
    );
    expect(about.status).toBe(200);
    expect(about.headers.get("x-experience-api-version")).toBe("2.0.0");
  });
});
