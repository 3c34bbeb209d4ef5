/** Fewer characters than this match too much to be worth a round trip (and one digit is no phone). */
export const QUICK_FIND_MIN = 2;

/** The term the header quick-find searches for, or `null` while it is too short to search. */
export function quickFindTerm(text: string): string | null {
  const term = text.trim();
  return [...term].length >= QUICK_FIND_MIN ? term : null;
}

/** What an option of the quick-find dropdown opens. */
export type QuickFindPick = { kind: "worker" | "employer"; id: string } | { kind: "all" };

const ALL = "all";

/** The option's value: kind and id, so workers and employers never collide in one list. */
export function pickValue(pick: QuickFindPick): string {
  return pick.kind === "all" ? ALL : `${pick.kind}:${pick.id}`;
}

export function parsePick(value: string): QuickFindPick | null {
  if (value === ALL) return { kind: "all" };
  const m = /^(worker|employer):(.+)$/.exec(value);
  return m?.[1] && m[2] ? { kind: m[1] as "worker" | "employer", id: m[2] } : null;
}

/** Where a picked option goes; opaque ids only, never the typed term (it may be an ID number). */
export function pickPath(pick: { kind: "worker" | "employer"; id: string }): string {
  return pick.kind === "worker" ? `/workers/${encodeURIComponent(pick.id)}` : `/employers/${encodeURIComponent(pick.id)}`;
}

interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
}

/**
 * Whether "/" pressed with this element focused is text being typed (an input, a text area, a
 * select's search, an editable region), so the shortcut must leave it alone.
 */
export function isTypingTarget(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? "").toUpperCase();
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/** The "/" shortcut: the bare key, not with Ctrl/Alt/Meta (browser and system shortcuts). */
export function isQuickFindShortcut(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean; isComposing?: boolean }): boolean {
  return e.key === "/" && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing;
}
