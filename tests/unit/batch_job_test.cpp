// The job file of `namnd kor` and what a run plans from it (issue 11): each error names the file
// and the key, and each report gets the command line its single command would have.

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "batch/job_file.hpp"
#include "batch/period_rule.hpp"
#include "batch/run_plan.hpp"
#include "core/errors.hpp"
#include "core/report_request.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::contains;
using testing::TempDir;
using testing::thrown;
using testing::writeFile;

std::vector<ReportRequest> requests(const std::string& json) {
  Poco::JSON::Parser parser;
  return readReportRequests(parser.parse(json), "jobb.json: \"rapporter");
}

std::string requestError(const std::string& json) {
  const auto error = thrown<ConfigError>([&] { requests(json); });
  return error ? error->what() : "inget fel";
}

TEST(ReportRequests, NamesAndObjectsWithTheirOwnKeys) {
  const auto list = requests(
      R"(["manadsrapport", {"rapport": "delarsrapport", "per": "2025-08-31"},
          {"rapport": "avvikelser", "period": "2025H1"},
          {"rapport": "nyckeltal", "matt": ["sjukfranvaro"], "perioder": ["202412"],
           "format": ["csv"]}, "halvarsrapport"])");
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[0].kind, ReportKind::Manadsrapport);
  EXPECT_EQ(list[1].per, Period(2025, 8));
  EXPECT_EQ(list[2].halfYear->code(), "2025H1");
  EXPECT_EQ(list[3].nyckeltalIds, std::vector<std::string>{"sjukfranvaro"});
  EXPECT_EQ(list[3].extraPeriods, std::vector<Period>{Period(2024, 12)});
  EXPECT_EQ(list[3].formats, std::vector<std::string>{"csv"});
  EXPECT_EQ(list[4].kind, ReportKind::Halvarsrapport);
}

TEST(ReportRequests, ErrorsNameTheElementAndTheKey) {
  EXPECT_TRUE(contains(requestError(R"(["manadsrapport", "manadsrapprt"])"),
                       "\"rapporter[2]\" \"manadsrapprt\" är ingen känd rapport"));
  EXPECT_TRUE(contains(requestError(R"([{"rapport": "kontroll", "per": "2025-08-31"}])"),
                       "\"rapporter[1].per\" är ingen känd nyckel för kontroll"));
  EXPECT_TRUE(contains(requestError(R"([{"rapport": "delarsrapport", "per": "2025-08-30"}])"),
                       "\"rapporter[1].per\" ska vara en månads sista dag"));
  EXPECT_TRUE(contains(requestError(R"([{"rapport": "avvikelser", "period": "2025H3"}])"),
                       "\"rapporter[1].period\""));
  EXPECT_TRUE(contains(requestError(R"([{"rapport": "nyckeltal", "format": ["pdf"]}])"),
                       "\"rapporter[1].format\""));
  EXPECT_TRUE(contains(requestError(R"([])"), "\"rapporter\" ska vara en lista"));
  EXPECT_TRUE(contains(requestError(R"({"rapport": "kontroll"})"), "ska vara en lista"));
  EXPECT_TRUE(contains(requestError(R"([{"per": "2025-08-31"}])"), "ska ha \"rapport\""));
}

TEST(ReportRequests, DefaultPeriodsFollowTheRunsMonth) {
  const ReportRequest delar{.kind = ReportKind::Delarsrapport};
  const ReportRequest halvar{.kind = ReportKind::Halvarsrapport};
  const ReportRequest avvikelser{.kind = ReportKind::Avvikelser};
  EXPECT_EQ(delarsrapportPer(delar, Period(2025, 8)), Period(2025, 8));
  EXPECT_EQ(delarsrapportPer(halvar, Period(2025, 10)), Period(2025, 6));
  EXPECT_EQ(delarsrapportPer(halvar, Period(2025, 3)), Period(2024, 6));
  // The last half year the month closes or has passed.
  EXPECT_EQ(avvikelserPeriod(avvikelser, Period(2025, 6)).code(), "2025H1");
  EXPECT_EQ(avvikelserPeriod(avvikelser, Period(2025, 11)).code(), "2025H1");
  EXPECT_EQ(avvikelserPeriod(avvikelser, Period(2025, 12)).code(), "2025H2");
  EXPECT_EQ(avvikelserPeriod(avvikelser, Period(2026, 2)).code(), "2025H2");
}

