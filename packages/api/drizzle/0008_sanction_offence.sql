ALTER TABLE "sanctions" ADD COLUMN "offence" text NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctions" ADD COLUMN "occurred_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctions" ADD COLUMN "rule" text NOT NULL;