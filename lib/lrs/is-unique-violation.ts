import { Prisma } from "../db";

/** A unique index refused a row: Prisma's P2002, or SQLSTATE 23505 from a raw query (P2010). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    (error.code === "P2002" || (error.code === "P2010" && JSON.stringify(error.meta ?? {}).includes("23505")))
  );
}
