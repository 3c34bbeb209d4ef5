import type { AppRouter } from "@lingong/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

// Procedures land in @lingong/api over time: a path that is not (yet) in the router types as
// `unknown`, so a screen can be written against the documented name and typed once it lands.

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** Walks a dotted procedure path (`workers.search`) through a nested record. */
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : unknown
  : P extends keyof T
    ? T[P]
    : unknown;

/** Input of the procedure at `P` (unknown while the procedure has not landed). */
export type In<P extends string> = At<Inputs, P>;
/** Output of the procedure at `P` (unknown while the procedure has not landed). */
export type Out<P extends string> = At<Outputs, P>;