class JobFileTest : public ::testing::Test {
 protected:
  void SetUp() override { writeFile(dir_ / "konfig" / "namnd.json", "{}"); }
  std::string errorOf(const std::string& json) {
    writeFile(dir_ / "jobb.json", json);
    const auto error = thrown<ConfigError>([&] { readJobFile(dir_ / "jobb.json"); });
    return error ? error->what() : "inget fel";
  }
  TempDir dir_;
};

TEST_F(JobFileTest, ReadsRunsWithPathsRelativeToTheJobFile) {
  writeFile(dir_ / "jobb.json", R"({"utdata": "ut", "pdf": true, "korningar": [
      {"config": "konfig/namnd.json", "period": "senast_stangda"},
      {"config": "konfig/namnd.json", "period": "202508", "rapporter": ["delarsrapport"]}]})");
  const Job job = readJobFile(dir_ / "jobb.json");
  EXPECT_EQ(job.outputRoot, std::filesystem::weakly_canonical(dir_ / "ut"));
  EXPECT_TRUE(job.pdf);
  ASSERT_EQ(job.runs.size(), 2u);
  EXPECT_EQ(job.runs[0].config, std::filesystem::weakly_canonical(dir_ / "konfig/namnd.json"));
  EXPECT_FALSE(job.runs[0].period.month);  // the last closed month
  EXPECT_FALSE(job.runs[0].reports);       // the config's list
  EXPECT_EQ(job.runs[1].period.month, Period(2025, 8));
  ASSERT_TRUE(job.runs[1].reports);
  EXPECT_EQ(job.runs[1].reports->front().kind, ReportKind::Delarsrapport);
}

TEST_F(JobFileTest, RefusesWhatItCannotUseNamingTheKey) {
  const std::string run = R"({"config": "konfig/namnd.json", "period": "202510"})";
  EXPECT_TRUE(contains(errorOf("{"), "ogiltig JSON"));
  EXPECT_TRUE(contains(errorOf("[]"), "ska vara ett JSON-objekt"));
  EXPECT_TRUE(contains(errorOf(R"({"korningar": [)" + run + "]}"), "\"utdata\" saknas"));
  EXPECT_TRUE(contains(errorOf(R"({"utdata": "ut", "korningar": []})"), "\"korningar\" ska vara"));
  EXPECT_TRUE(contains(errorOf(R"({"utdata": "ut", "utdta": 1, "korningar": [)" + run + "]}"),
                       "\"utdta\" är ingen känd nyckel"));
  EXPECT_TRUE(contains(
      errorOf(
          R"({"utdata": "ut", "korningar": [{"config": "konfig/namnd.json", "period": "2025-10"}]})"),
      "\"korningar[1].period\" ska vara en månad ÅÅÅÅMM"));
  EXPECT_TRUE(contains(errorOf(R"({"utdata": "ut", "korningar": [)" + run +
                               R"(, {"config": "saknas.json", "period": "202510"}]})"),
                       "\"korningar[2].config\" pekar på"));
  EXPECT_TRUE(contains(
      errorOf(
          R"({"utdata": "ut", "korningar": [{"config": "konfig/namnd.json", "period": "202510", "rapport": []}]})"),
      "\"korningar[1].rapport\" är ingen känd nyckel"));
  EXPECT_TRUE(contains(
      errorOf(
          R"({"utdata": "ut", "korningar": [{"config": "konfig/namnd.json", "period": "202510", "rapporter": ["x"]}]})"),
      "\"korningar[1].rapporter[1]\" \"x\" är ingen känd rapport"));
  // The same files twice: halvarsrapport in a June run is the delårsrapport per 30 June.
  EXPECT_TRUE(contains(
      errorOf(
          R"({"utdata": "ut", "korningar": [{"config": "konfig/namnd.json", "period": "202506", "rapporter": ["delarsrapport", "kontroll", "halvarsrapport"]}]})"),
      "\"korningar[1].rapporter[3]\" delarsrapport-20250630 finns två gånger bland körningens "
      "rapporter"));
  EXPECT_TRUE(contains(errorOf(R"({"utdata": "ut", "pdf": "ja", "korningar": [)" + run + "]}"),
                       "\"pdf\" ska vara true eller false"));
  EXPECT_TRUE(
      contains(errorOf(R"({"utdata": "ut", "korningar": [)" + run + "]}x"), "ogiltig JSON"));
}

