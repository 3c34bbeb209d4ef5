import { createTRPCUntypedClient, httpLink } from "@trpc/client";
import { useQuery } from "@tanstack/react-query";
import type { In, Out } from "../../lib/api-types.ts";
import type { Labelled } from "../ops/ops-common.tsx";

/** Staff roles (the API's `ROLE_IDS`), labelled as `ROLE_LABELS` in @lingong/api. */
export const ROLE_LABELS: Record<string, Labelled> = {
  head: { zh: "负责人", en: "Market head", color: "gold" },
  office: { zh: "综合办", en: "General office" },
  business: { zh: "综合业务", en: "General business" },
  casework: { zh: "业务经办", en: "Case handling" },
  training: { zh: "技能培训", en: "Skills training" },
  policy: { zh: "政策衔接", en: "Policy liaison" },
  rights: { zh: "权益投诉", en: "Rights & complaints" },
  logistics: { zh: "后勤服务", en: "Logistics" },
  leader: { zh: "局领导", en: "Bureau leader", color: "purple" },
  admin: { zh: "系统管理员", en: "System administrator", color: "red" },
  auditor: { zh: "审计员", en: "Auditor", color: "blue" },
  // Not an account: the server's scheduled duties (probation ends, arrears cases, retention) audit as "system".
  system: { zh: "系统定时任务", en: "Scheduled duty", color: "default" },
};

/** Roles not bound to one market (`CROSS_MARKET_ROLES` in the API). */
export const CROSS_MARKET_ROLES: readonly string[] = ["leader", "admin", "auditor"];

/**
 * A client acting on one market as a province-level account (the `x-lingong-market` header the
 * API reads): an administrator's change to a market's staff is then audited under that market,
 * so the market's head sees it in the audit log.
 */
function marketClient(marketId: string | null) {
  return createTRPCUntypedClient({
    links: [
      httpLink({
        url: "/trpc",
        methodOverride: "POST",
        headers: marketId ? { "x-lingong-market": marketId } : {},
        fetch: (url, init) => fetch(url, { ...(init as RequestInit), credentials: "include" }),
      }),
    ],
  });
}

export function mutateInMarket<P extends string>(marketId: string | null, path: P, input: In<P>): Promise<Out<P>> {
  return marketClient(marketId).mutation(path, input) as Promise<Out<P>>;
}

export interface MarketOption {
  id: string;
  name: string;
}

/** Names of the markets the accounts belong to (read through `auth.me` in each market). */
export function useMarketNames(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: ["admin.marketNames", sorted],
    enabled: sorted.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<MarketOption[]> =>
      Promise.all(
        sorted.map(async (id) => {
          const me = (await marketClient(id).query("auth.me", undefined)) as { market?: { name?: string } | null };
          // A market without a name shows its id's first characters (the same in either language).
          return { id, name: me.market?.name ?? id.slice(0, 8) };
        }),
      ),
  });
}
