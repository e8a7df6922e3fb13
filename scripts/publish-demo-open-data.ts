// Publishes the demo's open data (lib/demo/publish-demo-open-data.ts) in the database named by
// DATABASE_URL. Run with `tsx --conditions=react-server` (lib/demo/run-demo-open-data-publication.ts):
// publishing uses server-only modules, which the seed scripts, running outside Next.js, cannot import.
import { publishDemoOpenData } from "../lib/demo/publish-demo-open-data";

const years = await publishDemoOpenData();
console.log(`Demo open data published for ${years.join(" and ")}.`);
process.exit(0);
