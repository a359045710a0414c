// What a batch run remembers and reports: the run record in each run folder, the inputs'
// fingerprint, the run result a child hands back, and the child processes themselves.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>

#include "batch/child_processes.hpp"
#include "batch/report_inputs.hpp"
#include "batch/run_lanes.hpp"
#include "batch/run_result.hpp"
#include "core/run_record.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::contains;
using testing::readFile;
using testing::TempDir;
using testing::writeFile;

TEST(RunRecord, RoundTripsAndReplacesAReportById) {
  RunRecord record{
      .kommun = "Exempelby kommun", .namnd = "Socialnämnden", .period = Period(2025, 10)};
  record.put({.id = "manadsrapport-202510",
              .fingerprint = "aa",
              .inputs = {{"huvudbok h.csv", "11"}},
              .files = {{"manadsrapport-202510.xlsx", "22"}},
              .warnings = 3});
  record.put({.id = "kontroll-202510", .fingerprint = "bb"});
  record.put({.id = "manadsrapport-202510", .fingerprint = "cc"});
  ASSERT_EQ(record.reports.size(), 2u);
  EXPECT_EQ(record.find("manadsrapport-202510")->fingerprint, "cc");
  const auto back = parseRunRecord(runRecordJson(record));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->kommun, "Exempelby kommun");
  EXPECT_EQ(back->period, Period(2025, 10));
  ASSERT_EQ(back->reports.size(), 2u);
  EXPECT_EQ(back->reports[0].fingerprint, "cc");
  record.remove("kontroll-202510");
  EXPECT_EQ(record.find("kontroll-202510"), nullptr);
  EXPECT_FALSE(parseRunRecord("{"));
  EXPECT_FALSE(parseRunRecord(R"({"format": 2, "kommun": "K", "namnd": "N", "period": "202510"})"));
}

TEST(InputHasher, AFolderChangesWithItsFilesButNotWithLockFiles) {
  TempDir dir;
  writeFile(dir / "underlag" / "a.xlsx", "a");
  writeFile(dir / "underlag" / "b.xlsx", "b");
  const auto hashNow = [&] { return InputHasher().hash(dir / "underlag"); };
  const std::string before = hashNow();
  writeFile(dir / "underlag" / "~$a.xlsx", "lås");
  writeFile(dir / "underlag" / ".tmp-1", "x");
  EXPECT_EQ(hashNow(), before);
  writeFile(dir / "underlag" / "b.xlsx", "B");
  const std::string changed = hashNow();
  EXPECT_NE(changed, before);
  std::filesystem::rename(dir / "underlag" / "b.xlsx", dir / "underlag" / "c.xlsx");
  EXPECT_NE(hashNow(), changed);  // a renamed workbook is another input
  EXPECT_EQ(InputHasher().hash(dir / "finns-inte.csv"), "saknas");
  EXPECT_EQ(InputHasher().hash(dir / "underlag" / "a.xlsx"),
            // SHA-256 of "a", computed independently (sha256sum).
            "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
}

TEST(Fingerprint, NamesWhatChanged) {
  const std::vector<RecordedFile> before = {
      {"konfigurationen n.json", "1"}, {"huvudbok h.csv", "2"}, {"kommentarer k.md", "3"}};
  std::vector<RecordedFile> now = before;
  EXPECT_EQ(fingerprintOf(now), fingerprintOf(before));
  EXPECT_TRUE(changedInputs(before, now).empty());
  now[1].sha256 = "9";
  now.pop_back();
  now.push_back({"budget b.csv", "4"});
  EXPECT_NE(fingerprintOf(now), fingerprintOf(before));
  EXPECT_EQ(changedInputs(before, now),
            (std::vector<std::string>{"huvudbok h.csv", "budget b.csv", "kommentarer k.md"}));
  // The same hashes under other names are other inputs.
  EXPECT_NE(fingerprintOf({{"a", "1"}}), fingerprintOf({{"b", "1"}}));
}

TEST(RunResult, RoundTripsAsJsonAndSummarises) {
  RunResult run{.config = "sn.json",
                .kommun = "K",
                .namnd = "N",
                .period = "202510",
                .folder = "/ut/K/N/202510",
                .inputs = {{"huvudbok h.csv", "ab"}},
                .seconds = 2.26};
  run.reports.push_back({.id = "manadsrapport-202510",
                         .status = ReportStatus::Made,
                         .files = {"manadsrapport-202510.xlsx"},
                         .warnings = 2,
                         .failedChecks = {"Avstämning: 1 kr saknas"},
                         .changedInputs = {"huvudbok h.csv"},
                         .seconds = 1.5});
  run.reports.push_back({.id = "kontroll-202510", .status = ReportStatus::Skipped});
  const auto back = parseRunResult(runResultJson(run));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->label(), "K · N · 202510");
  ASSERT_EQ(back->reports.size(), 2u);
  EXPECT_EQ(back->reports[0].failedChecks, run.reports[0].failedChecks);
  EXPECT_EQ(back->reports[1].status, ReportStatus::Skipped);
  EXPECT_TRUE(back->succeeded());

  RunResult failed{.config = "nordby.json",
                   .period = "202510",
                   .error = "Fel i indata: huvudbok.csv: kolumnen belopp saknas"};
  const std::string text = summaryText("Körning X", {*back, failed}, 3.0);
  EXPECT_TRUE(contains(text, "Körning X: 2 körningar, 1 misslyckades (3,0 s)"));
  EXPECT_TRUE(contains(text, "OK   K · N · 202510 (2,3 s)"));
  EXPECT_TRUE(contains(text, "FEL  nordby.json · 202510"));
  EXPECT_TRUE(contains(text, "kontrollerna: 2 varningar, 1 fel"));
  EXPECT_TRUE(contains(text, "ändrat sedan förra körningen: huvudbok h.csv"));
  EXPECT_TRUE(contains(text, "Rapporter: 1 gjorda, 1 oförändrade, 0 misslyckade."));
  EXPECT_FALSE(parseRunResult("inte json"));
}

