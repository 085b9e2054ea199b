CREATE TABLE "question_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"question_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"moderation" text NOT NULL,
	"held_label" text,
	"hidden_reason" text,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"points" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "question_answers_moderation_check" CHECK ("question_answers"."moderation" in ('visible', 'held', 'hidden')),
	CONSTRAINT "question_answers_hidden_reason_check" CHECK (("question_answers"."moderation" = 'hidden') = ("question_answers"."hidden_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"asker_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"moderation" text NOT NULL,
	"held_label" text,
	"hidden_reason" text,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"solved_answer_id" integer,
	"solved_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"bigrams" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "questions_moderation_check" CHECK ("questions"."moderation" in ('visible', 'held', 'hidden')),
	CONSTRAINT "questions_hidden_reason_check" CHECK (("questions"."moderation" = 'hidden') = ("questions"."hidden_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "volunteer_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"place_name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"sign_up_deadline" timestamp with time zone NOT NULL,
	"places" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "volunteer_activities_places_check" CHECK ("volunteer_activities"."places" > 0),
	CONSTRAINT "volunteer_activities_times_check" CHECK ("volunteer_activities"."ends_at" > "volunteer_activities"."starts_at" and "volunteer_activities"."sign_up_deadline" <= "volunteer_activities"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "volunteer_sign_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attended_at" timestamp with time zone,
	"method" text,
	"points" integer,
	CONSTRAINT "volunteer_sign_ups_status_check" CHECK ("volunteer_sign_ups"."status" in ('confirmed', 'waitlisted', 'cancelled')),
	CONSTRAINT "volunteer_sign_ups_method_check" CHECK ("volunteer_sign_ups"."method" is null or "volunteer_sign_ups"."method" in ('card', 'code')),
	CONSTRAINT "volunteer_sign_ups_attended_check" CHECK ("volunteer_sign_ups"."attended_at" is null or "volunteer_sign_ups"."status" = 'confirmed')
);
--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_moderated_by_members_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_asker_id_members_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_moderated_by_members_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_sign_ups" ADD CONSTRAINT "volunteer_sign_ups_activity_id_volunteer_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_sign_ups" ADD CONSTRAINT "volunteer_sign_ups_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_answers_question_idx" ON "question_answers" USING btree ("question_id","created_at");--> statement-breakpoint
CREATE INDEX "questions_unit_created_idx" ON "questions" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "questions_bigrams_idx" ON "questions" USING gin ("bigrams");--> statement-breakpoint
CREATE INDEX "volunteer_activities_unit_starts_idx" ON "volunteer_activities" USING btree ("unit_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_sign_ups_live_unique" ON "volunteer_sign_ups" USING btree ("activity_id","member_id") WHERE "volunteer_sign_ups"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "volunteer_sign_ups_activity_status_idx" ON "volunteer_sign_ups" USING btree ("activity_id","status","id");--> statement-breakpoint
CREATE INDEX "volunteer_sign_ups_member_idx" ON "volunteer_sign_ups" USING btree ("member_id");