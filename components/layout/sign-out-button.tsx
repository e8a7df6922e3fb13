"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button-secondary" onClick={() => void signOut({ callbackUrl: "/" })}>
      {label}
    </button>
  );
}
