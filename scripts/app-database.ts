// The embedded cluster used by `npm start`, `npm run db:migrate` and `npm run db:seed`.
export const APP_DATABASE = { cluster: "pg-app", database: "relais", preferredPort: 54320 } as const;
