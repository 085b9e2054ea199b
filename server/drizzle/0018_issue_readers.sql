CREATE TABLE "issue_readers" (
	"issue_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer,
	CONSTRAINT "issue_readers_issue_id_member_id_pk" PRIMARY KEY("issue_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "issue_unit_readers" (
	"issue_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"readers" integer NOT NULL,
	CONSTRAINT "issue_unit_readers_issue_id_unit_id_pk" PRIMARY KEY("issue_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "issue_readers" ADD CONSTRAINT "issue_readers_issue_id_bulletin_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."bulletin_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_readers" ADD CONSTRAINT "issue_readers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_unit_readers" ADD CONSTRAINT "issue_unit_readers_issue_id_bulletin_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."bulletin_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issue_readers_member_idx" ON "issue_readers" USING btree ("member_id");--> statement-breakpoint
-- Issue readers (issue_readers) and their counts per unit (issue_unit_readers): what follows is
-- the database's half, so any writer keeps them right — the reading route, the demo seed, the
-- scale benchmark, a hand edit in psql.
--
-- Two locks keep them exact under concurrency. A read holds a shared advisory lock on its issue
-- (key 1803, issue id) that removing or moving one of the issue's articles takes exclusively, so
-- "did they read anything else of it?" is never answered while a read of it is uncommitted. And a
-- read locks its member's row FOR SHARE before reading their unit: a move of that member waits for
-- the read to commit and then carries the new row along, or the read waits for the move and takes
-- the new unit.
CREATE FUNCTION issue_readers_on_read() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_issue integer;
  v_unit integer;
BEGIN
  SELECT issue_id INTO v_issue FROM bulletin_articles WHERE id = NEW.article_id;
  PERFORM pg_advisory_xact_lock_shared(1803, v_issue);
  SELECT unit_id INTO v_unit FROM members WHERE id = NEW.member_id FOR SHARE;
  INSERT INTO issue_readers (issue_id, member_id, unit_id) VALUES (v_issue, NEW.member_id, v_unit)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER issue_readers_on_read AFTER INSERT ON article_reads
  FOR EACH ROW EXECUTE FUNCTION issue_readers_on_read();--> statement-breakpoint
-- The readers of article `p_article` who read nothing else of issue `p_issue` stop being its readers.
-- Row triggers of one statement see the rows it removed before them, so removing every article of
-- an issue at once leaves none.
CREATE FUNCTION issue_readers_forget(p_issue integer, p_article integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1803, p_issue);
  DELETE FROM issue_readers ir
   WHERE ir.issue_id = p_issue
     AND ir.member_id IN (SELECT r.member_id FROM article_reads r WHERE r.article_id = p_article)
     AND NOT EXISTS (
       SELECT 1 FROM article_reads r JOIN bulletin_articles a ON a.id = r.article_id
        WHERE r.member_id = ir.member_id AND a.issue_id = p_issue AND r.article_id <> p_article);
END $$;--> statement-breakpoint
CREATE FUNCTION issue_readers_on_article_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM issue_readers_forget(OLD.issue_id, OLD.id);
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER issue_readers_on_article_removed BEFORE DELETE ON bulletin_articles
  FOR EACH ROW EXECUTE FUNCTION issue_readers_on_article_removed();--> statement-breakpoint
-- An article moved to another issue: its readers leave the old issue (unless they read more of it)
-- and join the new one.
CREATE FUNCTION issue_readers_on_article_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM issue_readers_forget(OLD.issue_id, OLD.id);
  PERFORM pg_advisory_xact_lock(1803, NEW.issue_id);
  INSERT INTO issue_readers (issue_id, member_id, unit_id)
    SELECT NEW.issue_id, m.id, m.unit_id FROM article_reads r JOIN members m ON m.id = r.member_id
     WHERE r.article_id = NEW.id
       FOR SHARE OF m
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER issue_readers_on_article_moved BEFORE UPDATE OF issue_id ON bulletin_articles
  FOR EACH ROW WHEN (OLD.issue_id IS DISTINCT FROM NEW.issue_id) EXECUTE FUNCTION issue_readers_on_article_moved();--> statement-breakpoint
CREATE FUNCTION issue_readers_on_member_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE issue_readers SET unit_id = NEW.unit_id WHERE member_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER issue_readers_on_member_moved AFTER UPDATE OF unit_id ON members
  FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id) EXECUTE FUNCTION issue_readers_on_member_moved();--> statement-breakpoint
-- Counting them per (issue, unit): each reader row added, removed or moved to another unit moves
-- its unit's count. The reader rows are exact (their key admits a member once per issue), and the
-- upsert takes the count row's lock, so concurrent readers add up.
CREATE FUNCTION issue_unit_readers_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.unit_id IS NOT NULL THEN
    UPDATE issue_unit_readers SET readers = readers - 1 WHERE issue_id = OLD.issue_id AND unit_id = OLD.unit_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.unit_id IS NOT NULL THEN
    INSERT INTO issue_unit_readers AS c (issue_id, unit_id, readers) VALUES (NEW.issue_id, NEW.unit_id, 1)
      ON CONFLICT (issue_id, unit_id) DO UPDATE SET readers = c.readers + 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- The readers so far, from the reads (counted below in one pass, before the counting trigger).
INSERT INTO issue_readers (issue_id, member_id, unit_id)
  SELECT DISTINCT a.issue_id, r.member_id, m.unit_id
    FROM article_reads r JOIN bulletin_articles a ON a.id = r.article_id JOIN members m ON m.id = r.member_id;--> statement-breakpoint
INSERT INTO issue_unit_readers (issue_id, unit_id, readers)
  SELECT issue_id, unit_id, count(*) FROM issue_readers WHERE unit_id IS NOT NULL GROUP BY issue_id, unit_id;--> statement-breakpoint
CREATE TRIGGER issue_unit_readers_count AFTER INSERT OR DELETE OR UPDATE OF unit_id ON issue_readers
  FOR EACH ROW EXECUTE FUNCTION issue_unit_readers_count();
