CREATE TABLE "award_candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"review_id" integer NOT NULL,
	"award" text NOT NULL,
	"member_id" integer,
	"unit_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit_name" text NOT NULL,
	"group_name" text NOT NULL,
	"figures" jsonb NOT NULL,
	"recommended_by" integer,
	"recommended_at" timestamp with time zone,
	"recommendation_note" text,
	"selected" boolean,
	"decision_note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "award_candidates_award_check" CHECK ("award_candidates"."award" in ('unit', 'member', 'info_officer')),
	CONSTRAINT "award_candidates_decision_check" CHECK (("award_candidates"."selected" is null) = ("award_candidates"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "award_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"objector_id" integer,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	CONSTRAINT "award_objections_answer_check" CHECK (("award_objections"."answer" is null) = ("award_objections"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "award_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rules" jsonb NOT NULL,
	"opened_by" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"publicity_starts_at" timestamp with time zone,
	"publicity_ends_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"bulletin_article_id" integer,
	CONSTRAINT "award_reviews_year_unique" UNIQUE("year"),
	CONSTRAINT "award_reviews_status_check" CHECK ("award_reviews"."status" in ('open', 'publicity', 'published')),
	CONSTRAINT "award_reviews_publicity_check" CHECK ("award_reviews"."status" = 'open' or "award_reviews"."publicity_ends_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "honours" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"award" text NOT NULL,
	"title" text NOT NULL,
	"member_id" integer,
	"unit_id" integer NOT NULL,
	"candidate_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "honours_candidate_unique" UNIQUE("candidate_id")
);
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_roles_check";--> statement-breakpoint
ALTER TABLE "entries" ADD COLUMN "false_marked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "entries" ADD COLUMN "false_marked_by" integer;--> statement-breakpoint
ALTER TABLE "entries" ADD COLUMN "false_note" text;--> statement-breakpoint
ALTER TABLE "award_candidates" ADD CONSTRAINT "award_candidates_review_id_award_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."award_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_candidates" ADD CONSTRAINT "award_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_candidates" ADD CONSTRAINT "award_candidates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_candidates" ADD CONSTRAINT "award_candidates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_candidates" ADD CONSTRAINT "award_candidates_recommended_by_members_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_candidates" ADD CONSTRAINT "award_candidates_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_objections" ADD CONSTRAINT "award_objections_candidate_id_award_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."award_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_objections" ADD CONSTRAINT "award_objections_objector_id_members_id_fk" FOREIGN KEY ("objector_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_objections" ADD CONSTRAINT "award_objections_answered_by_members_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_reviews" ADD CONSTRAINT "award_reviews_opened_by_members_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_reviews" ADD CONSTRAINT "award_reviews_bulletin_article_id_bulletin_articles_id_fk" FOREIGN KEY ("bulletin_article_id") REFERENCES "public"."bulletin_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honours" ADD CONSTRAINT "honours_candidate_id_award_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."award_candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_candidates_member_unique" ON "award_candidates" USING btree ("review_id","award","member_id") WHERE "award_candidates"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "award_candidates_unit_unique" ON "award_candidates" USING btree ("review_id","unit_id") WHERE "award_candidates"."award" = 'unit';--> statement-breakpoint
CREATE INDEX "award_candidates_review_award_idx" ON "award_candidates" USING btree ("review_id","award","group_id");--> statement-breakpoint
CREATE INDEX "award_objections_candidate_idx" ON "award_objections" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "honours_member_idx" ON "honours" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "honours_unit_idx" ON "honours" USING btree ("unit_id","year");--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_false_marked_by_members_id_fk" FOREIGN KEY ("false_marked_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_roles_check" CHECK (cardinality("members"."roles") > 0 and "members"."roles" <@ array['member', 'unit_admin', 'info_officer', 'reviewer', 'secretariat', 'party_secretary', 'group_leader']::text[]);