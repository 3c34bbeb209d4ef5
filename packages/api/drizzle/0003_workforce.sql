CREATE TABLE "conduct_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_events_kind_valid" CHECK ("conduct_events"."kind" in ('no_show', 'late_cancellation', 'upheld_complaint', 'malicious_work'))
);
--> statement-breakpoint
CREATE TABLE "grade_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"from_grade" smallint,
	"to_grade" smallint NOT NULL,
	"kind" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_id" uuid,
	"decided_by" uuid,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_changes_range" CHECK ("grade_changes"."to_grade" between 0 and 5 and ("grade_changes"."from_grade" is null or "grade_changes"."from_grade" between 0 and 5)),
	CONSTRAINT "grade_changes_kind_valid" CHECK ("grade_changes"."kind" in ('initial', 'review', 'sanction', 'reward', 'reversal', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "pre_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_bidx" text NOT NULL,
	"phone_masked" text NOT NULL,
	"trades" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"worker_id" uuid,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pre_registrations_status_valid" CHECK ("pre_registrations"."status" in ('pending', 'completed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "worker_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"changed_by" uuid,
	"reason" text,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_enc" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "worker_documents_kind_valid" CHECK ("worker_documents"."kind" in ('id_front', 'id_back', 'photo')),
	CONSTRAINT "worker_documents_mime_valid" CHECK ("worker_documents"."mime" in ('image/jpeg', 'image/png')),
	CONSTRAINT "worker_documents_size_limit" CHECK ("worker_documents"."size_bytes" > 0 and "worker_documents"."size_bytes" <= 2097152)
);
--> statement-breakpoint
CREATE TABLE "worker_trades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"trade_code" text NOT NULL,
	"skill_grade" text DEFAULT 'none' NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "worker_trades_grade_valid" CHECK ("worker_trades"."skill_grade" in ('none', 'L5', 'L4', 'L3', 'L2', 'L1'))
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"worker_no" text NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"id_number_enc" text,
	"id_number_bidx" text,
	"id_number_masked" text,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_last4" text,
	"phone_masked" text,
	"hukou" text,
	"home_address_enc" text,
	"temp_address" text,
	"township_id" uuid,
	"work_years" smallint DEFAULT 0 NOT NULL,
	"work_history" text,
	"stars" smallint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"source" text DEFAULT 'counter' NOT NULL,
	"consent_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"deregistered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workers_stars_range" CHECK ("workers"."stars" between 0 and 5),
	CONSTRAINT "workers_status_valid" CHECK ("workers"."status" in ('active', 'probation', 'expelled', 'deregistered')),
	CONSTRAINT "workers_work_years_range" CHECK ("workers"."work_years" between 0 and 80),
	CONSTRAINT "workers_name_length" CHECK (char_length("workers"."name") between 1 and 50),
	CONSTRAINT "workers_gender_valid" CHECK ("workers"."gender" is null or "workers"."gender" in ('male', 'female')),
	CONSTRAINT "workers_deregistered_cleared" CHECK ("workers"."status" <> 'deregistered' or ("workers"."id_number_enc" is null and "workers"."home_address_enc" is null))
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"employer_no" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"industry" text DEFAULT 'other' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone_enc" text NOT NULL,
	"contact_phone_bidx" text NOT NULL,
	"contact_phone_masked" text NOT NULL,
	"township_id" uuid,
	"address" text,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_kind_valid" CHECK ("employers"."kind" in ('person', 'company')),
	CONSTRAINT "employers_status_valid" CHECK ("employers"."status" in ('active', 'warned', 'excluded')),
	CONSTRAINT "employers_company_code" CHECK ("employers"."kind" = 'person' or "employers"."credit_code" is not null),
	CONSTRAINT "employers_name_length" CHECK (char_length("employers"."name") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "job_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"trade_code" text NOT NULL,
	"skill_grade" text DEFAULT 'none' NOT NULL,
	"min_stars" smallint DEFAULT 0 NOT NULL,
	"headcount" integer NOT NULL,
	"filled_count" integer DEFAULT 0 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"township_id" uuid,
	"place" text NOT NULL,
	"wage_fen" integer NOT NULL,
	"wage_unit" text NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"override_reason" text,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_orders_status_valid" CHECK ("job_orders"."status" in ('draft', 'published', 'partly_filled', 'filled', 'closed', 'cancelled')),
	CONSTRAINT "job_orders_dates" CHECK ("job_orders"."end_date" >= "job_orders"."start_date"),
	CONSTRAINT "job_orders_headcount" CHECK ("job_orders"."headcount" between 1 and 1000),
	CONSTRAINT "job_orders_filled" CHECK ("job_orders"."filled_count" >= 0 and "job_orders"."filled_count" <= "job_orders"."headcount"),
	CONSTRAINT "job_orders_wage" CHECK ("job_orders"."wage_fen" > 0 and "job_orders"."wage_fen" <= 10000000),
	CONSTRAINT "job_orders_wage_unit" CHECK ("job_orders"."wage_unit" in ('day', 'half_day', 'hour')),
	CONSTRAINT "job_orders_min_stars" CHECK ("job_orders"."min_stars" between 0 and 5),
	CONSTRAINT "job_orders_skill_grade" CHECK ("job_orders"."skill_grade" in ('none', 'L5', 'L4', 'L3', 'L2', 'L1')),
	CONSTRAINT "job_orders_state_consistent" CHECK (("job_orders"."status" = 'draft' and "job_orders"."published_at" is null)
        or ("job_orders"."status" = 'published' and "job_orders"."published_at" is not null and "job_orders"."filled_count" = 0)
        or ("job_orders"."status" = 'partly_filled' and "job_orders"."published_at" is not null and "job_orders"."filled_count" > 0 and "job_orders"."filled_count" < "job_orders"."headcount")
        or ("job_orders"."status" = 'filled' and "job_orders"."published_at" is not null and "job_orders"."filled_count" = "job_orders"."headcount")
        or ("job_orders"."status" = 'closed' and "job_orders"."closed_at" is not null)
        or ("job_orders"."status" = 'cancelled' and "job_orders"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_kind_valid" CHECK ("policy_versions"."kind" in ('grading', 'sanctions', 'wages', 'matching')),
	CONSTRAINT "policy_versions_version_positive" CHECK ("policy_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "lottery_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"count" integer NOT NULL,
	"candidates" jsonb NOT NULL,
	"drawn" jsonb NOT NULL,
	"drawn_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "negotiation_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "negotiation_rooms_capacity" CHECK ("negotiation_rooms"."capacity" between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "room_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"party_size" integer NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_bookings_period" CHECK ("room_bookings"."ends_at" > "room_bookings"."starts_at"),
	CONSTRAINT "room_bookings_party" CHECK ("room_bookings"."party_size" >= 1),
	CONSTRAINT "room_bookings_status_valid" CHECK ("room_bookings"."status" in ('booked', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "shortlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"status" text DEFAULT 'shortlisted' NOT NULL,
	"source" text NOT NULL,
	"lottery_draw_id" uuid,
	"score" real,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shortlists_status_valid" CHECK ("shortlists"."status" in ('shortlisted', 'invited', 'accepted', 'declined', 'dispatched', 'removed')),
	CONSTRAINT "shortlists_source_valid" CHECK ("shortlists"."source" in ('recommend', 'lottery', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"shortlist_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"agreed_wage_fen" integer NOT NULL,
	"wage_unit" text NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"no_show_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"paid_confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_period" CHECK ("dispatches"."ends_at" > "dispatches"."starts_at"),
	CONSTRAINT "dispatches_wage" CHECK ("dispatches"."agreed_wage_fen" > 0 and "dispatches"."agreed_wage_fen" <= 10000000),
	CONSTRAINT "dispatches_status_valid" CHECK ("dispatches"."status" in ('assigned', 'started', 'completed', 'no_show', 'cancelled')),
	CONSTRAINT "dispatches_state_consistent" CHECK (("dispatches"."status" <> 'completed' or "dispatches"."completed_at" is not null)
        and ("dispatches"."status" <> 'no_show' or "dispatches"."no_show_at" is not null)
        and ("dispatches"."status" <> 'cancelled' or "dispatches"."cancelled_at" is not null)
        and ("dispatches"."paid_confirmed_at" is null or "dispatches"."status" in ('started', 'completed')))
);
--> statement-breakpoint
ALTER TABLE "conduct_events" ADD CONSTRAINT "conduct_events_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_events" ADD CONSTRAINT "conduct_events_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_events" ADD CONSTRAINT "conduct_events_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_changes" ADD CONSTRAINT "grade_changes_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_completed_by_staff_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_changes" ADD CONSTRAINT "worker_changes_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_changes" ADD CONSTRAINT "worker_changes_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_changes" ADD CONSTRAINT "worker_changes_changed_by_staff_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_documents" ADD CONSTRAINT "worker_documents_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_documents" ADD CONSTRAINT "worker_documents_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_documents" ADD CONSTRAINT "worker_documents_uploaded_by_staff_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_trades" ADD CONSTRAINT "worker_trades_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_trades" ADD CONSTRAINT "worker_trades_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_verified_by_staff_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lottery_draws" ADD CONSTRAINT "lottery_draws_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lottery_draws" ADD CONSTRAINT "lottery_draws_order_id_job_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."job_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lottery_draws" ADD CONSTRAINT "lottery_draws_drawn_by_staff_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_rooms" ADD CONSTRAINT "negotiation_rooms_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_room_id_negotiation_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."negotiation_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_order_id_job_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."job_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_bookings" ADD CONSTRAINT "room_bookings_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_order_id_job_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."job_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_lottery_draw_id_lottery_draws_id_fk" FOREIGN KEY ("lottery_draw_id") REFERENCES "public"."lottery_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_order_id_job_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."job_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_shortlist_id_shortlists_id_fk" FOREIGN KEY ("shortlist_id") REFERENCES "public"."shortlists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_events_market_worker" ON "conduct_events" USING btree ("market_id","worker_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "conduct_events_source_once" ON "conduct_events" USING btree ("market_id","source","source_id","kind") WHERE "conduct_events"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "grade_changes_market_worker" ON "grade_changes" USING btree ("market_id","worker_id","created_at");--> statement-breakpoint
CREATE INDEX "pre_registrations_market_status" ON "pre_registrations" USING btree ("market_id","status","created_at");--> statement-breakpoint
CREATE INDEX "pre_registrations_market_phone" ON "pre_registrations" USING btree ("market_id","phone_bidx");--> statement-breakpoint
CREATE INDEX "worker_changes_market_worker" ON "worker_changes" USING btree ("market_id","worker_id","created_at");--> statement-breakpoint
CREATE INDEX "worker_documents_market_worker" ON "worker_documents" USING btree ("market_id","worker_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_trades_worker_trade" ON "worker_trades" USING btree ("market_id","worker_id","trade_code");--> statement-breakpoint
CREATE INDEX "worker_trades_market_trade" ON "worker_trades" USING btree ("market_id","trade_code","skill_grade");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_market_no" ON "workers" USING btree ("market_id","worker_no");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_market_id_bidx" ON "workers" USING btree ("market_id","id_number_bidx") WHERE "workers"."id_number_bidx" is not null;--> statement-breakpoint
CREATE INDEX "workers_market_phone_bidx" ON "workers" USING btree ("market_id","phone_bidx");--> statement-breakpoint
CREATE INDEX "workers_market_name" ON "workers" USING btree ("market_id","name");--> statement-breakpoint
CREATE INDEX "workers_market_status" ON "workers" USING btree ("market_id","status","stars");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_market_no" ON "employers" USING btree ("market_id","employer_no");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_market_credit_code" ON "employers" USING btree ("market_id","credit_code") WHERE "employers"."credit_code" is not null;--> statement-breakpoint
CREATE INDEX "employers_market_name" ON "employers" USING btree ("market_id","name");--> statement-breakpoint
CREATE INDEX "employers_market_phone" ON "employers" USING btree ("market_id","contact_phone_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "job_orders_market_no" ON "job_orders" USING btree ("market_id","order_no");--> statement-breakpoint
CREATE INDEX "job_orders_market_status" ON "job_orders" USING btree ("market_id","status","start_date");--> statement-breakpoint
CREATE INDEX "job_orders_market_employer" ON "job_orders" USING btree ("market_id","employer_id");--> statement-breakpoint
CREATE INDEX "job_orders_market_trade" ON "job_orders" USING btree ("market_id","trade_code","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_market_kind_version" ON "policy_versions" USING btree ("market_id","kind","version");--> statement-breakpoint
CREATE INDEX "lottery_draws_market_order" ON "lottery_draws" USING btree ("market_id","order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "negotiation_rooms_market_name" ON "negotiation_rooms" USING btree ("market_id","name");--> statement-breakpoint
CREATE INDEX "room_bookings_market_room" ON "room_bookings" USING btree ("market_id","room_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shortlists_order_worker" ON "shortlists" USING btree ("market_id","order_id","worker_id");--> statement-breakpoint
CREATE INDEX "shortlists_market_worker" ON "shortlists" USING btree ("market_id","worker_id");--> statement-breakpoint
CREATE INDEX "dispatches_market_worker" ON "dispatches" USING btree ("market_id","worker_id","starts_at");--> statement-breakpoint
CREATE INDEX "dispatches_market_order" ON "dispatches" USING btree ("market_id","order_id");--> statement-breakpoint
CREATE INDEX "dispatches_market_starts" ON "dispatches" USING btree ("market_id","starts_at");--> statement-breakpoint
CREATE INDEX "dispatches_market_status" ON "dispatches" USING btree ("market_id","status","completed_at");