import { useQ } from "./api.ts";
import { mayCall } from "./nav.ts";

/** The signed-in staff member as the app uses it (read from `auth.me`). */
export interface Session {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: { zh: string; en: string };
  market: { id: string; name: string } | null;
  procedures: string[];
}

type Loose = Record<string, unknown> | undefined | null;

function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/** Reads `auth.me`'s answer, accepting the user either nested or flat. */
export function toSession(raw: unknown): Session | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  const user = (r.user as Loose) ?? r;
  const market = r.market as Loose;
  const role = str(r.role ?? user?.role);
  const label = (r.roleLabel as { zh: string; en: string } | undefined) ?? { zh: role, en: role };
  const procs = r.procedures ?? r.permissions ?? r.allowed;
  return {
    userId: str(user?.id),
    username: str(user?.username),
    displayName: str(user?.displayName ?? user?.username),
    role,
    roleLabel: label,
    market: market ? { id: str(market.id), name: str(market.name) } : null,
    procedures: Array.isArray(procs) ? procs.filter((p): p is string => typeof p === "string") : [],
  };
}

export function useSession() {
  const q = useQ("auth.me", undefined, { staleTime: 60_000, retry: false });
  return { ...q, session: toSession(q.data) };
}

/** True when the signed-in role may call `path`. */
export function useCan(path: string): boolean {
  const { session } = useSession();
  return session ? mayCall(session.procedures, path) : false;
}
