import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { throttleSignIn } from "@/lib/auth/throttle-sign-in";

// next-auth owns sign-in, callbacks and sign-out; its options (providers, who may sign in) live in
// lib/auth; failed sign-ins are throttled there too.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const params = await context.params;
  return throttleSignIn(request, () => NextAuth(authOptions())(request, { params }));
}

export { handler as GET, handler as POST };