TEST(RunLanes, RunsSharingAStoreOrAFolderGoOneAfterAnother) {
  // 0 and 2 share a store, 2 and 3 a folder (so 0, 2 and 3 are one lane); 1 and 4 are alone.
  const auto lanes = lanesByKeys({{"lager a", "mapp K/N"},
                                  {"lager b", "mapp K/M"},
                                  {"lager a", "mapp L/N"},
                                  {"lager c", "mapp L/N"},
                                  {"konfiguration trasig.json"}});
  ASSERT_EQ(lanes.size(), 5u);
  EXPECT_EQ(lanes[0], lanes[2]);
  EXPECT_EQ(lanes[2], lanes[3]);
  EXPECT_NE(lanes[0], lanes[1]);
  EXPECT_NE(lanes[1], lanes[4]);
  EXPECT_NE(lanes[0], lanes[4]);
  // A run that joins two lanes late (its keys seen in both) merges them.
  const auto merged = lanesByKeys({{"x"}, {"y"}, {"x", "y"}});
  EXPECT_EQ(merged[0], merged[1]);
}

TEST(ReportInputs, ChromiumCountsWhereAPdfIsWanted) {
  TempDir dir;
  RunConfig config;
  config.configPath = dir / "namnd.json";
  config.templatesDir = dir / "mallar";
  PlannedReport report{.id = "kontroll-202510", .command = "kontroll", .printable = true};
  report.request.kind = ReportKind::Kontroll;
  const auto chromiumInput = [&] {
    InputHasher hasher;
    for (const RecordedFile& input : reportInputs(config, report, hasher))
      if (input.name == "Chromium") return input.sha256;
    return std::string("ingen");
  };
  const char* path = std::getenv("PATH");
  const std::string savedPath = path ? path : "";
  ::setenv("PATH", (dir / "tom").c_str(), 1);
  EXPECT_EQ(chromiumInput(), "ingen");  // no PDF asked for
  config.pdf = true;
  EXPECT_EQ(chromiumInput(), "saknas");
  // Once Chromium is installed the input changes, so the report is made again with its PDF.
  writeFile(dir / "tom" / "chromium", "#!/bin/sh\n");
  std::filesystem::permissions(dir / "tom" / "chromium", std::filesystem::perms::owner_all);
  const std::string installed = chromiumInput();
  ::setenv("PATH", savedPath.c_str(), 1);
  EXPECT_NE(installed, "saknas");
  EXPECT_NE(installed, "ingen");
  report.printable = false;  // the prognosunderlag has no page
  EXPECT_EQ(chromiumInput(), "ingen");
}

// Runs `sh -c script` tasks; each appends its name to a shared file when it starts and ends.
class ChildProcesses : public ::testing::Test {
 protected:
  ChildTask task(const std::string& name, const std::string& lane, const std::string& body) {
    const std::string trace = (dir_ / "spår").string();
    return {.args = {"-c", "echo start " + name + " >> '" + trace + "'; " + body +
                               "; s=$?; echo slut " + name + " >> '" + trace + "'; exit $s"},
            .lane = lane,
            .log = dir_ / (name + ".log")};
  }
  TempDir dir_;
};

TEST_F(ChildProcesses, RunsLanesOneAtATimeAndReportsEachEnd) {
  const std::vector<ChildTask> tasks = {task("a1", "a", "sleep 0.3; echo hej"),
                                        task("b1", "b", "exit 3"), task("a2", "a", "true"),
                                        task("c1", "c", "kill -9 $$")};
  std::vector<int> codes(tasks.size(), -1);
  std::vector<std::string> descriptions(tasks.size());
  std::vector<std::size_t> started;
  runChildren(
      "/bin/sh", tasks, 2, [&](std::size_t i) { started.push_back(i); },
      [&](std::size_t i, const ChildEnd& end) {
        codes[i] = end.exitCode;
        descriptions[i] = end.description;
      });
  EXPECT_EQ(codes, (std::vector<int>{0, 3, 0, 128 + 9}));
  EXPECT_TRUE(descriptions[0].empty());
  EXPECT_TRUE(contains(descriptions[3], "signal 9"));
  EXPECT_EQ(readFile(dir_ / "a1.log"), "hej\n");
  // Lane a: a2 starts only after a1 has ended, although a worker was free before.
  const std::string trace = readFile(dir_ / "spår");
  EXPECT_LT(trace.find("slut a1"), trace.find("start a2")) << trace;
  EXPECT_EQ(started.size(), 4u);
}

TEST_F(ChildProcesses, AtMostTheWorkersRunAtOnce) {
  std::vector<ChildTask> tasks;
  for (int i = 0; i < 4; ++i)
    tasks.push_back(task("t" + std::to_string(i), "lane" + std::to_string(i), "sleep 0.2"));
  int running = 0, most = 0;
  runChildren(
      "/bin/sh", tasks, 2, [&](std::size_t) { most = std::max(most, ++running); },
      [&](std::size_t, const ChildEnd&) { --running; });
  EXPECT_EQ(most, 2);
}

TEST_F(ChildProcesses, AProgramThatCannotStartEndsItsTask) {
  ChildEnd end;
  runChildren(
      dir_ / "finns-inte", {task("x", "x", "true")}, 1, [](std::size_t) {},
      [&](std::size_t, const ChildEnd& e) { end = e; });
  EXPECT_EQ(end.exitCode, 127);
  EXPECT_TRUE(contains(end.description, "kunde inte starta")) << end.description;
}

}  // namespace
}  // namespace namnd