TEST(FolderName, KeepsSwedishNamesAndDropsWhatFileSystemsRefuse) {
  EXPECT_EQ(folderName("Socialnämnden"), "Socialnämnden");
  EXPECT_EQ(folderName("Vård- och omsorgsnämnden"), "Vård- och omsorgsnämnden");
  EXPECT_EQ(folderName("Bygg/miljö: nämnd?"), "Bygg-miljö- nämnd-");
  EXPECT_EQ(folderName(" ..Kommun. "), "Kommun");
  EXPECT_EQ(folderName(".."), "namnlos");
  EXPECT_EQ(folderName(std::string("a\nb\x01")), "a-b-");
}

TEST(RunPlan, EachReportGetsItsSingleCommandLine) {
  RunConfig config;
  config.configPath = "/k/namnd.json";
  config.kommun = "Exempelby kommun";
  config.namnd = "Socialnämnden";
  const auto plan =
      planRun(config, Period(2025, 10),
              requests(R"(["manadsrapport", "prognosunderlag", "halvarsrapport", "avvikelser",
                   {"rapport": "nyckeltal", "perioder": ["202412", "202510"], "matt": ["a", "b"]}])"),
              "/ut", /*pdf=*/true, "jobb.json");
  EXPECT_EQ(plan.folder, std::filesystem::path("/ut/Exempelby kommun/Socialnämnden/202510"));
  ASSERT_EQ(plan.reports.size(), 5u);
  const std::vector<std::string> common = {"--config", "/k/namnd.json", "--ut",
                                           "/ut/Exempelby kommun/Socialnämnden/202510"};
  const auto expect = [&](std::size_t i, const std::string& id, const std::string& command,
                          std::vector<std::string> rest) {
    std::vector<std::string> args = common;
    args.insert(args.end(), rest.begin(), rest.end());
    EXPECT_EQ(plan.reports[i].id, id);
    EXPECT_EQ(plan.reports[i].command, command);
    EXPECT_EQ(plan.reports[i].args, args) << id;
  };
  expect(0, "manadsrapport-202510", "manadsrapport", {"--period", "202510", "--pdf"});
  // The prognosunderlag has no page to print.
  expect(1, "prognosunderlag-202510", "prognosunderlag", {"--period", "202510"});
  expect(2, "delarsrapport-20250630", "delarsrapport", {"--per", "2025-06-30", "--pdf"});
  expect(3, "avvikelser-2025H1", "avvikelser", {"--period", "2025H1", "--pdf"});
  expect(4, "nyckeltal-202510", "nyckeltal",
         {"--period", "202412,202510", "--format", "xlsx,html", "--matt", "a,b", "--pdf"});
}

TEST(RunPlan, TheSameReportTwiceIsAnError) {
  RunConfig config;
  config.kommun = "K";
  config.namnd = "N";
  const auto error = thrown<ConfigError>([&] {
    planRun(config, Period(2025, 6),
            requests(R"(["halvarsrapport", {"rapport": "delarsrapport", "per": "2025-06-30"}])"),
            "/ut", false, "jobb.json");
  });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "delarsrapport-20250630 finns två gånger"));
}

TEST(LastClosedMonth, IsTheLatestLedgerMonthBeforeTheCurrentMonth) {
  ImportSummary ledger{.kind = SourceKind::Huvudbok};
  ledger.periodTotals = {{202509, 10, 100}, {202510, 12, 5}, {202511, 3, 1}};
  ImportSummary budget{.kind = SourceKind::Budget};
  budget.periodTotals = {{202512, 1, 1}};
  EXPECT_EQ(lastClosedMonth({ledger, budget}, Period(2025, 11)), Period(2025, 10));
  // Early postings of the new month do not make it closed; a budget row is not the ledger.
  EXPECT_EQ(lastClosedMonth({ledger, budget}, Period(2026, 1)), Period(2025, 11));
  EXPECT_EQ(lastClosedMonth({ledger}, Period(2025, 9)), std::nullopt);
  EXPECT_EQ(lastClosedMonth({budget}, Period(2026, 6)), std::nullopt);
}

}  // namespace
}  // namespace namnd
