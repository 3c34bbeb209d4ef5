CREATE TABLE "analytics_month_stars" (
	"market_id" uuid NOT NULL,
	"month" date NOT NULL,
	"stars" smallint NOT NULL,
	"registered_delta" integer DEFAULT 0 NOT NULL,
	"seekers_delta" integer DEFAULT 0 NOT NULL,
	"placed_workers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_month_stars_pk" PRIMARY KEY("market_id","month","stars")
);
