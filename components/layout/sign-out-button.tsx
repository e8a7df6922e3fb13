"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label, id }: { label: string; id?: string }) {
  return (
    <button
      type="button"
      id={id}
      className="fr-btn fr-icon-logout-box-r-line"
      onClick={() => void signOut({ callbackUrl: "/" })}
    >
      {label}
    </button>
  );
}
