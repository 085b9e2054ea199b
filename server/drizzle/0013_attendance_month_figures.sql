CREATE TABLE "attendance_figures_pending" (
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	CONSTRAINT "attendance_figures_pending_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
CREATE TABLE "attendance_figures_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"closed_through" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "attendance_month_figures" (
	"unit_id" integer NOT NULL,
	"month" text NOT NULL,
	"activities" integer NOT NULL,
	"expected" integer NOT NULL,
	"present" integer NOT NULL,
	"late" integer NOT NULL,
	"leave" integer NOT NULL,
	CONSTRAINT "attendance_month_figures_month_unit_id_pk" PRIMARY KEY("month","unit_id")
);
--> statement-breakpoint
ALTER TABLE "attendance_month_figures" ADD CONSTRAINT "attendance_month_figures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_month_figures_unit_idx" ON "attendance_month_figures" USING btree ("unit_id","month");--> statement-breakpoint
-- Kept attendance figures (attendance_month_figures): what follows is the database's half.
-- The state row: the moment the kept figures stand at (null until the first build).
INSERT INTO "attendance_figures_state" ("id", "closed_through") VALUES (1, NULL);--> statement-breakpoint
-- The Shanghai month of an instant, as the figures key it (queries/attendance.ts keys it the same way).
CREATE FUNCTION attendance_figures_month(at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char((at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')
$$;--> statement-breakpoint
-- The moment the kept figures stand at, read under a shared lock held to commit: moving it
-- (advanceAttendanceFigures, rebuildAttendanceFigures) takes the lock exclusively, so it waits for
-- every writer that judged "closed or not" against the old moment, and recomputes after them.
CREATE FUNCTION attendance_figures_closed_through() RETURNS timestamptz LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7203190613);
  RETURN (SELECT closed_through FROM attendance_figures_state WHERE id = 1);
END $$;--> statement-breakpoint
-- Marks the month of an activity of `p_unit` starting at `p_starts`, if its window had closed.
CREATE FUNCTION attendance_figures_touch(p_unit integer, p_starts timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  w timestamptz := attendance_figures_closed_through();
  win integer;
BEGIN
  IF w IS NULL OR p_unit IS NULL OR p_starts > w THEN RETURN; END IF;
  SELECT window_after_minutes INTO win FROM checkin_settings WHERE unit_id = p_unit;
  IF p_starts + make_interval(mins => coalesce(win, 30)) > w THEN RETURN; END IF;
  INSERT INTO attendance_figures_pending VALUES (p_unit, attendance_figures_month(p_starts)) ON CONFLICT DO NOTHING;
END $$;--> statement-breakpoint
CREATE FUNCTION attendance_figures_touch_activity(p_activity integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  act record;
BEGIN
  SELECT unit_id, starts_at INTO act FROM activities WHERE id = p_activity;
  -- An activity being deleted marks its own month (its trigger), so a record gone with it needs nothing.
  IF FOUND THEN PERFORM attendance_figures_touch(act.unit_id, act.starts_at); END IF;
END $$;--> statement-breakpoint
-- A roster change: who is expected at every counted activity of the unit, so every kept month of it.
CREATE FUNCTION attendance_figures_touch_unit(p_unit integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_unit IS NULL OR attendance_figures_closed_through() IS NULL THEN RETURN; END IF;
  INSERT INTO attendance_figures_pending SELECT unit_id, month FROM attendance_month_figures WHERE unit_id = p_unit ON CONFLICT DO NOTHING;
END $$;--> statement-breakpoint
CREATE FUNCTION attendance_figures_on_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_figures_touch_activity(OLD.activity_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.activity_id <> OLD.activity_id) THEN
    PERFORM attendance_figures_touch_activity(NEW.activity_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_figures AFTER INSERT OR DELETE OR UPDATE OF activity_id, member_id, status ON attendance
  FOR EACH ROW EXECUTE FUNCTION attendance_figures_on_attendance();--> statement-breakpoint
-- Only an approved leave counts.
CREATE FUNCTION attendance_figures_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.kind = 'leave' AND OLD.status = 'approved' THEN
    PERFORM attendance_figures_touch_activity(OLD.activity_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.kind = 'leave' AND NEW.status = 'approved' THEN
    PERFORM attendance_figures_touch_activity(NEW.activity_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_figures AFTER INSERT OR DELETE OR UPDATE ON attendance_requests
  FOR EACH ROW EXECUTE FUNCTION attendance_figures_on_request();--> statement-breakpoint
CREATE FUNCTION attendance_figures_on_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_figures_touch(OLD.unit_id, OLD.starts_at); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM attendance_figures_touch(NEW.unit_id, NEW.starts_at); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_figures AFTER INSERT OR DELETE OR UPDATE OF unit_id, branch_id, host_site_id, starts_at ON activities
  FOR EACH ROW EXECUTE FUNCTION attendance_figures_on_activity();--> statement-breakpoint
-- A new check-in window closes the unit's activities earlier or later: those starting within the
-- longest window (240 minutes) before the kept moment may change sides.
CREATE FUNCTION attendance_figures_on_settings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  w timestamptz := attendance_figures_closed_through();
  u integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.unit_id ELSE NEW.unit_id END;
BEGIN
  IF w IS NULL THEN RETURN NULL; END IF;
  INSERT INTO attendance_figures_pending
    SELECT DISTINCT unit_id, attendance_figures_month(starts_at) FROM activities
     WHERE unit_id = u AND starts_at > w - interval '240 minutes' AND starts_at <= w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_figures AFTER INSERT OR DELETE OR UPDATE OF window_after_minutes ON checkin_settings
  FOR EACH ROW EXECUTE FUNCTION attendance_figures_on_settings();--> statement-breakpoint
CREATE FUNCTION attendance_figures_on_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM attendance_figures_touch_unit(OLD.unit_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.unit_id IS DISTINCT FROM OLD.unit_id) THEN
    PERFORM attendance_figures_touch_unit(NEW.unit_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_figures_insert_delete AFTER INSERT OR DELETE ON members
  FOR EACH ROW EXECUTE FUNCTION attendance_figures_on_member();--> statement-breakpoint
-- Only what decides a roster: the unit, the branch, holding the member role (not a name, a phone or a sign-in).
CREATE TRIGGER attendance_figures_update AFTER UPDATE OF unit_id, branch_id, roles ON members
  FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.branch_id IS DISTINCT FROM NEW.branch_id
    OR ('member' = ANY(OLD.roles)) IS DISTINCT FROM ('member' = ANY(NEW.roles)))
  EXECUTE FUNCTION attendance_figures_on_member();--> statement-breakpoint
-- Attached to a host site, a mobile member is expected there and no longer at the unit's own days.
CREATE FUNCTION attendance_figures_on_host_site_member() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT m.unit_id FROM members m
     WHERE m.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.member_id END, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.member_id END)
    UNION
    SELECT h.unit_id FROM host_sites h
     WHERE h.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.host_site_id END, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.host_site_id END)
  LOOP
    PERFORM attendance_figures_touch_unit(r.unit_id);
  END LOOP;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attendance_figures AFTER INSERT OR DELETE OR UPDATE ON host_site_members
  FOR EACH ROW EXECUTE FUNCTION attendance_figures_on_host_site_member();--> statement-breakpoint
-- At commit, once per marked (unit, month): the figures recomputed from the records, with the
-- roster as it stands (activityRosters.ts's rosterPairs, the same rule in SQL).
CREATE FUNCTION attendance_figures_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  w timestamptz := attendance_figures_closed_through();
  m_start timestamptz := ((NEW.month || '-01')::timestamp - interval '8 hours') AT TIME ZONE 'UTC';
  m_end timestamptz := ((NEW.month || '-01')::timestamp + interval '1 month' - interval '8 hours') AT TIME ZONE 'UTC';
  c record;
BEGIN
  DELETE FROM attendance_figures_pending WHERE unit_id = NEW.unit_id AND month = NEW.month;
  WITH acts AS (
    SELECT a.id, a.unit_id, a.branch_id, a.host_site_id
      FROM activities a LEFT JOIN checkin_settings s ON s.unit_id = a.unit_id
     WHERE a.unit_id = NEW.unit_id AND a.starts_at >= m_start AND a.starts_at < m_end
       AND a.starts_at + make_interval(mins => coalesce(s.window_after_minutes, 30)) <= w
  ),
  roster AS (
    SELECT a.id AS activity_id, m.id AS member_id
      FROM acts a
      JOIN members m ON a.host_site_id IS NULL AND m.unit_id = a.unit_id
       AND (a.branch_id IS NULL OR m.branch_id = a.branch_id)
       AND 'member' = ANY(m.roles)
       AND NOT EXISTS (SELECT 1 FROM host_site_members h WHERE h.member_id = m.id)
    UNION ALL
    SELECT a.id, h.member_id FROM acts a JOIN host_site_members h ON h.host_site_id = a.host_site_id
  ),
  per AS (
    SELECT r.activity_id, r.member_id, at.status, (lr.id IS NOT NULL) AS on_leave
      FROM roster r
      LEFT JOIN attendance at ON at.activity_id = r.activity_id AND at.member_id = r.member_id
      LEFT JOIN attendance_requests lr ON lr.activity_id = r.activity_id AND lr.member_id = r.member_id
            AND lr.kind = 'leave' AND lr.status = 'approved'
  )
  SELECT count(DISTINCT acts.id)::int AS activities,
         count(per.member_id)::int AS expected,
         (count(*) FILTER (WHERE per.status = 'present'))::int AS present,
         (count(*) FILTER (WHERE per.status = 'late'))::int AS late,
         (count(*) FILTER (WHERE per.status IS NULL AND per.on_leave))::int AS leave
    INTO c
    FROM acts LEFT JOIN per ON per.activity_id = acts.id;
  IF w IS NULL OR c.activities = 0 OR NOT EXISTS (SELECT 1 FROM units WHERE id = NEW.unit_id) THEN
    DELETE FROM attendance_month_figures WHERE unit_id = NEW.unit_id AND month = NEW.month;
  ELSE
    INSERT INTO attendance_month_figures (unit_id, month, activities, expected, present, late, leave)
      VALUES (NEW.unit_id, NEW.month, c.activities, c.expected, c.present, c.late, c.leave)
      ON CONFLICT (month, unit_id) DO UPDATE SET activities = excluded.activities, expected = excluded.expected,
        present = excluded.present, late = excluded.late, leave = excluded.leave;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER attendance_figures_recompute AFTER INSERT ON attendance_figures_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION attendance_figures_recompute();
