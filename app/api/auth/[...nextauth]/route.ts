import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth owns sign-in, callbacks and sign-out; its options (providers, who may sign in) live in lib/auth.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
