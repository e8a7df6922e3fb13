import "server-only";
import { db } from "../db";

/**
 * Does this person manage anyone (User.managerId points at them)? Erased agents no longer count:
 * their rows stay only as the basis of legal documents.
 */
export async function hasDirectReports(userId: string): Promise<boolean> {
  const report = await db.user.findFirst({ where: { managerId: userId, erasedAt: null }, select: { id: true } });
  return report !== null;
}
