"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

type TProps = { provider: "demo" | "oidc"; email?: string; callbackUrl: string; label: string; detail?: string };

export function SignInButton({ provider, email, callbackUrl, label, detail }: TProps) {
  const [isPending, setIsPending] = useState(false);
  return (
    <button
      type="button"
      className="button sign-in-button"
      aria-busy={isPending}
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signIn(provider, provider === "demo" ? { email, callbackUrl } : { callbackUrl });
      }}
    >
      <span>{label}</span>
      {detail && <span className="detail">{detail}</span>}
    </button>
  );
}
