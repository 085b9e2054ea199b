ALTER TABLE "volunteer_activities" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD COLUMN "cancelled_by" integer;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_cancelled_by_members_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activities" ADD CONSTRAINT "volunteer_activities_cancel_reason_check" CHECK (("volunteer_activities"."cancelled_at" is null) = ("volunteer_activities"."cancel_reason" is null));