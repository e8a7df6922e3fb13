import { createPrismaClient } from "../lib/db/create-client";
import { runDemoOpenDataPublication } from "../lib/demo/run-demo-open-data-publication";
import { seedDemoData } from "../lib/demo/seed-demo-data";

/** First start of the demo: load the demo data when the database has no user yet. */
export async function seedIfEmpty(databaseUrl: string): Promise<boolean> {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  try {
    if ((await prisma.user.count()) > 0) return false;
    await seedDemoData(prisma);
    runDemoOpenDataPublication(databaseUrl);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
