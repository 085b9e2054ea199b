CREATE TABLE "article_favourites" (
	"member_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_favourites_member_id_article_id_pk" PRIMARY KEY("member_id","article_id")
);
--> statement-breakpoint
CREATE TABLE "article_reads" (
	"member_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_reads_member_id_article_id_pk" PRIMARY KEY("member_id","article_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"section" text,
	"blocks" jsonb NOT NULL,
	"plain_text" text NOT NULL,
	"search_title" text NOT NULL,
	"search_body" text NOT NULL,
	"bigrams" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletin_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer,
	"number" integer,
	"total_number" integer,
	"date" date,
	"publisher" text,
	"title_lines" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"distribution_report" text[] DEFAULT '{}'::text[] NOT NULL,
	"distribution_send" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletin_issues_status_check" CHECK ("bulletin_issues"."status" in ('draft', 'published')),
	CONSTRAINT "bulletin_issues_key_check" CHECK ("bulletin_issues"."total_number" is not null or ("bulletin_issues"."year" is not null and "bulletin_issues"."number" is not null)),
	CONSTRAINT "bulletin_issues_published_check" CHECK ("bulletin_issues"."status" = 'draft' or "bulletin_issues"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "bulletin_subscriptions" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"remaining" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "bulletin_subscriptions_remaining_check" CHECK ("bulletin_subscriptions"."remaining" >= 0)
);
--> statement-breakpoint
ALTER TABLE "article_favourites" ADD CONSTRAINT "article_favourites_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_favourites" ADD CONSTRAINT "article_favourites_article_id_bulletin_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."bulletin_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_reads" ADD CONSTRAINT "article_reads_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_reads" ADD CONSTRAINT "article_reads_article_id_bulletin_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."bulletin_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_articles" ADD CONSTRAINT "bulletin_articles_issue_id_bulletin_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."bulletin_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_subscriptions" ADD CONSTRAINT "bulletin_subscriptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_reads_article_idx" ON "article_reads" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "bulletin_articles_issue_idx" ON "bulletin_articles" USING btree ("issue_id","position");--> statement-breakpoint
CREATE INDEX "bulletin_articles_bigrams_idx" ON "bulletin_articles" USING gin ("bigrams");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletin_issues_total_unique" ON "bulletin_issues" USING btree ("total_number");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletin_issues_year_number_unique" ON "bulletin_issues" USING btree ("year","number");