#!/usr/bin/env bash
# One login role per service, owning its own schema and nothing else (ARCHITECTURE.md, "Running
# it"). A service is declared by an environment variable SCHEMA_PASSWORD_<schema>=<password>; its
# role is <schema>_svc. For example SCHEMA_PASSWORD_user_management creates role
# user_management_svc owning schema user_management.
#
# The postgres image runs this once, on an empty data directory. It is idempotent, so after adding
# a service run it again (docker compose exec postgres /docker-entrypoint-initdb.d/01-roles.sh),
# or against a managed server with PGHOST/PGUSER/PGPASSWORD set (docs/runbooks/deploy.md).
set -euo pipefail

database="${POSTGRES_DB:-${PGDATABASE:-chosencrm}}"
admin="${POSTGRES_USER:-${PGUSER:-postgres}}"
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql_admin=(psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$admin" --dbname "$database")

# Nobody gets anything by default: no CONNECT or TEMP on the database, no CREATE in public.
"${psql_admin[@]}" -v database="$database" <<'SQL'
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Extensions need a superuser; service migrations only re-declare them (a no-op once here).
-- pg_trgm: lead-service's typo-tolerant search.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
SQL

declared=0
for variable in $(compgen -e); do
  [[ "$variable" == SCHEMA_PASSWORD_* ]] || continue
  schema="${variable#SCHEMA_PASSWORD_}"
  password="${!variable}"
  if [[ ! "$schema" =~ ^[a-z][a-z0-9_]*$ ]]; then
    echo "01-roles.sh: $variable: schema names are lower-case identifiers" >&2
    exit 1
  fi
  if [[ -z "$password" ]]; then
    echo "01-roles.sh: $variable is empty; every service role needs a password" >&2
    exit 1
  fi
  role="${schema}_svc"
  "${psql_admin[@]}" -v database="$database" -v schema="$schema" -v role="$role" \
    -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
GRANT CONNECT ON DATABASE :"database" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
ALTER SCHEMA :"schema" OWNER TO :"role";
ALTER ROLE :"role" SET search_path = :"schema";
SQL
  echo "01-roles.sh: role $role owns schema $schema"
  declared=$((declared + 1))
done

if ((declared == 0)); then
  echo "01-roles.sh: no SCHEMA_PASSWORD_<schema> variables; no service roles created" >&2
  exit 1
fi
