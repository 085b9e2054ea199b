CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"branch_id" integer,
	"host_site_id" integer,
	"rule_id" integer,
	"origin" text NOT NULL,
	"occurrence_date" date,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_name" text NOT NULL,
	"place_address" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"radius_meters" integer,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"moved_from" timestamp with time zone,
	"move_reason" text,
	"checkin_opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_rule_occurrence_unique" UNIQUE("rule_id","occurrence_date"),
	CONSTRAINT "activities_origin_check" CHECK ("activities"."origin" in ('generated', 'extra')),
	CONSTRAINT "activities_occurrence_check" CHECK ("activities"."origin" = 'extra' or "activities"."occurrence_date" is not null),
	CONSTRAINT "activities_time_check" CHECK ("activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_move_check" CHECK (("activities"."moved_from" is null) = ("activities"."move_reason" is null)),
	CONSTRAINT "activities_scope_check" CHECK ("activities"."branch_id" is null or "activities"."host_site_id" is null)
);
--> statement-breakpoint
CREATE TABLE "activity_guests" (
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"invited_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_guests_activity_id_member_id_pk" PRIMARY KEY("activity_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "activity_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"mime" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"branch_id" integer,
	"host_site_id" integer,
	"cadence" text NOT NULL,
	"day_of_month" integer,
	"weekday" integer,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"title" text NOT NULL,
	"place_name" text NOT NULL,
	"place_address" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"radius_meters" integer,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_rules_scope_unique" UNIQUE NULLS NOT DISTINCT("unit_id","branch_id","host_site_id"),
	CONSTRAINT "activity_rules_day_check" CHECK ("activity_rules"."day_of_month" is null or "activity_rules"."day_of_month" in (5, 15, 25)),
	CONSTRAINT "activity_rules_cadence_check" CHECK (("activity_rules"."cadence" = 'monthly' and "activity_rules"."day_of_month" is not null and "activity_rules"."weekday" is null and "activity_rules"."host_site_id" is null)
        or ("activity_rules"."cadence" = 'weekly' and "activity_rules"."weekday" between 1 and 7 and "activity_rules"."day_of_month" is null and "activity_rules"."host_site_id" is not null)),
	CONSTRAINT "activity_rules_scope_check" CHECK ("activity_rules"."branch_id" is null or "activity_rules"."host_site_id" is null),
	CONSTRAINT "activity_rules_time_check" CHECK ("activity_rules"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "activity_rules_duration_check" CHECK ("activity_rules"."duration_minutes" between 15 and 720),
	CONSTRAINT "activity_rules_place_check" CHECK (("activity_rules"."latitude" is null) = ("activity_rules"."longitude" is null) and ("activity_rules"."radius_meters" is null or "activity_rules"."radius_meters" between 10 and 5000))
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"recorded_by" integer,
	"note" text,
	CONSTRAINT "attendance_activity_member_unique" UNIQUE("activity_id","member_id"),
	CONSTRAINT "attendance_status_check" CHECK ("attendance"."status" in ('present', 'late')),
	CONSTRAINT "attendance_method_check" CHECK ("attendance"."method" in ('scan', 'manual', 'makeup'))
);
--> statement-breakpoint
CREATE TABLE "attendance_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_requests_once_unique" UNIQUE("activity_id","member_id","kind"),
	CONSTRAINT "attendance_requests_kind_check" CHECK ("attendance_requests"."kind" in ('leave', 'makeup')),
	CONSTRAINT "attendance_requests_status_check" CHECK ("attendance_requests"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "attendance_requests_decided_check" CHECK (("attendance_requests"."status" = 'pending') = ("attendance_requests"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "checkin_settings" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"window_before_minutes" integer DEFAULT 30 NOT NULL,
	"window_after_minutes" integer DEFAULT 30 NOT NULL,
	"late_after_minutes" integer DEFAULT 10 NOT NULL,
	"geofence" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkin_settings_range_check" CHECK ("checkin_settings"."window_before_minutes" between 0 and 240 and "checkin_settings"."window_after_minutes" between 5 and 240 and "checkin_settings"."late_after_minutes" between 0 and "checkin_settings"."window_after_minutes")
);
--> statement-breakpoint
CREATE TABLE "host_site_members" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"host_site_id" integer NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "host_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "host_sites_unit_name_unique" UNIQUE("unit_id","name")
);
--> statement-breakpoint
CREATE TABLE "points_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"category" text DEFAULT 'activity' NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" integer NOT NULL,
	"reverses_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_ledger_points_check" CHECK ("points_ledger"."points" <> 0),
	CONSTRAINT "points_ledger_category_check" CHECK ("points_ledger"."category" in ('activity')),
	CONSTRAINT "points_ledger_reversal_check" CHECK ("points_ledger"."reverses_id" is null or "points_ledger"."points" < 0)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_host_site_id_host_sites_id_fk" FOREIGN KEY ("host_site_id") REFERENCES "public"."host_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_rule_id_activity_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."activity_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_guests" ADD CONSTRAINT "activity_guests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_guests" ADD CONSTRAINT "activity_guests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_guests" ADD CONSTRAINT "activity_guests_invited_by_members_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_photos" ADD CONSTRAINT "activity_photos_uploaded_by_members_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rules" ADD CONSTRAINT "activity_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rules" ADD CONSTRAINT "activity_rules_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rules" ADD CONSTRAINT "activity_rules_host_site_id_host_sites_id_fk" FOREIGN KEY ("host_site_id") REFERENCES "public"."host_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_members_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_settings" ADD CONSTRAINT "checkin_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_site_members" ADD CONSTRAINT "host_site_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_site_members" ADD CONSTRAINT "host_site_members_host_site_id_host_sites_id_fk" FOREIGN KEY ("host_site_id") REFERENCES "public"."host_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_sites" ADD CONSTRAINT "host_sites_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_reverses_id_points_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."points_ledger"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_start_idx" ON "activities" USING btree ("unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_start_idx" ON "activities" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "activities_host_site_idx" ON "activities" USING btree ("host_site_id");--> statement-breakpoint
CREATE INDEX "activity_photos_activity_idx" ON "activity_photos" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "attendance_member_idx" ON "attendance" USING btree ("member_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "attendance_requests_status_idx" ON "attendance_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "host_site_members_site_idx" ON "host_site_members" USING btree ("host_site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_source_unique" ON "points_ledger" USING btree ("source_type","source_id") WHERE "points_ledger"."reverses_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_reverses_unique" ON "points_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "points_ledger_member_idx" ON "points_ledger" USING btree ("member_id","created_at");