// ESLint rule "relais/no-domain-cycle": a module of lib/<domain> may not import a module of
// another domain that (directly or through others) imports lib/<domain> back. Cycles between
// files are not enough to catch this: lib/a/x → lib/b/y → lib/a/z is a cycle between the two
// domains with no file in it twice. The domain graph is read once per lint run from the files
// on disk; tests (*.test.ts) are leaves that nothing imports, so they are left out of it.
import fs from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;
const graphs = new Map();

/** lib/sessions/x.ts → "sessions"; lib/env.ts → "env"; outside lib → null. */
function domainOf(file, libRoot) {
  const relative = path.relative(libRoot, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [first, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? first : first.replace(/\.[^.]+$/, "");
}

/** The file an import specifier names, or null for a package. "@/x" is the repository root (tsconfig paths). */
function resolveSpecifier(specifier, fromFile, repoRoot) {
  if (specifier.startsWith("@/")) return path.join(repoRoot, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(fromFile), specifier);
  return null;
}

function isTest(file, options) {
  return options.ignore.some((pattern) => new RegExp(pattern).test(file.split(path.sep).join("/")));
}

function walk(directory, skip, files = []) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) walk(full, skip, files);
    } else if (SOURCE.test(entry.name)) files.push(full);
  }
  return files;
}

/** domain → Map(other domain → one file that imports it, for the message). */
function buildGraph(repoRoot, options) {
  const libRoot = path.join(repoRoot, options.root);
  const edges = new Map();
  for (const file of walk(libRoot, options.skipFolders)) {
    if (isTest(file, options)) continue;
    const from = domainOf(file, libRoot);
    for (const match of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveSpecifier(match[1] ?? match[2], file, repoRoot);
      const to = target && domainOf(target, libRoot);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, path.relative(repoRoot, file));
    }
  }
  return edges;
}

/** A path of domains from `start` to `goal` (breadth first: the shortest), or null. */
function findPath(edges, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === goal) {
      const steps = [];
      for (let step = current; step !== null; step = previous.get(step)) steps.unshift(step);
      return steps;
    }
    for (const next of edges.get(current)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

const DEFAULTS = { root: "lib", ignore: ["\\.test\\.tsx?$"], skipFolders: ["generated", "node_modules"] };

export const noDomainCycle = {
  meta: {
    type: "problem",
    docs: { description: "Forbids imports that close a cycle between the domains of lib/" },
    schema: [
      {
        type: "object",
        properties: {
          root: { type: "string" },
          ignore: { type: "array", items: { type: "string" } },
          skipFolders: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        "lib/{{from}} imports lib/{{to}}, which imports lib/{{from}} back ({{path}}). Move what both need below " +
        "them (docs/ARCHITECTURE.md, 'Layers'), or pass it in from the caller.",
    },
  },
  create(context) {
    const options = { ...DEFAULTS, ...context.options[0] };
    const repoRoot = context.cwd;
    const file = context.filename;
    const libRoot = path.join(repoRoot, options.root);
    const from = domainOf(file, libRoot);
    if (!from || isTest(file, options)) return {};
    const key = `${repoRoot}\0${JSON.stringify(options)}`;
    if (!graphs.has(key)) graphs.set(key, buildGraph(repoRoot, options));
    const edges = graphs.get(key);
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const target = resolveSpecifier(source.value, file, repoRoot);
      const to = target && domainOf(target, libRoot);
      if (!to || to === from) return;
      const back = findPath(edges, to, from);
      if (!back) return;
      const hops = back
        .slice(0, -1)
        .map((domain, index) => `${domain} → ${back[index + 1]} in ${edges.get(domain).get(back[index + 1])}`);
      context.report({ node: source, messageId: "cycle", data: { from, to, path: hops.join("; ") } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const plugin = { rules: { "no-domain-cycle": noDomainCycle } };

export default plugin;
