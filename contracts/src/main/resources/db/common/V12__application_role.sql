-- Issue 14: the application's own database role. In production Flyway connects as the database owner
-- (quarkus.flyway.username) and the service as a separate role (STAFET_DB_APP_ROLE, a CloudNativePG managed role;
-- docs/security.md): that role reads and writes the service's tables but may not UPDATE, DELETE or TRUNCATE an audit
-- row, and, not being the owner, cannot drop or disable the append-only triggers either. Locally and in the tests
-- the service connects as the owner (appRole = none) and the triggers are the guard.
CREATE FUNCTION stafet_grant_application_role(app_role TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app_role);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app_role);
END $$;

DO $$
BEGIN
    IF '${appRole}' <> 'none' THEN
        PERFORM stafet_grant_application_role('${appRole}');
    END IF;
END $$;
