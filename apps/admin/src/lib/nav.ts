import type { MessageKey } from "../i18n/zh.ts";

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Shown when the role may call any of these procedures (from `auth.me`). */
  needs: readonly string[];
  group: "counter" | "after" | "hall" | "office";
}

/** The staff app's side navigation; each entry is gated by the procedures its screen calls first. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: "/workers/new", label: "nav.register", needs: ["workers.register"], group: "counter" },
  { path: "/workers", label: "nav.workers", needs: ["workers.search"], group: "counter" },
  { path: "/workers/pending", label: "nav.pending", needs: ["workers.listPending"], group: "counter" },
  { path: "/workers/import", label: "nav.import", needs: ["workers.import"], group: "counter" },
  { path: "/employers", label: "nav.employers", needs: ["employers.search"], group: "counter" },
  { path: "/orders/new", label: "nav.orderNew", needs: ["orders.create"], group: "counter" },
  { path: "/orders", label: "nav.orders", needs: ["orders.list"], group: "counter" },
  { path: "/today", label: "nav.today", needs: ["dispatches.today"], group: "counter" },
  { path: "/followups", label: "nav.followups", needs: ["followups.due"], group: "after" },
  { path: "/grades", label: "nav.grades", needs: ["grades.list", "grades.approve"], group: "after" },
  { path: "/complaints", label: "nav.complaints", needs: ["complaints.list"], group: "after" },
  { path: "/sanctions", label: "nav.sanctions", needs: ["sanctions.list", "rewards.list"], group: "after" },
  { path: "/tools", label: "nav.tools", needs: ["rentals.lend", "rentals.list"], group: "hall" },
  { path: "/training", label: "nav.training", needs: ["training.listCourses", "training.list"], group: "hall" },
  { path: "/books", label: "nav.books", needs: ["library.listBooks"], group: "hall" },
  { path: "/services", label: "nav.services", needs: ["services.list", "services.log"], group: "hall" },
  { path: "/publicity", label: "nav.publicity", needs: ["publicity.honourList", "publicity.exposureList"], group: "hall" },
  { path: "/costs", label: "nav.costs", needs: ["costs.list"], group: "office" },
  { path: "/admin/staff", label: "nav.staff", needs: ["staff.list"], group: "office" },
  { path: "/admin/audit", label: "nav.audit", needs: ["privacy.auditLog"], group: "office" },
  { path: "/admin/policies", label: "nav.policies", needs: ["policies.list"], group: "office" },
  { path: "/admin/rooms", label: "nav.rooms", needs: ["matching.roomCreate"], group: "office" },
];

/**
 * Items the role may open. A procedure list entry may be a full path (`workers.search`), a
 * router wildcard (`workers.*`) or `*` for everything.
 */
export function allowedNav(items: readonly NavItem[], procedures: readonly string[]): NavItem[] {
  return items.filter((item) => item.needs.some((p) => mayCall(procedures, p)));
}

/** True when the procedure list (from `auth.me`) lets the role call `path`. */
export function mayCall(procedures: readonly string[], path: string): boolean {
  const router = path.split(".")[0];
  return procedures.some((p) => p === path || p === "*" || p === `${router}.*`);
}
