import type { AppRouter } from "@lingong/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/**
 * tRPC over @tanstack/react-query. Calls are batched (≤ 10 a request, the server's limit) and sent
 * as POST so filters never land in URLs or access logs; the session cookie rides along.
 */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      maxItems: 10,
      methodOverride: "POST",
      fetch: (url, init) => fetch(url, { ...(init as RequestInit), credentials: "include" }),
    }),
  ],
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => {
        const code = (err as { data?: { code?: string } }).data?.code;
        if (code && code !== "INTERNAL_SERVER_ERROR") return false;
        return count < 1;
      },
    },
  },
});
