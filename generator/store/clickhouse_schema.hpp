#pragma once
// The ClickHouse store's tables. Ledger data (cube cells, kept rows) is sharded: a MergeTree
// table "<name>_local" on every shard and a Distributed table "<name>" over them, also on every
// shard. The rest (import log and what hangs off it, prognoses, hours, schema_version) is small
// and lives on the first shard only.

#include <array>
#include <cstdint>
#include <string_view>

#include "store/clickhouse_http.hpp"

namespace namnd {

inline constexpr std::int64_t kClickhouseSchemaVersion = 1;

inline constexpr std::array<std::string_view, 2> kClickhouseShardedTables = {"ledger_cell",
                                                                             "kept_row"};
// Tables of the first shard whose rows belong to one import (scope, import_id); import_log
// itself is the commit record of an import and is not among them.
inline constexpr std::array<std::string_view, 6> kClickhouseImportTables = {
    "import_period",    "import_warning", "rejected_row",
    "prognos_snapshot", "prognos_entry",  "hr_hours"};

// The schema version on the first shard; 0 when there is none.
std::int64_t clickhouseSchemaVersion(const ClickhouseHttp& http, const ClickhouseAddress& address);

// Throws OutputError (Swedish) unless every shard has this program's schema: "kör namnd db init"
// when it is missing, a newer version is refused.
void requireClickhouseSchema(const ClickhouseHttp& http, const ClickhouseAddress& address);

}  // namespace namnd
