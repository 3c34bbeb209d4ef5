/**
 * Staff roles from the plan's staffing (G3) plus the bureau's leaders and the system's own
 * separated duties (MLPS: administrator, auditor). Procedures declare the roles that may call
 * them through `staffProcedure(roles)`; everything else is denied.
 */
export const ROLE_IDS = [
  "head",
  "office",
  "business",
  "casework",
  "training",
  "policy",
  "rights",
  "logistics",
  "leader",
  "admin",
  "auditor",
] as const;

export type Role = (typeof ROLE_IDS)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  head: { zh: "负责人", en: "Market head" },
  office: { zh: "综合办", en: "General office" },
  business: { zh: "综合业务", en: "General business" },
  casework: { zh: "业务经办", en: "Case handling" },
  training: { zh: "技能培训", en: "Skills training" },
  policy: { zh: "政策衔接", en: "Policy liaison" },
  rights: { zh: "权益投诉", en: "Rights & complaints" },
  logistics: { zh: "后勤服务", en: "Logistics" },
  leader: { zh: "局领导", en: "Bureau leader" },
  admin: { zh: "系统管理员", en: "System administrator" },
  auditor: { zh: "审计员", en: "Auditor" },
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLE_IDS as readonly string[]).includes(value);
}

/** The market's own operating staff (everyone working in the hall). */
const marketStaff = ["head", "office", "business", "casework", "training", "policy", "rights", "logistics"] as const;

/**
 * Named groups that routers use in `staffProcedure(...)`. Keep them small and explicit: a
 * procedure that needs an unusual set lists the roles itself.
 */
export const ROLES = {
  /** Counter work: registration, orders, matching, dispatch. */
  counter: ["head", "business", "casework"],
  /** May see unmasked ID numbers / photos through a reveal procedure with a reason (PIPL 28, 51). */
  revealPii: ["head", "business", "casework", "rights"],
  /** Every operating staff member of a market (not leaders, admins or auditors). */
  allStaff: marketStaff,
  /** Operating staff plus bureau leaders: read-only views everybody may see. */
  staffAndLeaders: [...marketStaff, "leader"],
  /** Read-only analytics (leaders across markets, the market head for their own). */
  analytics: ["leader", "head"],
  /** Follow-ups, grades, sanctions and complaints. */
  rights: ["head", "rights", "business"],
  /** Skills training (M6). */
  training: ["head", "training"],
  /** Tools, books, meals and rest (R3, R8, R9). */
  logistics: ["head", "logistics", "office"],
  /** Policies, guidance wages, publicity (M7, G4). */
  policy: ["head", "policy", "office"],
  /** Operating cost ledger (G2). */
  office: ["head", "office"],
  /** Accounts and roles. */
  admin: ["admin"],
  /** Reading the audit log (separated from administration). */
  audit: ["auditor"],
  /** Everybody with an account. */
  everyone: ROLE_IDS,
} as const satisfies Record<string, readonly Role[]>;

/** Roles not bound to one market (they act across the province). */
export const CROSS_MARKET_ROLES: readonly Role[] = ["leader", "admin", "auditor"];
