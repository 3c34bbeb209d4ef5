CREATE TABLE "analytics_month_totals" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"demand_orders" integer DEFAULT 0 NOT NULL,
	"demand_headcount" integer DEFAULT 0 NOT NULL,
	"placements" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_totals_pk" PRIMARY KEY("market_id","month")
);
--> statement-breakpoint
CREATE TABLE "analytics_province_month_trade" (
	"month" date NOT NULL,
	"trade_code" text NOT NULL,
	"demand_orders" integer DEFAULT 0 NOT NULL,
	"demand_headcount" integer DEFAULT 0 NOT NULL,
	"placements" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"seekers_delta" integer DEFAULT 0 NOT NULL,
	"placed_workers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_province_month_trade_pk" PRIMARY KEY("month","trade_code")
);
--> statement-breakpoint
CREATE TABLE "analytics_province_month_wages" (
	"month" date NOT NULL,
	"trade_code" text NOT NULL,
	"wage_unit" text NOT NULL,
	"skill_grade" text NOT NULL,
	"wage_sum_fen" bigint DEFAULT 0 NOT NULL,
	"wage_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_province_month_wages_pk" PRIMARY KEY("month","trade_code","wage_unit","skill_grade")
);
