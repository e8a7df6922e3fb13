// Ports and folders of the end-to-end environment; overridable so that runs can coexist.
export const E2E = {
  appPort: Number(process.env.RELAIS_E2E_PORT ?? 3100),
  oidcPort: Number(process.env.RELAIS_E2E_OIDC_PORT ?? 3101),
  pgPort: Number(process.env.RELAIS_E2E_PG_PORT ?? 54340),
  cluster: process.env.RELAIS_E2E_CLUSTER ?? "pg-e2e",
  distDir: process.env.RELAIS_E2E_DIST_DIR ?? ".next-e2e",
  // The local SMTP capture writes each e-mail the app sends here (one .eml file per message).
  mailDir: `${process.env.RELAIS_E2E_RESULTS_DIR ?? "test-results"}/mail`,
};
