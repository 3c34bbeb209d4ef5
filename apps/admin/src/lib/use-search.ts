import { useEffect, useState } from "react";
import { rowsOf } from "../pages/workers/worker-common.tsx";
import { useQ } from "./api.ts";
import { errorInfo } from "./errors.ts";

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Long enough that a phone number typed at speed is one request, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search behind a picker field: `workers.search` or `employers.search` (POST-only, so an ID
 * number or phone never lands in a URL) for the typed text once typing pauses. Rows are those of
 * the settled text only, so a slow answer to an older text never shows.
 */
export function usePickerSearch<Row>(path: "workers.search" | "employers.search", term: string, lang: "zh" | "en" = "zh") {
  const typed = term.trim();
  const q = useDebounced(typed, SEARCH_DEBOUNCE_MS);
  const query = useQ(path, { q, limit: 20 }, { enabled: q !== "" });
  return {
    rows: q === "" ? [] : rowsOf<Row>(query.data),
    busy: typed !== q || query.isFetching,
    error: query.error ? errorInfo(query.error, lang).message : null,
  };
}
