CREATE TABLE "guidance_mid" (
	"market_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"trade_code" text NOT NULL,
	"skill_grade" text NOT NULL,
	"version" integer NOT NULL,
	"low_fen" integer NOT NULL,
	"mid_fen" integer NOT NULL,
	"high_fen" integer NOT NULL,
	CONSTRAINT "guidance_mid_pk" PRIMARY KEY("market_id","effective_from","trade_code","skill_grade")
);
--> statement-breakpoint
ALTER TABLE "analytics_month_wages" ADD COLUMN "guided_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_month_wages" ADD COLUMN "wage_over_mid" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_month_wages" ADD COLUMN "guidance_low_sum_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_month_wages" ADD COLUMN "guidance_mid_sum_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_month_wages" ADD COLUMN "guidance_high_sum_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_province_month_wages" ADD COLUMN "guided_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_province_month_wages" ADD COLUMN "wage_over_mid" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_province_month_wages" ADD COLUMN "guidance_low_sum_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_province_month_wages" ADD COLUMN "guidance_mid_sum_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_province_month_wages" ADD COLUMN "guidance_high_sum_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "guidance_mid_lookup" ON "guidance_mid" USING btree ("market_id","trade_code","skill_grade","effective_from");