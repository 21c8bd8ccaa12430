-- Grants for the app role (docs/database-roles.sql), run as careleavers_owner after every
-- `manage.py migrate` and `manage.py createcachetable`; safe to run again. The app may read and
-- change the service's tables, and may only read and add to the audit log.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO careleavers_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO careleavers_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON core_auditevent FROM careleavers_app;
