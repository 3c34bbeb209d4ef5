import { useQ } from "../lib/api.ts";

/** The market's own name for a public page header (沁水县零工市场), or null while unknown. */
export function useMarketName(marketCode: string): string | null {
  const q = useQ("marketInfo.get", { marketCode }, { staleTime: 60 * 60_000 });
  return q.data?.name ?? null;
}
