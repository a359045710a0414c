// The ClickHouse address must list the servers' cluster "namnd" whole: the Distributed tables read
// every shard of the cluster, the store writes to the shards of its address, and a shard left out
// of either would hold rows no report reads.

#include <gtest/gtest.h>

#include <string>

#include "core/errors.hpp"
#include "engines/engine_servers.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

TEST(ClickhouseCluster, AnAddressWithoutEveryShardIsRefused) {
  NAMND_REQUIRE_SERVER("NAMND_TEST_CLICKHOUSE", uri);
  changeStoreSchema(uri, SchemaAction::Init);
  // "clickhouse:HOST:PORT,HOST:PORT/DB" → only the first shard.
  const std::size_t comma = uri.find(',');
  ASSERT_NE(comma, std::string::npos) << "the test servers have two shards: " << uri;
  const std::string firstOnly = uri.substr(0, comma) + uri.substr(uri.find('/', comma));

  const auto opened = testing::thrown<StoreError>([&] { openStore(firstOnly, "kluster"); });
  EXPECT_TRUE(testing::mentions(opened, {"Klustret namnd", "har 2 skärvor", "anger 1 adresser"}));
  const auto init =
      testing::thrown<StoreError>([&] { changeStoreSchema(firstOnly, SchemaAction::Init); });
  EXPECT_TRUE(testing::mentions(init, {"Klustret namnd"}));
  EXPECT_NO_THROW(openStore(uri, "kluster"));
}

}  // namespace
}  // namespace namnd
