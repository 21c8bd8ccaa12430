-- PostgreSQL roles for the care leavers service (README.md, "Database roles").
--
-- Two roles: careleavers_owner owns the tables and runs `manage.py migrate`; careleavers_app is
-- what the running service connects as. The app role does not own the audit log, so it cannot
-- switch off the triggers that refuse UPDATE, DELETE and TRUNCATE of it, and it is granted only
-- SELECT and INSERT on it. Choose your own passwords; if you change a role's name, change it
-- everywhere below and in DATABASE_URL.

-- 1. Once, as a PostgreSQL superuser (or a role with CREATEROLE and CREATEDB).
CREATE ROLE careleavers_owner LOGIN PASSWORD 'choose-a-long-password-for-the-owner';
CREATE ROLE careleavers_app LOGIN PASSWORD 'choose-a-long-password-for-the-app';
CREATE DATABASE careleavers OWNER careleavers_owner;
REVOKE ALL ON DATABASE careleavers FROM PUBLIC;
GRANT CONNECT ON DATABASE careleavers TO careleavers_app;

-- 2. Once, connected to the careleavers database as careleavers_owner.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO careleavers_app;

-- 3. After every `manage.py migrate`: docs/database-grants.sql.
