#pragma once
// The tables of the embedded SQLite store and the check that a file is one of ours.

#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

namespace namnd {

// The layout this program reads and writes. An older store is migrated in one transaction; a
// newer one is refused rather than guessed at.
//   1: first layout
//   2: import_log.rejected_ore (Σ of rejected rows whose amount could be read),
//      import_period (rows and Σ per month of a file), import_warning
inline constexpr std::int64_t kSqliteSchemaVersion = 2;

// Creates the schema in an empty database, or checks that an existing one is a Nämndrapport
// store and migrates it to kSqliteSchemaVersion. Throws OutputError (Swedish, naming `path`)
// otherwise; Poco exceptions from the connection propagate to the caller.
void ensureSqliteSchema(Poco::Data::Session& session, const std::string& path);

}  // namespace namnd
