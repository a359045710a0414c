#include "cli/arguments.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace namnd {
namespace {

// The options of `namnd manadsrapport`, plus a flag as another subcommand could have.
Arguments parse(const std::vector<std::string>& args) {
  return Arguments(args, {"config", "period", "prognos"}, {"torr"});
}

// The UsageError message for args, or a failure when they parse.
std::string usageError(const std::vector<std::string>& args) {
  try {
    parse(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no UsageError";
  return "";
}

TEST(Arguments, ValuesAndFlags) {
  const Arguments arguments =
      parse({"--config", "data/namnd.json", "--torr", "--period", "202510"});
  EXPECT_EQ(arguments.value("config"), std::optional<std::string>("data/namnd.json"));
  EXPECT_EQ(arguments.value("period"), std::optional<std::string>("202510"));
  EXPECT_EQ(arguments.value("prognos"), std::nullopt);
  EXPECT_TRUE(arguments.flag("torr"));
  EXPECT_EQ(arguments.required("period"), "202510");
}

TEST(Arguments, NothingGiven) {
  const Arguments arguments = parse({});
  EXPECT_FALSE(arguments.flag("torr"));
  EXPECT_EQ(arguments.value("config"), std::nullopt);
  EXPECT_THROW(arguments.required("config"), UsageError);
}

TEST(Arguments, NameEqualsValue) {
  const Arguments arguments = parse({"--config=mapp/namnd.json", "--period=202508"});
  EXPECT_EQ(arguments.required("config"), "mapp/namnd.json");
  EXPECT_EQ(arguments.required("period"), "202508");
  // Only the first "=" separates name and value.
  EXPECT_EQ(parse({"--config=a=b.json"}).required("config"), "a=b.json");
}

TEST(Arguments, RequiredNamesTheMissingOption) {
  const Arguments arguments = parse({"--period", "202510"});
  try {
    arguments.required("config");
    FAIL() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("--config"), std::string::npos) << e.what();
  }
}

TEST(Arguments, UnknownOptionIsNamed) {
  EXPECT_NE(usageError({"--konfig", "a.json"}).find("--konfig"), std::string::npos);
  EXPECT_NE(usageError({"--konfig=a.json"}).find("--konfig"), std::string::npos);
}

TEST(Arguments, MissingValue) {
  EXPECT_NE(usageError({"--period", "202510", "--config"}).find("--config"), std::string::npos);
}

TEST(Arguments, OptionInsteadOfAValueIsAMissingValue) {
  // "--config --torr" must not read "--torr" as the path of the config file.
  EXPECT_NE(usageError({"--config", "--torr"}).find("--config"), std::string::npos);
}

TEST(Arguments, RepeatedOption) {
  EXPECT_NE(usageError({"--config", "a.json", "--config", "b.json"}).find("--config"),
            std::string::npos);
  EXPECT_NE(usageError({"--config=a.json", "--config", "b.json"}).find("--config"),
            std::string::npos);
}

TEST(Arguments, RepeatedFlag) {
  EXPECT_NE(usageError({"--torr", "--torr"}).find("--torr"), std::string::npos);
}

TEST(Arguments, FlagTakesNoValue) {
  EXPECT_NE(usageError({"--torr=ja"}).find("--torr"), std::string::npos);
}

TEST(Arguments, StrayWordIsAnError) {
  EXPECT_NE(usageError({"namnd.json"}).find("namnd.json"), std::string::npos);
  EXPECT_NE(usageError({"--config", "a.json", "extra"}).find("extra"), std::string::npos);
  EXPECT_FALSE(usageError({"-c", "a.json"}).empty());  // single-dash options do not exist
}

}  // namespace
}  // namespace namnd
