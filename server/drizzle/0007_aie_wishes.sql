CREATE TABLE "commitment_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"commitment_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer,
	"height" integer,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitment_photos_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"held_reason" text,
	"report_note" text,
	"reported_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "commitments_status_check" CHECK ("commitments"."status" in ('in_progress', 'reported', 'kept', 'not_kept'))
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"skills" text[] NOT NULL,
	"promises" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"held_reason" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wish_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"wish_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"contacted_at" timestamp with time zone,
	"realised_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "wish_claims_status_check" CHECK ("wish_claims"."status" in ('active', 'completed', 'released', 'revoked', 'given_up', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "wish_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wish_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_id" integer,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wish_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer,
	"height" integer,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wish_photos_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"wisher_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"estimated_value" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"held_reason" text,
	"takedown_reason" text,
	"thank_you" text,
	"thank_you_held" boolean DEFAULT false NOT NULL,
	"returned_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "wishes_scope_check" CHECK ("wishes"."scope" in ('unit', 'association')),
	CONSTRAINT "wishes_status_check" CHECK ("wishes"."status" in ('pending_review', 'open', 'claimed', 'contacted', 'realised', 'completed', 'withdrawn')),
	CONSTRAINT "wishes_value_check" CHECK ("wishes"."estimated_value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "commitment_photos" ADD CONSTRAINT "commitment_photos_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_decided_by_members_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_claims" ADD CONSTRAINT "wish_claims_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_claims" ADD CONSTRAINT "wish_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_events" ADD CONSTRAINT "wish_events_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_events" ADD CONSTRAINT "wish_events_actor_id_members_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_photos" ADD CONSTRAINT "wish_photos_claim_id_wish_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."wish_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_wisher_id_members_id_fk" FOREIGN KEY ("wisher_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_photos_commitment_idx" ON "commitment_photos" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "commitments_member_year_idx" ON "commitments" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "commitments_unit_status_idx" ON "commitments" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "wish_claims_live_unique" ON "wish_claims" USING btree ("wish_id") WHERE "wish_claims"."status" in ('active', 'completed');--> statement-breakpoint
CREATE INDEX "wish_claims_member_idx" ON "wish_claims" USING btree ("member_id","status");--> statement-breakpoint
CREATE INDEX "wish_events_wish_idx" ON "wish_events" USING btree ("wish_id","at");--> statement-breakpoint
CREATE INDEX "wish_photos_claim_idx" ON "wish_photos" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "wishes_unit_status_idx" ON "wishes" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "wishes_scope_status_idx" ON "wishes" USING btree ("scope","status");