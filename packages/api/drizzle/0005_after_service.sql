CREATE TABLE "followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"visited_by" uuid NOT NULL,
	"channel" text NOT NULL,
	"attitude" smallint NOT NULL,
	"quality" smallint NOT NULL,
	"satisfied" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followups_attitude_range" CHECK ("followups"."attitude" between 1 and 5),
	CONSTRAINT "followups_quality_range" CHECK ("followups"."quality" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "grade_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"from_grade" smallint NOT NULL,
	"to_grade" smallint NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"policy_version" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"grade_change_id" uuid,
	CONSTRAINT "grade_reviews_range" CHECK ("grade_reviews"."from_grade" between 0 and 5 and "grade_reviews"."to_grade" between 0 and 5),
	CONSTRAINT "grade_reviews_one_step" CHECK (abs("grade_reviews"."to_grade" - "grade_reviews"."from_grade") <= 1),
	CONSTRAINT "grade_reviews_window" CHECK ("grade_reviews"."window_end" >= "grade_reviews"."window_start")
);
--> statement-breakpoint
CREATE TABLE "employer_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"status_before" text NOT NULL,
	"status_after" text NOT NULL,
	"until" date,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_actions_kind_valid" CHECK ("employer_actions"."kind" in ('warning', 'exclusion', 'lifted'))
);
--> statement-breakpoint
CREATE TABLE "rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_on" date NOT NULL,
	"grade_change_id" uuid
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"conduct_event_id" uuid,
	"step" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"effective_on" date,
	"probation_until" date,
	"status_before" text,
	"grade_change_id" uuid,
	"appeal_status" text,
	"appeal_grounds" text,
	"appealed_at" timestamp with time zone,
	"appeal_recorded_by" uuid,
	"appeal_decided_by" uuid,
	"appeal_decided_at" timestamp with time zone,
	"appeal_decision_note" text,
	"reversal_grade_change_id" uuid,
	CONSTRAINT "sanctions_status_valid" CHECK ("sanctions"."status" in ('proposed', 'approved', 'rejected', 'reversed')),
	CONSTRAINT "sanctions_appeal_grounds" CHECK ("sanctions"."appeal_status" is null or "sanctions"."appeal_grounds" is not null)
);
--> statement-breakpoint
CREATE TABLE "complaint_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"body" text NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"complainant" text NOT NULL,
	"respondent" text NOT NULL,
	"worker_id" uuid,
	"employer_id" uuid,
	"dispatch_id" uuid,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"source" text DEFAULT 'counter' NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"assigned_to" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_by" uuid NOT NULL,
	"accept_deadline" date NOT NULL,
	"resolve_deadline" date NOT NULL,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome" text,
	"upheld" boolean,
	"conduct_event_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_party_present" CHECK ("complaints"."worker_id" is not null or "complaints"."employer_id" is not null),
	CONSTRAINT "complaints_respondent_known" CHECK (("complaints"."respondent" = 'worker' and "complaints"."worker_id" is not null) or ("complaints"."respondent" = 'employer' and "complaints"."employer_id" is not null)),
	CONSTRAINT "complaints_deadlines_order" CHECK ("complaints"."resolve_deadline" >= "complaints"."accept_deadline")
);
--> statement-breakpoint
CREATE TABLE "tool_rentals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"lent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lent_by" uuid NOT NULL,
	"due_date" date NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_to" uuid,
	"return_condition" text,
	"fee_fen" integer DEFAULT 0 NOT NULL,
	"deposit_fen" integer DEFAULT 0 NOT NULL,
	"deposit_refunded_fen" integer,
	"note" text,
	CONSTRAINT "tool_rentals_money_nonneg" CHECK ("tool_rentals"."fee_fen" >= 0 and "tool_rentals"."deposit_fen" >= 0 and coalesce("tool_rentals"."deposit_refunded_fen", 0) >= 0),
	CONSTRAINT "tool_rentals_return_complete" CHECK (("tool_rentals"."returned_at" is null) = ("tool_rentals"."return_condition" is null))
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"free" boolean NOT NULL,
	"daily_fee_fen" integer DEFAULT 0 NOT NULL,
	"deposit_fen" integer DEFAULT 0 NOT NULL,
	"condition" text DEFAULT 'good' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tools_fee_nonneg" CHECK ("tools"."daily_fee_fen" >= 0 and "tools"."deposit_fen" >= 0),
	CONSTRAINT "tools_free_no_fee" CHECK (not "tools"."free" or "tools"."daily_fee_fen" = 0)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"day" date NOT NULL,
	"present" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"trade" text NOT NULL,
	"title" text NOT NULL,
	"hours" integer,
	"free" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_on" date,
	"certificate_no" text,
	CONSTRAINT "enrolments_completion" CHECK (("enrolments"."status" = 'completed') = ("enrolments"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "training_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"place" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_batches_dates" CHECK ("training_batches"."ends_on" >= "training_batches"."starts_on"),
	CONSTRAINT "training_batches_capacity" CHECK ("training_batches"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "book_loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"book_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"lent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lent_by" uuid NOT NULL,
	"due_date" date NOT NULL,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "books" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"isbn" text,
	"category" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"worker_id" uuid,
	"served_on" date NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"fee_fen" integer DEFAULT 0 NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_log_count" CHECK ("services_log"."count" > 0),
	CONSTRAINT "services_log_fee" CHECK ("services_log"."fee_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"published_on" date NOT NULL,
	"expires_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcements_expiry" CHECK ("announcements"."expires_on" is null or "announcements"."expires_on" >= "announcements"."published_on")
);
--> statement-breakpoint
CREATE TABLE "exposure_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"worker_id" uuid,
	"employer_id" uuid,
	"facts" text NOT NULL,
	"legal_basis" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"appeal_info" text NOT NULL,
	"sanction_id" uuid,
	"complaint_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	CONSTRAINT "exposure_entries_period" CHECK ("exposure_entries"."period_end" >= "exposure_entries"."period_start"),
	CONSTRAINT "exposure_entries_basis" CHECK (char_length(btrim("exposure_entries"."legal_basis")) > 0),
	CONSTRAINT "exposure_entries_subject" CHECK (("exposure_entries"."subject" = 'worker' and "exposure_entries"."worker_id" is not null) or ("exposure_entries"."subject" = 'employer' and "exposure_entries"."employer_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "honour_roll" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"title" text NOT NULL,
	"citation" text,
	"trade" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honour_roll_period" CHECK ("honour_roll"."period_end" >= "honour_roll"."period_start")
);
--> statement-breakpoint
CREATE TABLE "cost_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"category" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"voucher_no" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_entries_amount_positive" CHECK ("cost_entries"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_visited_by_staff_users_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_reviews" ADD CONSTRAINT "grade_reviews_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_reviews" ADD CONSTRAINT "grade_reviews_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_reviews" ADD CONSTRAINT "grade_reviews_proposed_by_staff_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_reviews" ADD CONSTRAINT "grade_reviews_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_reviews" ADD CONSTRAINT "grade_reviews_grade_change_id_grade_changes_id_fk" FOREIGN KEY ("grade_change_id") REFERENCES "public"."grade_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_actions" ADD CONSTRAINT "employer_actions_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_actions" ADD CONSTRAINT "employer_actions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_actions" ADD CONSTRAINT "employer_actions_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_granted_by_staff_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_grade_change_id_grade_changes_id_fk" FOREIGN KEY ("grade_change_id") REFERENCES "public"."grade_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_conduct_event_id_conduct_events_id_fk" FOREIGN KEY ("conduct_event_id") REFERENCES "public"."conduct_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_proposed_by_staff_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_grade_change_id_grade_changes_id_fk" FOREIGN KEY ("grade_change_id") REFERENCES "public"."grade_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_appeal_recorded_by_staff_users_id_fk" FOREIGN KEY ("appeal_recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_appeal_decided_by_staff_users_id_fk" FOREIGN KEY ("appeal_decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_reversal_grade_change_id_grade_changes_id_fk" FOREIGN KEY ("reversal_grade_change_id") REFERENCES "public"."grade_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_written_by_staff_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigned_to_staff_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_filed_by_staff_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_closed_by_staff_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_conduct_event_id_conduct_events_id_fk" FOREIGN KEY ("conduct_event_id") REFERENCES "public"."conduct_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_rentals" ADD CONSTRAINT "tool_rentals_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_rentals" ADD CONSTRAINT "tool_rentals_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_rentals" ADD CONSTRAINT "tool_rentals_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_rentals" ADD CONSTRAINT "tool_rentals_lent_by_staff_users_id_fk" FOREIGN KEY ("lent_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_rentals" ADD CONSTRAINT "tool_rentals_returned_to_staff_users_id_fk" FOREIGN KEY ("returned_to") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_batch_id_training_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."training_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_batches" ADD CONSTRAINT "training_batches_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_batches" ADD CONSTRAINT "training_batches_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_book_id_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_lent_by_staff_users_id_fk" FOREIGN KEY ("lent_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "books" ADD CONSTRAINT "books_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_log" ADD CONSTRAINT "services_log_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_log" ADD CONSTRAINT "services_log_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_log" ADD CONSTRAINT "services_log_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_entries" ADD CONSTRAINT "exposure_entries_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_entries" ADD CONSTRAINT "exposure_entries_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_entries" ADD CONSTRAINT "exposure_entries_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_entries" ADD CONSTRAINT "exposure_entries_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_entries" ADD CONSTRAINT "exposure_entries_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_roll" ADD CONSTRAINT "honour_roll_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_roll" ADD CONSTRAINT "honour_roll_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_roll" ADD CONSTRAINT "honour_roll_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_entries" ADD CONSTRAINT "cost_entries_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "followups_market_dispatch_idx" ON "followups" USING btree ("market_id","dispatch_id");--> statement-breakpoint
CREATE INDEX "followups_market_worker_idx" ON "followups" USING btree ("market_id","worker_id","visited_at");--> statement-breakpoint
CREATE INDEX "grade_reviews_market_status_idx" ON "grade_reviews" USING btree ("market_id","status","proposed_at");--> statement-breakpoint
CREATE INDEX "grade_reviews_market_worker_idx" ON "grade_reviews" USING btree ("market_id","worker_id","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "grade_reviews_one_open_idx" ON "grade_reviews" USING btree ("market_id","worker_id") WHERE "grade_reviews"."status" = 'proposed';--> statement-breakpoint
CREATE INDEX "employer_actions_market_employer_idx" ON "employer_actions" USING btree ("market_id","employer_id","decided_at");--> statement-breakpoint
CREATE INDEX "rewards_market_worker_idx" ON "rewards" USING btree ("market_id","worker_id","granted_on");--> statement-breakpoint
CREATE INDEX "rewards_market_day_idx" ON "rewards" USING btree ("market_id","granted_on");--> statement-breakpoint
CREATE INDEX "sanctions_market_worker_idx" ON "sanctions" USING btree ("market_id","worker_id","proposed_at");--> statement-breakpoint
CREATE INDEX "sanctions_market_status_idx" ON "sanctions" USING btree ("market_id","status","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sanctions_market_event_idx" ON "sanctions" USING btree ("market_id","conduct_event_id") WHERE "sanctions"."conduct_event_id" is not null and "sanctions"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "complaint_notes_market_complaint_idx" ON "complaint_notes" USING btree ("market_id","complaint_id","written_at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_market_case_no_idx" ON "complaints" USING btree ("market_id","case_no");--> statement-breakpoint
CREATE INDEX "complaints_market_status_idx" ON "complaints" USING btree ("market_id","status","filed_at");--> statement-breakpoint
CREATE INDEX "complaints_market_worker_idx" ON "complaints" USING btree ("market_id","worker_id");--> statement-breakpoint
CREATE INDEX "complaints_market_employer_idx" ON "complaints" USING btree ("market_id","employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_market_auto_arrears_idx" ON "complaints" USING btree ("market_id","dispatch_id") WHERE "complaints"."source" = 'auto_arrears';--> statement-breakpoint
CREATE UNIQUE INDEX "tool_rentals_one_open_idx" ON "tool_rentals" USING btree ("market_id","tool_id") WHERE "tool_rentals"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "tool_rentals_market_worker_idx" ON "tool_rentals" USING btree ("market_id","worker_id");--> statement-breakpoint
CREATE INDEX "tool_rentals_market_due_idx" ON "tool_rentals" USING btree ("market_id","due_date");--> statement-breakpoint
CREATE INDEX "tools_market_name_idx" ON "tools" USING btree ("market_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_market_enrolment_day_idx" ON "attendance" USING btree ("market_id","enrolment_id","day");--> statement-breakpoint
CREATE INDEX "courses_market_trade_idx" ON "courses" USING btree ("market_id","trade");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_market_batch_worker_idx" ON "enrolments" USING btree ("market_id","batch_id","worker_id");--> statement-breakpoint
CREATE INDEX "enrolments_market_worker_idx" ON "enrolments" USING btree ("market_id","worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_market_certificate_idx" ON "enrolments" USING btree ("market_id","certificate_no") WHERE "enrolments"."certificate_no" is not null;--> statement-breakpoint
CREATE INDEX "training_batches_market_start_idx" ON "training_batches" USING btree ("market_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "book_loans_one_open_idx" ON "book_loans" USING btree ("market_id","book_id") WHERE "book_loans"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "book_loans_market_worker_idx" ON "book_loans" USING btree ("market_id","worker_id");--> statement-breakpoint
CREATE INDEX "books_market_title_idx" ON "books" USING btree ("market_id","title");--> statement-breakpoint
CREATE INDEX "services_log_market_day_idx" ON "services_log" USING btree ("market_id","served_on");--> statement-breakpoint
CREATE INDEX "announcements_market_published_idx" ON "announcements" USING btree ("market_id","published_on");--> statement-breakpoint
CREATE INDEX "exposure_entries_market_period_idx" ON "exposure_entries" USING btree ("market_id","status","period_end");--> statement-breakpoint
CREATE INDEX "honour_roll_market_period_idx" ON "honour_roll" USING btree ("market_id","period_end");--> statement-breakpoint
CREATE INDEX "cost_entries_market_date_idx" ON "cost_entries" USING btree ("market_id","spent_on");