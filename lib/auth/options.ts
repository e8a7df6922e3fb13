import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "../db";
import { env, isDemoMode, isOidcEnabled } from "../env";
import { isAppError } from "../errors/app-error";
import { isSecureDeployment } from "../security/is-secure-deployment";
import { isDemoAccount } from "./demo-accounts";
import { linkOidcUser } from "./link-oidc-user";

export const OIDC_PROVIDER_ID = "oidc";

type TOidcProfile = Record<string, unknown> & { sub: string; email?: string; name?: string };

function oidcProvider(): OAuthConfig<TOidcProfile> {
  const config = env();
  return {
    id: OIDC_PROVIDER_ID,
    name: config.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: `${config.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
    },
  };
}

/** Demo mode only: one-click sign-in with a seeded demo account. Never offered in production mode. */
const demoProvider = CredentialsProvider({
  id: "demo",
  name: "Demo",
  credentials: { email: { label: "E-mail", type: "email" } },
  async authorize(credentials) {
    const email = credentials?.email?.toLowerCase();
    if (!isDemoMode() || !email || !isDemoAccount(email)) return null;
    const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    return user;
  },
});

export function authOptions(): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [];
  if (isOidcEnabled()) providers.push(oidcProvider());
  if (isDemoMode()) providers.push(demoProvider);
  return {
    secret: env().NEXTAUTH_SECRET,
    // Secure, __Secure-/__Host- prefixed cookies over HTTPS (RELAIS_SECURE_COOKIES, else NEXTAUTH_URL's scheme).
    useSecureCookies: isSecureDeployment(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/auth/signin", error: "/auth/error" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const oidcProfile = (profile ?? {}) as TOidcProfile;
        const claim = oidcProfile[env().OIDC_INSTITUTION_CLAIM];
        try {
          const { userId } = await linkOidcUser({
            provider: OIDC_PROVIDER_ID,
            subject: account.providerAccountId,
            email: String(oidcProfile.email ?? user.email ?? ""),
            name: String(oidcProfile.name ?? user.name ?? oidcProfile.email ?? ""),
            institutionCode: typeof claim === "string" ? claim : undefined,
          });
          // jwt() below receives this same object: carry our user id, not the provider's subject.
          user.id = userId;
          return true;
        } catch (error) {
          if (isAppError(error) && error.userMessage === "unknown-institution")
            return "/auth/refused?reason=unknown-institution";
          if (error instanceof Error && error.name === "ZodError") return "/auth/refused?reason=missing-email";
          throw error;
        }
      },
      async jwt({ token, user }) {
        if (user) token.userId = user.id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: typeof token.userId === "string" ? token.userId : undefined };
      },
    },
  };
}
