// Entry point of the jobs for instrumentation.ts. Next.js compiles instrumentation outside the
// React Server Components layer, where `import "server-only"` refuses to build; this module only
// re-exports, and is reached solely from register() in the Node.js runtime.
export { startJobs } from "./boss";
