#pragma once
// The tables of the PostgreSQL store, their versions, `namnd db init` and `namnd db migrate`,
// and the yearly partitions of the ledger cells.

#include <cstdint>
#include <set>

#include "store/postgres_connection.hpp"
#include "store/store.hpp"

namespace namnd {

// The layout this program reads and writes. A shared server is changed by `namnd db init` and
// `namnd db migrate` only, never by opening a store: a run must not alter a database other
// users rely on.
//   1: first layout (every row carries its nämnd's scope; ledger_cell partitioned by year)
//   2: import_log.imported_at (when each import happened, for audit)
inline constexpr std::int64_t kPostgresSchemaVersion = 2;

// The version recorded in the database; 0 when there is no schema_version table.
std::int64_t postgresSchemaVersion(PgConnection& connection);

// Creates the schema as version `version` was (1 … kPostgresSchemaVersion) in a database without
// one, in one transaction: the version-1 tables, then each migration step. Tests use it to build
// an old store.
void createPostgresSchemaAtVersion(PgConnection& connection, std::int64_t version);

// Throws OutputError (Swedish, naming the connection) unless the schema is the current one:
// without one "kör namnd db init", older "kör namnd db migrate", newer "uppgradera programmet".
void requireCurrentPostgresSchema(PgConnection& connection);

// Creates the ledger_cell partitions of `years` that do not exist yet. Runs inside the caller's
// transaction, before it writes to ledger_cell (see the .cpp for why).
void ensureLedgerPartitions(PgConnection& connection, const std::set<int>& years);

}  // namespace namnd
