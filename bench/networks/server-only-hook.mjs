// Runs domain modules outside Next.js without the react-server condition (which breaks
// next-intl's React build): "server-only" resolves to its empty module, as in vitest.config.ts.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only")
    return { url: new URL("../../node_modules/server-only/empty.js", import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
