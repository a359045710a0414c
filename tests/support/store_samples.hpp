#pragma once
// What the store tests of every engine build and compare: import summaries, prognosis entries,
// and cubes and hr tables as sorted rows that gtest prints readably when they differ.

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/cube.hpp"
#include "core/hr_hours.hpp"
#include "core/import_summary.hpp"
#include "core/prognos_snapshot.hpp"

namespace namnd::testing {

// ansvar, konto, verksamhet, projekt, period (YYYYMM), measure name, öre
using Row =
    std::tuple<std::string, std::string, std::string, std::string, int, std::string, std::int64_t>;
std::vector<Row> rowsOf(const Cube& cube);

// ansvar, period (YYYYMM), hr kind name, centihours, öre
using HrRow = std::tuple<std::string, int, std::string, std::int64_t, std::int64_t>;
std::vector<HrRow> rowsOf(const HrTable& hours);
HrKey hrKey(const std::string& ansvar, int year, int month, HrKind kind);

// A log entry of `kind` for `path` with `hash` and nothing else.
ImportSummary summary(SourceKind kind, const std::string& path, const std::string& hash);

PrognosEntry prognos(std::string node, std::int64_t ore, std::string kommentar = "",
                     std::string atgard = "");
PrognosEntry avvikelse(std::string node, std::int64_t ore, std::string kommentar = "",
                       std::string atgard = "");
void expectSameEntries(const std::vector<PrognosEntry>& actual,
                       const std::vector<PrognosEntry>& expected);

}  // namespace namnd::testing
