-- The audit log is append-only: history cannot be edited or erased through the application.
CREATE FUNCTION keyhouse_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION keyhouse_events_append_only();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION keyhouse_events_append_only();
--> statement-breakpoint
-- Seats: a membership that takes a seat (invited, accepted, confirmed) may not push Used past the organization's
-- seats. Locking the organization row serialises concurrent invites, so parallel requests cannot oversell.
CREATE FUNCTION keyhouse_enforce_seat_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seat_limit integer;
  used integer;
BEGIN
  IF NEW.status = 'revoked' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'revoked' AND OLD.organization_id = NEW.organization_id THEN
    RETURN NEW;
  END IF;
  SELECT seats INTO seat_limit FROM organizations WHERE id = NEW.organization_id FOR UPDATE;
  SELECT count(*) INTO used FROM organization_users
    WHERE organization_id = NEW.organization_id AND status <> 'revoked' AND id <> NEW.id;
  IF used + 1 > seat_limit THEN
    RAISE EXCEPTION 'seat limit reached' USING ERRCODE = 'check_violation', CONSTRAINT = 'organization_users_seat_limit';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organization_users_seat_limit BEFORE INSERT OR UPDATE OF status, organization_id ON organization_users
  FOR EACH ROW EXECUTE FUNCTION keyhouse_enforce_seat_limit();
--> statement-breakpoint
-- Assigned seats can never go below the seats in use.
CREATE FUNCTION keyhouse_seats_not_below_used() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  used integer;
BEGIN
  IF NEW.seats >= OLD.seats THEN
    RETURN NEW;
  END IF;
  SELECT count(*) INTO used FROM organization_users
    WHERE organization_id = NEW.id AND status <> 'revoked';
  IF NEW.seats < used THEN
    RAISE EXCEPTION 'seats below used' USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_seats_not_below_used';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_seats_not_below_used BEFORE UPDATE OF seats ON organizations
  FOR EACH ROW EXECUTE FUNCTION keyhouse_seats_not_below_used();
