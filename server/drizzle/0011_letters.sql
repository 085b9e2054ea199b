CREATE TABLE "letter_follows" (
	"letter_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "letter_follows_unique" UNIQUE("letter_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "letter_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"letter_id" integer NOT NULL,
	"author_id" integer,
	"body" text NOT NULL,
	"held" boolean DEFAULT false NOT NULL,
	"held_label" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"writer_id" integer NOT NULL,
	"unit_id" integer,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"status" text NOT NULL,
	"held_label" text,
	"written_on" date NOT NULL,
	"accept_due_on" date NOT NULL,
	"accepted_at" timestamp with time zone,
	"reply_due_on" date,
	"extension_days" integer,
	"extension_reason" text,
	"rating" text,
	"rated_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"on_board" boolean DEFAULT false NOT NULL,
	"board_shows_name" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "letters_recipient_check" CHECK ("letters"."recipient" in ('secretary', 'secretariat')),
	CONSTRAINT "letters_kind_check" CHECK ("letters"."kind" in ('suggestion', 'problem', 'help', 'praise', 'other')),
	CONSTRAINT "letters_status_check" CHECK ("letters"."status" in ('held', 'rejected', 'pending', 'accepted', 'replied', 'reopened', 'rated')),
	CONSTRAINT "letters_rating_check" CHECK ("letters"."rating" is null or "letters"."rating" in ('satisfied', 'fair', 'unsatisfied')),
	CONSTRAINT "letters_secretary_unit_check" CHECK ("letters"."recipient" = 'secretariat' or "letters"."unit_id" is not null),
	CONSTRAINT "letters_anonymous_board_check" CHECK (not ("letters"."anonymous" and "letters"."board_shows_name"))
);
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_roles_check";--> statement-breakpoint
ALTER TABLE "letter_follows" ADD CONSTRAINT "letter_follows_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_follows" ADD CONSTRAINT "letter_follows_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_replies" ADD CONSTRAINT "letter_replies_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_replies" ADD CONSTRAINT "letter_replies_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_writer_id_members_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_replies_letter_idx" ON "letter_replies" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letters_writer_day_idx" ON "letters" USING btree ("writer_id","written_on");--> statement-breakpoint
CREATE INDEX "letters_unit_recipient_idx" ON "letters" USING btree ("unit_id","recipient","status");--> statement-breakpoint
CREATE INDEX "letters_recipient_status_idx" ON "letters" USING btree ("recipient","status");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_roles_check" CHECK (cardinality("members"."roles") > 0 and "members"."roles" <@ array['member', 'unit_admin', 'info_officer', 'reviewer', 'secretariat', 'party_secretary']::text[]);