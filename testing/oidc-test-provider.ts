// A real OpenID Connect provider (npm oidc-provider) for the end-to-end sign-in test. Its
// development login form accepts any login; the login chooses the person:
//   <e-mail>|<institution code>   → that e-mail, institution claim <code>, a name from the e-mail
import Provider from "oidc-provider";

export const OIDC_TEST_CLIENT = { clientId: "relais-e2e", clientSecret: "relais-e2e-secret-relais-e2e-secret" };

export async function startOidcTestProvider(options: { port: number; redirectUri: string; institutionClaim: string }) {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // The institution claim rides with the profile scope, as institutional IdPs commonly send it.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", options.institutionClaim] },
    scopes: ["openid", "email", "profile"],
    pkce: { required: () => true },
    cookies: { keys: ["relais-e2e-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, login: string) {
      const [email = "", institution = ""] = login.split("|");
      const localPart = email.split("@")[0] ?? "someone";
      return {
        accountId: login,
        async claims() {
          return {
            sub: `idp-${login}`,
            email,
            email_verified: true,
            name: `${localPart[0]!.toUpperCase()}${localPart.slice(1)} (IdP)`,
            [options.institutionClaim]: institution,
          };
        },
      };
    },
    // Every claim in the ID token: next-auth reads the profile from it (idToken: true).
    conformIdTokenClaims: false,
  });
  provider.proxy = false;
  const server = provider.listen(options.port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
