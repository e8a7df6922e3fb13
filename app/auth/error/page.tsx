import { redirect } from "next/navigation";

// next-auth's error page: every failure is shown by the refusal page, in the user's language.
export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  redirect(`/auth/refused?reason=${encodeURIComponent(error ?? "generic")}`);
}
