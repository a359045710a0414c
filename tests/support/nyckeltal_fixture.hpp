#pragma once
// The nyckeltal fixture (tests/fixtures/nyckeltal: Herrljunga's äldreomsorg and the staffing
// oracles of notes 002): the config the golden tests write for it, and the long csv format
// (kommun;period;id;org;värde) read back.

#include <map>
#include <string>
#include <tuple>

namespace namnd::testing {

struct NyckeltalFixtureFiles {
  std::string huvudbok = R"(["huvudbok-2020.csv", "huvudbok-2021.csv"])";
  std::string budget = R"(["budget-2021.csv"])";
  std::string hr = R"(["hr-2021.csv"])";
  std::string topLevel;       // further top-level keys, each followed by a comma
  std::string nyckeltalKeys;  // further keys of the "nyckeltal" block, each preceded by a comma
};

std::string nyckeltalFixtureConfig(const NyckeltalFixtureFiles& files = {});

// (period, id, org) → värde. Expects (gtest) the header line, five fields on every line and the
// fixture's kommun.
using NyckeltalLongFormat =
    std::map<std::tuple<std::string, std::string, std::string>, std::string>;
NyckeltalLongFormat readNyckeltalLongFormat(const std::string& csv);

}  // namespace namnd::testing
