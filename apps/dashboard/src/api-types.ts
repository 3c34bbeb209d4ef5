import type { AppRouter } from "@lingong/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["analytics"];
type Inputs = inferRouterInputs<AppRouter>["analytics"];

export type AnalyticsFilterInput = Inputs["overview"];
export type OverviewData = Outputs["overview"];
export type SupplyDemandData = Outputs["supplyDemand"];
export type PlacementData = Outputs["placement"];
export type RateRow = PlacementData["byTownship"][number];
export type ComplaintsData = Outputs["complaints"];
export type StarsData = Outputs["stars"];
export type WagesData = Outputs["wages"];
export type TrainingData = Outputs["training"];
export type ServicesData = Outputs["services"];
export type CostData = Outputs["costPerPlacement"];
export type DrilldownInput = Inputs["drilldown"];
export type DrilldownData = Outputs["drilldown"];
export type MarketsData = Outputs["markets"];
