#!/bin/sh
# Runs once, when the PostgreSQL volume is first created (docker-entrypoint-initdb.d):
# the append-only role the migrations grant to, and the login the service uses, which is
# granted that role and nothing more (docs/audit.md, "Grants").
set -eu
# the password goes in as a psql variable, quoted by psql (:'pw'), never pasted into SQL
psql -v ON_ERROR_STOP=1 -v pw="$SARGAS_APP_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE sargas_writer NOLOGIN;
CREATE ROLE sargas_app LOGIN PASSWORD :'pw';
GRANT sargas_writer TO sargas_app;
SQL
