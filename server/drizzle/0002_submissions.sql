CREATE TABLE "calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"categories" jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"tiers" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"entry_limit" integer NOT NULL,
	"reviewers_per_entry" integer NOT NULL,
	"next_sequence" integer DEFAULT 1 NOT NULL,
	"review_round_closed_at" timestamp with time zone,
	"review_round_closed_reason" text,
	"results_published_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_year_code_unique" UNIQUE("year","code"),
	CONSTRAINT "calls_kind_check" CHECK ("calls"."kind" in ('case', 'research', 'news')),
	CONSTRAINT "calls_window_check" CHECK ("calls"."closes_at" > "calls"."opens_at"),
	CONSTRAINT "calls_entry_limit_check" CHECK ("calls"."entry_limit" between 1 and 100),
	CONSTRAINT "calls_reviewers_check" CHECK ("calls"."reviewers_per_entry" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"author_id" integer,
	"topic_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"category" text,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"registration_number" text,
	"registration_sequence" integer,
	"tier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_call_sequence_unique" UNIQUE("call_id","registration_sequence"),
	CONSTRAINT "entries_status_check" CHECK ("entries"."status" in ('draft', 'submitted', 'registered', 'passed', 'returned', 'rejected', 'in_review', 'rated', 'withdrawn', 'adopted')),
	CONSTRAINT "entries_registered_check" CHECK (("entries"."registration_number" is null) = ("entries"."registration_sequence" is null))
);
--> statement-breakpoint
CREATE TABLE "entry_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_id" integer,
	"by_secretariat" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entry_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entry_files_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "entry_files_kind_check" CHECK ("entry_files"."kind" in ('image', 'attachment'))
);
--> statement-breakpoint
CREATE TABLE "research_topics" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_topics_call_title_unique" UNIQUE("call_id","title")
);
--> statement-breakpoint
CREATE TABLE "topic_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"topic_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"group_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"claimed_by" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_claims_topic_unit_unique" UNIQUE("topic_id","unit_id"),
	CONSTRAINT "topic_claims_status_check" CHECK ("topic_claims"."status" in ('pending', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "bulletin_placements" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"issue_id" integer NOT NULL,
	"article_id" integer,
	"kind" text NOT NULL,
	"placed_by" integer,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bulletin_placements_entry_issue_unique" UNIQUE("entry_id","issue_id"),
	CONSTRAINT "bulletin_placements_kind_check" CHECK ("bulletin_placements"."kind" in ('adopted', 'case'))
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"decline_reason" text,
	"declined_at" timestamp with time zone,
	"conflict_override_reason" text,
	"assigned_by" integer,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_assignments_entry_reviewer_unique" UNIQUE("entry_id","reviewer_id"),
	CONSTRAINT "review_assignments_status_check" CHECK ("review_assignments"."status" in ('active', 'declined')),
	CONSTRAINT "review_assignments_declined_check" CHECK ("review_assignments"."status" = 'active' or "review_assignments"."decline_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"opinion" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reviews_assignment_id_unique" UNIQUE("assignment_id"),
	CONSTRAINT "reviews_status_check" CHECK ("reviews"."status" in ('draft', 'submitted')),
	CONSTRAINT "reviews_submitted_check" CHECK ("reviews"."status" = 'draft' or "reviews"."submitted_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_topic_id_research_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."research_topics"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_events" ADD CONSTRAINT "entry_events_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_events" ADD CONSTRAINT "entry_events_actor_id_members_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_files" ADD CONSTRAINT "entry_files_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_files" ADD CONSTRAINT "entry_files_uploaded_by_members_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_topics" ADD CONSTRAINT "research_topics_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_claims" ADD CONSTRAINT "topic_claims_topic_id_research_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."research_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_claims" ADD CONSTRAINT "topic_claims_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_claims" ADD CONSTRAINT "topic_claims_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_claims" ADD CONSTRAINT "topic_claims_claimed_by_members_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_claims" ADD CONSTRAINT "topic_claims_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_placements" ADD CONSTRAINT "bulletin_placements_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_placements" ADD CONSTRAINT "bulletin_placements_issue_id_bulletin_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."bulletin_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_placements" ADD CONSTRAINT "bulletin_placements_article_id_bulletin_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."bulletin_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_placements" ADD CONSTRAINT "bulletin_placements_placed_by_members_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_members_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_assigned_by_members_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entries_registration_number_unique" ON "entries" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "entries_call_unit_idx" ON "entries" USING btree ("call_id","unit_id");--> statement-breakpoint
CREATE INDEX "entries_call_status_idx" ON "entries" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "entry_events_entry_idx" ON "entry_events" USING btree ("entry_id","at");--> statement-breakpoint
CREATE INDEX "entry_files_entry_idx" ON "entry_files" USING btree ("entry_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "topic_claims_one_confirmed" ON "topic_claims" USING btree ("topic_id") WHERE "topic_claims"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "bulletin_placements_placed_idx" ON "bulletin_placements" USING btree ("kind","placed_at");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments" USING btree ("reviewer_id","status");