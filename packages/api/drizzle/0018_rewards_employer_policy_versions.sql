ALTER TABLE "policy_versions" DROP CONSTRAINT "policy_versions_kind_valid";--> statement-breakpoint
ALTER TABLE "employer_actions" ADD COLUMN "policy_version" text;--> statement-breakpoint
ALTER TABLE "employer_actions" ADD COLUMN "policy_version_no" integer;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "policy_version" text;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "policy_version_no" integer;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_kind_valid" CHECK ("policy_versions"."kind" in ('grading', 'sanctions', 'wages', 'matching', 'rewards', 'employer'));