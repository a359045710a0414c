#pragma once
// The database servers the engine tests run against: scripts/db-servers.sh starts them and
// writes their "lager" URIs to the environment (NAMND_TEST_POSTGRESQL, NAMND_TEST_CLICKHOUSE).
// Without a server its tests are skipped with a message naming the variable, never passed.

#include <string>

namespace namnd::test {

// The URI in `variable`, or "" when it is not set.
std::string serverUri(const char* variable);

// A scope no other test run uses (a shared server keeps every run's rows apart by scope).
std::string uniqueScope(const std::string& prefix);

}  // namespace namnd::test

// Skips the current test with a message when the server named by `variable` is not running.
#define NAMND_REQUIRE_SERVER(variable, uri)                                    \
  const std::string uri = ::namnd::test::serverUri(variable);                  \
  if (uri.empty())                                                             \
  GTEST_SKIP() << variable                                                     \
               << " är inte satt: ingen databasserver att testa mot (starta " \
                  "servrarna med scripts/db-servers.sh start MAPP och läs in MAPP/env)"
