// `namnd db init|migrate` (issue 10) as a user runs it, on the engine every machine has: the
// embedded SQLite store, which creates and migrates itself and so only reports its version. The
// server engines' schemas are tested against real servers in tests/engines.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::runNamnd;
using testing::TempDir;

TEST(DbCommand, InitCreatesASqliteStoreAndSaysWhenThereIsNothingToDo) {
  TempDir dir;
  const std::string uri = "sqlite:" + (dir / "lager" / "ny.sqlite").string();

  const auto created = runNamnd({"db", "init", "--lager", uri});
  ASSERT_EQ(created.exitCode, 0) << created.output;
  EXPECT_TRUE(contains(created.output, "Skapade lagrets schema (version 5)")) << created.output;
  EXPECT_TRUE(fs::is_regular_file(dir / "lager" / "ny.sqlite"));

  const auto again = runNamnd({"db", "migrate", "--lager", uri});
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_TRUE(contains(again.output, "har redan schemaversion 5; inget att göra")) << again.output;
}

TEST(DbCommand, TakesTheStoreFromTheConfig) {
  TempDir dir;
  ASSERT_EQ(testing::layOutExampleKommun(dir.path()).exitCode, 0);
  const auto init =
      runNamnd({"db", "init", "--config", (dir / "data" / "exempel" / "namnd.json").string()});
  ASSERT_EQ(init.exitCode, 0) << init.output;
  EXPECT_TRUE(contains(init.output, "Skapade lagrets schema")) << init.output;
  EXPECT_TRUE(fs::is_regular_file(dir / "output" / "lager" / "exempel.sqlite"));
}

TEST(DbCommand, WrongUseIsASwedishErrorAndNoPasswordIsShown) {
  TempDir dir;
  const auto noAction = runNamnd({"db", "--lager", "sqlite:x.sqlite"});
  EXPECT_NE(noAction.exitCode, 0);
  EXPECT_TRUE(contains(noAction.output, "ange init eller migrate")) << noAction.output;

  const auto noStore = runNamnd({"db", "init"});
  EXPECT_NE(noStore.exitCode, 0);
  EXPECT_TRUE(contains(noStore.output, "--config")) << noStore.output;

  const auto unknown = runNamnd({"db", "init", "--lager", "mysql://rot:hemligt@server/db"});
  EXPECT_NE(unknown.exitCode, 0);
  EXPECT_TRUE(contains(unknown.output, "okänt lager")) << unknown.output;
  EXPECT_FALSE(contains(unknown.output, "hemligt")) << unknown.output;

  // Nothing listens on port 1: the connection fails, and its message keeps the password out.
  const auto unreachable =
      runNamnd({"db", "init", "--lager",
                "postgresql:host=127.0.0.1 port=1 dbname=namnd user=ekonomi password=hemligt "
                "connect_timeout=2"});
  EXPECT_NE(unreachable.exitCode, 0);
  EXPECT_TRUE(contains(unreachable.output, "Kunde inte ansluta till lagret")) << unreachable.output;
  EXPECT_FALSE(contains(unreachable.output, "hemligt")) << unreachable.output;
}

}  // namespace
}  // namespace namnd
