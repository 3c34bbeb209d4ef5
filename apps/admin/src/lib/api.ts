import { createTRPCUntypedClient, httpBatchLink } from "@trpc/client";
import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from "@tanstack/react-query";
import type { In, Out } from "./api-types.ts";

/**
 * One tRPC client for the whole app: batched, at most 10 calls a request (the server refuses
 * larger batches), cookies included. Queries go as POST too, so ID numbers and phones typed into
 * a search never end up in a URL or an access log (checklist C19).
 */
export const trpcClient = createTRPCUntypedClient({
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
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => {
        const code = (err as { data?: { code?: string } }).data?.code;
        if (code && code !== "INTERNAL_SERVER_ERROR") return false;
        return count < 1;
      },
    },
  },
});

type QueryOpts<P extends string> = Omit<UseQueryOptions<Out<P>, Error, Out<P>>, "queryKey" | "queryFn">;

/** `useQuery` for the tRPC query at `path`. */
export function useQ<P extends string>(path: P, input?: In<P>, opts: QueryOpts<P> = {}) {
  return useQuery<Out<P>, Error, Out<P>>({
    queryKey: [path, input ?? null],
    queryFn: () => trpcClient.query(path, input) as Promise<Out<P>>,
    ...opts,
  });
}

/** `useMutation` for the tRPC mutation at `path`; every success refreshes the screens' data. */
export function useM<P extends string>(path: P) {
  const qc = useQueryClient();
  return useMutation<Out<P>, Error, In<P>>({
    mutationFn: (input) => trpcClient.mutation(path, input) as Promise<Out<P>>,
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** Imperative call, for one-off reads such as a duplicate check while typing. */
export function callQuery<P extends string>(path: P, input?: In<P>): Promise<Out<P>> {
  return trpcClient.query(path, input) as Promise<Out<P>>;
}
