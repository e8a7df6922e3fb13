/*
    Relais's adapter for ADL's CATAPULT cmi5 LMS Test Suite (lts/lib/lms.template.js): it drives
    Relais through its own HTTP API, signed in as a trainer, exactly as an author would:

      importCourse    POST /api/packages                          (zip, or a cmi5.xml alone)
      getLaunchUrl    POST /api/packages/{id}/cmi5-launches       (test launch for an account)
      waiveAU         POST /api/packages/cmi5-registrations/{registration}/waivers
      abandonSession  POST /api/packages/cmi5-sessions/{id}/abandon

    Statements are read back from Relais's LRS (/api/xapi) with an LRS client that may read
    (the demo seed's "demo" / "demo-secret"). See README.md beside this file.

    Copy it to lts/lib/lms.custom.js (it requires ./errors from there). Environment:
      RELAIS_URL            the Relais server (default http://localhost:3000)
      RELAIS_TRAINER_EMAIL  the demo account to sign in with (default trainer@relais.test)
      LRS_KEY, LRS_SECRET   an LRS client of Relais that may read statements (default demo/demo-secret)
*/
const Wreck = require("@hapi/wreck"),
  { InvalidPackageError } = require("./errors");

const baseUrl = (process.env.RELAIS_URL || "http://localhost:3000").replace(/\/$/, "");
const lrsKey = process.env.LRS_KEY || "demo";
const lrsSecret = process.env.LRS_SECRET || "demo-secret";
let cookies = new Map();

const cookieHeader = () => [...cookies.entries()].map(([name, value]) => `${name}=${value}`).join("; ");

// Wreck, as the rest of the suite uses (Jest's test environment has no global fetch).
const relais = async (method, path, { body, contentType = "application/json" } = {}) => {
  const response = await Wreck.request(method, `${baseUrl}${path}`, {
    redirects: 0,
    headers: {
      Cookie: cookieHeader(),
      ...(body !== undefined ? { "Content-Type": contentType } : {}),
    },
    payload: body === undefined ? undefined : contentType === "application/json" ? JSON.stringify(body) : body,
  });
  for (const line of [].concat(response.headers["set-cookie"] || [])) {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
  const text = (await Wreck.read(response)).toString("utf8");
  let payload = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch (ex) {
    payload = { message: text };
  }
  return { status: response.statusCode, payload };
};

const failure = (what, { status, payload }) =>
  new Error(`${what}: ${status} ${payload && (payload.message || payload.error || JSON.stringify(payload))}`);

const readAll = async (stream) => {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};

module.exports = {
  setup: async () => {
    cookies = new Map();
    const csrf = await relais("GET", "/api/auth/csrf");
    if (csrf.status !== 200 || !csrf.payload.csrfToken) {
      throw failure("Relais CSRF token", csrf);
    }
    const form = new URLSearchParams({
      csrfToken: csrf.payload.csrfToken,
      email: process.env.RELAIS_TRAINER_EMAIL || "trainer@relais.test",
      json: "true",
    });
    const signIn = await relais("POST", "/api/auth/callback/demo", {
      body: form.toString(),
      contentType: "application/x-www-form-urlencoded",
    });
    if (
      ![200, 302].includes(signIn.status) ||
      ![...cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))
    ) {
      throw failure("Relais sign-in (demo mode needed)", signIn);
    }
  },

  teardown: async () => {
    cookies = new Map();
  },

  getLrsEndpoint: () => `${baseUrl}/api/xapi`,

  getLrsAuthHeader: () => `Basic ${Buffer.from(`${lrsKey}:${lrsSecret}`).toString("base64")}`,

  importCourse: async (stream, contentType, filename) => {
    const body = await readAll(stream);
    const answer = await relais("POST", `/api/packages?name=${encodeURIComponent(filename)}`, { body, contentType });
    if (answer.status === 201) {
      return answer.payload.id;
    }
    // Relais refuses a package that breaks a rule with 400 (or 413 when too large), naming the file and the rule.
    if (answer.status === 400 || answer.status === 413) {
      throw new InvalidPackageError(`Invalid package ${filename}: ${answer.payload && answer.payload.message}`);
    }
    throw failure(`Import of ${filename}`, answer);
  },

  getLaunchUrl: async (courseId, auIndex, actor, { registration, launchMode }) => {
    const answer = await relais("POST", `/api/packages/${encodeURIComponent(courseId)}/cmi5-launches`, {
      body: { auIndex, actor, ...(registration ? { registration } : {}), ...(launchMode ? { launchMode } : {}) },
    });
    if (answer.status !== 201) {
      throw failure("Launch", answer);
    }
    return answer.payload.url;
  },

  // Relais keeps imported packages (a package is referenced by course versions); nothing to undo.
  cleanup: async () => {},

  hasWaive: () => true,
  waiveAU: async (registration, auIndex, reason) => {
    const answer = await relais(
      "POST",
      `/api/packages/cmi5-registrations/${encodeURIComponent(registration)}/waivers`,
      { body: { auIndex, reason } },
    );
    if (answer.status !== 201) {
      throw failure("Waive", answer);
    }
  },

  hasAbandon: () => true,
  abandonSession: async (sessionId) => {
    const answer = await relais("POST", `/api/packages/cmi5-sessions/${encodeURIComponent(sessionId)}/abandon`);
    if (answer.status !== 200) {
      throw failure("Abandon", answer);
    }
  },
};
