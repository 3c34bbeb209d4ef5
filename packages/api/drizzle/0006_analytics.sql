CREATE TABLE "analytics_month_complaints" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"filed" integer DEFAULT 0 NOT NULL,
	"upheld" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_minutes_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_complaints_pk" PRIMARY KEY("market_id","month","category")
);
--> statement-breakpoint
CREATE TABLE "analytics_month_counters" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_counters_pk" PRIMARY KEY("market_id","month","metric")
);
--> statement-breakpoint
CREATE TABLE "analytics_month_group" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"township_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"registered_delta" integer DEFAULT 0 NOT NULL,
	"seekers_delta" integer DEFAULT 0 NOT NULL,
	"placed_workers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_group_pk" PRIMARY KEY("market_id","month","township_id","stars")
);
--> statement-breakpoint
CREATE TABLE "analytics_month_trade" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"trade_code" text NOT NULL,
	"demand_orders" integer DEFAULT 0 NOT NULL,
	"demand_headcount" integer DEFAULT 0 NOT NULL,
	"placements" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"seekers_delta" integer DEFAULT 0 NOT NULL,
	"placed_workers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_trade_pk" PRIMARY KEY("market_id","month","trade_code")
);
--> statement-breakpoint
CREATE TABLE "analytics_month_wages" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"trade_code" text NOT NULL,
	"wage_unit" text NOT NULL,
	"skill_grade" text NOT NULL,
	"wage_sum_fen" bigint DEFAULT 0 NOT NULL,
	"wage_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_wages_pk" PRIMARY KEY("market_id","month","trade_code","wage_unit","skill_grade")
);
--> statement-breakpoint
CREATE TABLE "analytics_worker_month_trades" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"trade_code" text NOT NULL,
	"worker_id" uuid NOT NULL,
	"dispatches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_worker_month_trades_pk" PRIMARY KEY("market_id","month","trade_code","worker_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_worker_months" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"worker_id" uuid NOT NULL,
	"dispatches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_worker_months_pk" PRIMARY KEY("market_id","month","worker_id")
);
