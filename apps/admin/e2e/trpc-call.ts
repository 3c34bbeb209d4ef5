import type { Page } from "playwright-core";

/**
 * Calls a tRPC procedure from inside the page with its session cookie, as a POST (the way the app
 * sends every call), to set up a case the test then drives through the screens.
 */
export async function call<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([p, i]) => {
      const r = await fetch(`/trpc/${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(i), credentials: "include" });
      return (await r.json()) as { result?: { data: unknown }; error?: { message: string } };
    },
    [path, input] as const,
  );
  if (!res.result) throw new Error(`${path}: ${res.error?.message ?? "failed"}`);
  return res.result.data as T;
}
