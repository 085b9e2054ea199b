CREATE TABLE "video_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"video_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"held_label" text,
	"hidden_reason" text,
	"hidden_by" integer,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "video_comments_status_check" CHECK ("video_comments"."status" in ('shown', 'held', 'hidden'))
);
--> statement-breakpoint
CREATE TABLE "video_likes" (
	"id" serial PRIMARY KEY NOT NULL,
	"video_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"liked_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"starts_on" date NOT NULL,
	"days" integer NOT NULL,
	"featured_group_ids" integer[] NOT NULL,
	"jury_weight" integer NOT NULL,
	"placed_issue_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "videos" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"storage_key" text,
	"poster_key" text,
	"size_bytes" bigint,
	"duration_seconds" double precision,
	"width" integer,
	"height" integer,
	"video_codec" text,
	"audio_codec" text,
	"finder_user_name" text,
	"feed_id" text,
	"status" text NOT NULL,
	"return_reason" text,
	"jury_score" real,
	"uploaded_by" integer,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "videos_kind_check" CHECK ("videos"."kind" in ('upload', 'channel')),
	CONSTRAINT "videos_status_check" CHECK ("videos"."status" in ('pending', 'approved', 'returned')),
	CONSTRAINT "videos_jury_score_check" CHECK ("videos"."jury_score" is null or ("videos"."jury_score" >= 0 and "videos"."jury_score" <= 100))
);
--> statement-breakpoint
ALTER TABLE "video_comments" ADD CONSTRAINT "video_comments_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_comments" ADD CONSTRAINT "video_comments_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_comments" ADD CONSTRAINT "video_comments_hidden_by_members_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_likes" ADD CONSTRAINT "video_likes_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_likes" ADD CONSTRAINT "video_likes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rounds" ADD CONSTRAINT "video_rounds_placed_issue_id_bulletin_issues_id_fk" FOREIGN KEY ("placed_issue_id") REFERENCES "public"."bulletin_issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rounds" ADD CONSTRAINT "video_rounds_created_by_members_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_round_id_video_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."video_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_uploaded_by_members_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_reviewed_by_members_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "video_comments_video_idx" ON "video_comments" USING btree ("video_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "video_likes_once_a_day_idx" ON "video_likes" USING btree ("video_id","member_id","liked_on");--> statement-breakpoint
CREATE INDEX "video_likes_member_day_idx" ON "video_likes" USING btree ("member_id","liked_on");--> statement-breakpoint
CREATE INDEX "video_likes_video_time_idx" ON "video_likes" USING btree ("video_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "videos_round_unit_idx" ON "videos" USING btree ("round_id","unit_id");