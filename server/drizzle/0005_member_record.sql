CREATE TABLE "appraisals" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"branch_id" integer,
	"year" integer NOT NULL,
	"tier" text NOT NULL,
	"meeting_on" date NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "appraisals_member_year_unique" UNIQUE("member_id","year"),
	CONSTRAINT "appraisals_tier_check" CHECK ("appraisals"."tier" in ('excellent', 'qualified', 'basic', 'unqualified'))
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"measure" text NOT NULL,
	"threshold" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "benefits_measure_check" CHECK ("benefits"."measure" in ('activity', 'study', 'public_service', 'integrity', 'index')),
	CONSTRAINT "benefits_threshold_check" CHECK ("benefits"."threshold" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "bonus_claim_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer,
	"height" integer,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bonus_claim_photos_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "bonus_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind_key" text NOT NULL,
	"kind_name" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"points" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bonus_claims_status_check" CHECK ("bonus_claims"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "bonus_claims_points_check" CHECK (("bonus_claims"."status" = 'approved') = ("bonus_claims"."points" is not null) and coalesce("bonus_claims"."points", 1) > 0)
);
--> statement-breakpoint
CREATE TABLE "deductions" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind_key" text NOT NULL,
	"kind_name" text NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"occurred_on" date NOT NULL,
	"status" text DEFAULT 'recorded' NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"appeal_deadline" timestamp with time zone NOT NULL,
	"appeal_text" text,
	"appealed_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "deductions_points_check" CHECK ("deductions"."points" between 1 and 5),
	CONSTRAINT "deductions_status_check" CHECK ("deductions"."status" in ('recorded', 'appealed', 'upheld', 'withdrawn')),
	CONSTRAINT "deductions_appeal_check" CHECK (("deductions"."appealed_at" is null) = ("deductions"."appeal_text" is null))
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"paid_on" date NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dues_payments_member_month_unique" UNIQUE("member_id","month"),
	CONSTRAINT "dues_payments_month_check" CHECK ("dues_payments"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_payments_amount_check" CHECK ("dues_payments"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "index_snapshots" (
	"year" integer NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer,
	"value" numeric(4, 1) NOT NULL,
	"breakdown" jsonb NOT NULL,
	CONSTRAINT "index_snapshots_year_member_id_pk" PRIMARY KEY("year","member_id")
);
--> statement-breakpoint
CREATE TABLE "index_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" integer
);
--> statement-breakpoint
CREATE TABLE "record_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"subject_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" integer,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_events_subject_check" CHECK ("record_events"."subject" in ('bonus', 'deduction', 'sanction'))
);
--> statement-breakpoint
CREATE TABLE "record_settings" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"settings" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_settings_effective_unique" UNIQUE("effective_from")
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"description" text NOT NULL,
	"decided_on" date NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "points_ledger" DROP CONSTRAINT "points_ledger_category_check";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "joined_party_on" date;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_recorded_by_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits" ADD CONSTRAINT "benefits_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_claim_photos" ADD CONSTRAINT "bonus_claim_photos_claim_id_bonus_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."bonus_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_claims" ADD CONSTRAINT "bonus_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_claims" ADD CONSTRAINT "bonus_claims_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_claims" ADD CONSTRAINT "bonus_claims_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_recorded_by_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deductions" ADD CONSTRAINT "deductions_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_recorded_by_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_snapshots" ADD CONSTRAINT "index_snapshots_year_index_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."index_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_snapshots" ADD CONSTRAINT "index_snapshots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_snapshots" ADD CONSTRAINT "index_snapshots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_years" ADD CONSTRAINT "index_years_closed_by_members_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_events" ADD CONSTRAINT "record_events_actor_id_members_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_settings" ADD CONSTRAINT "record_settings_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_recorded_by_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisals_unit_year_idx" ON "appraisals" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "benefits_unit_idx" ON "benefits" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "bonus_claim_photos_claim_idx" ON "bonus_claim_photos" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "bonus_claims_member_idx" ON "bonus_claims" USING btree ("member_id","occurred_on");--> statement-breakpoint
CREATE INDEX "bonus_claims_unit_status_idx" ON "bonus_claims" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "deductions_member_idx" ON "deductions" USING btree ("member_id","occurred_on");--> statement-breakpoint
CREATE INDEX "deductions_unit_status_idx" ON "deductions" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "dues_payments_unit_month_idx" ON "dues_payments" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "index_snapshots_unit_idx" ON "index_snapshots" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "record_events_subject_idx" ON "record_events" USING btree ("subject","subject_id","at");--> statement-breakpoint
CREATE INDEX "sanctions_member_year_idx" ON "sanctions" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "sanctions_unit_idx" ON "sanctions" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "points_ledger_member_category_idx" ON "points_ledger" USING btree ("member_id","category","created_at");--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_category_check" CHECK ("points_ledger"."category" in ('activity', 'study', 'public_service', 'integrity'));