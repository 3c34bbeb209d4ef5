import type { AnyProcedure } from "@trpc/server";
import type { Role } from "./roles.ts";
import { analyticsRouter } from "./routers/analytics.ts";
import { authRouter } from "./routers/auth.ts";
import { staffRouter } from "./routers/staff.ts";
import { complaintsRouter } from "./routers/complaints.ts";
import { costsRouter } from "./routers/costs.ts";
import { followupsRouter } from "./routers/followups.ts";
import { gradesRouter } from "./routers/grades.ts";
import { libraryRouter, servicesRouter } from "./routers/library.ts";
import { boardRouter, publicityRouter } from "./routers/publicity.ts";
import { employerRecordRouter, rewardsRouter, sanctionsRouter } from "./routers/sanctions.ts";
import { rentalsRouter, toolsRouter } from "./routers/tools.ts";
import { trainingRouter } from "./routers/training.ts";
import { townshipsRouter } from "./routers/townships.ts";
import { workersRouter } from "./routers/workers.ts";
import { privacyRouter } from "./routers/privacy.ts";
import { employersRouter } from "./routers/employers.ts";
import { ordersRouter, policiesRouter } from "./routers/orders.ts";
import { dispatchesRouter } from "./routers/dispatches.ts";
import { matchingRouter } from "./routers/matching.ts";
import { marketInfoRouter } from "./routers/market-info.ts";
import { router } from "./trpc.ts";
import type { Meta } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  staff: staffRouter,
  // ---- Domain routers: add ONE line per domain below, keep alphabetical-ish, e.g.
  //   workers: workersRouter,
  analytics: analyticsRouter,
  board: boardRouter,
  complaints: complaintsRouter,
  costs: costsRouter,
  employerRecord: employerRecordRouter,
  followups: followupsRouter,
  grades: gradesRouter,
  library: libraryRouter,
  publicity: publicityRouter,
  rewards: rewardsRouter,
  sanctions: sanctionsRouter,
  services: servicesRouter,
  rentals: rentalsRouter,
  tools: toolsRouter,
  training: trainingRouter,
  townships: townshipsRouter,
  workers: workersRouter,
  privacy: privacyRouter,
  employers: employersRouter,
  orders: ordersRouter,
  policies: policiesRouter,
  dispatches: dispatchesRouter,
  matching: matchingRouter,
  marketInfo: marketInfoRouter,
  // ---- end of domain routers
});

export type AppRouter = typeof appRouter;

/** Every procedure path with its type and meta (deny-by-default tests and navigation use it). */
export function listProcedures(): { path: string; type: string; meta: Meta | undefined }[] {
  const procs = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procs).map(([path, p]) => ({
    path,
    type: p._def.type,
    meta: p._def.meta as Meta | undefined,
  }));
}

/** Procedure paths a role may call (public ones included). */
export function allowedProcedures(role: Role): string[] {
  return listProcedures()
    .filter((p) => p.meta?.public === true || (p.meta?.roles ?? []).includes(role))
    .map((p) => p.path)
    .sort();
}
