#pragma once
// The tables of the embedded SQLite store and the check that a file is one of ours.

#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

namespace namnd {

// The layout this program reads and writes. A store with another version is refused rather
// than guessed at.
inline constexpr std::int64_t kSqliteSchemaVersion = 1;

// Creates the schema in an empty database, or checks that an existing one is a Nämndrapport
// store of kSqliteSchemaVersion. Throws OutputError (Swedish, naming `path`) otherwise; Poco
// exceptions from the connection propagate to the caller.
void ensureSqliteSchema(Poco::Data::Session& session, const std::string& path);

}  // namespace namnd
