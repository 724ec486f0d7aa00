#!/bin/bash
# Runs once, when the PostgreSQL data volume is new: one role and one database per service, the role owning its
# database and no other role allowed to connect to it. The passwords come from deploy/.env through compose.yaml.
set -euo pipefail

create() {
    local name=$1 password=$2
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create liudong_registry "$LIUDONG_REGISTRY_DB_PASSWORD"
create liudong_migration "$LIUDONG_MIGRATION_DB_PASSWORD"
create liudong_assessment "$LIUDONG_ASSESSMENT_DB_PASSWORD"
