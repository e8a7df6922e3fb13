// Node module hooks for the bench: `server-only` resolves to its empty module, as under the
// react-server condition, without that condition (which next-intl's entry point rejects outside
// a React server bundle).
export async function resolve(specifier, context, next) {
  if (specifier === "server-only")
    return { url: new URL("../../node_modules/server-only/empty.js", import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
