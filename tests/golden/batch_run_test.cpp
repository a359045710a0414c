// The acceptance test of batch runs (issue 11, point 6): `namnd kor --jobb` over three nämnder in
// two kommuner (the example kommun's Socialnämnd and Äldrenämnd, and a Nordby Socialnämnd whose
// 2025 ledger is broken). The broken run is reported with its error and a non-zero exit code while
// the good runs write the same bytes as the single-report commands; a second run skips what is
// made; a changed comments file re-makes only the reports that read it; --torrkorning writes
// nothing; a bad job file is a Swedish error naming the file and the key, before anything is
// written; `kor --config` makes the reports the config lists.
//
// The kommun is laid out and the first batch run made once for the suite. Each test leaves the
// reports consistent with the inputs (the comments test ends with --tvinga), so the tests do not
// depend on each other's order.

#include <gtest/gtest.h>

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/SHA2Engine.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;
using testing::contains;
using testing::layOutExampleKommun;
using testing::mentions;
using testing::readFile;
using testing::runNamnd;
using testing::TempDir;
using testing::writeFile;

constexpr const char* kExempelby = "Exempelby kommun";
constexpr const char* kNordby = "Nordby kommun";
constexpr const char* kSocial = "Socialnämnden";
constexpr const char* kAldre = "Äldrenämnden";
constexpr const char* kBrokenLedger = "huvudbok-2025-trasig.csv";

// The report set of every run in the job, and the ids and files the single commands give them.
constexpr const char* kJobReports =
    R"(["manadsrapport", "kontroll", {"rapport": "delarsrapport", "per": "2025-08-31"},
        {"rapport": "avvikelser", "period": "2025H1"}])";
const std::vector<std::string> kReportIds = {"manadsrapport-202510", "kontroll-202510",
                                             "delarsrapport-20250831", "avvikelser-2025H1"};

std::vector<std::string> filesOf(const std::string& id) { return {id + ".xlsx", id + ".html"}; }

std::vector<std::string> allReportFiles() {
  std::vector<std::string> files;
  for (const std::string& id : kReportIds)
    for (const std::string& file : filesOf(id)) files.push_back(file);
  return files;
}

struct NamndConfig {
  std::string file;  // in data/exempel/
  std::string kommun;
  std::string namnd;
};

const std::vector<NamndConfig> kConfigs = {{"exempelby-sn.json", kExempelby, kSocial},
                                           {"exempelby-an.json", kExempelby, kAldre},
                                           {"nordby-sn.json", kNordby, kSocial}};
const std::vector<NamndConfig> kGoodConfigs = {kConfigs[0], kConfigs[1]};

Object::Ptr parseObject(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Object::Ptr>();
}

std::string sha256Of(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// Every regular file under `folder` with its bytes and last-write time.
using Snapshot = std::map<fs::path, std::pair<std::string, fs::file_time_type>>;
Snapshot snapshot(const fs::path& folder) {
  Snapshot files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file())
      files[entry.path()] = {readFile(entry.path()), fs::last_write_time(entry.path())};
  return files;
}

std::set<fs::path> filesIn(const fs::path& folder) {
  std::set<fs::path> files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) files.insert(entry.path());
  return files;
}

std::string replacedOnce(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "\"" << from << "\" is not in the text";
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "\"" << from << "\" is there twice";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A batch (or single) `kor` run: what it printed, and the summary JSON it wrote (null if it
// wrote no new one).
struct BatchOutcome {
  testing::RunResult run;
  Object::Ptr summary;
  std::string summaryFile;
};

BatchOutcome runKor(const std::vector<std::string>& args, const fs::path& outputRoot) {
  const std::set<fs::path> before = filesIn(outputRoot / "logg");
  BatchOutcome outcome{.run = runNamnd(args)};
  for (const fs::path& file : filesIn(outputRoot / "logg"))
    if (!before.contains(file) && file.extension() == ".json") {
      EXPECT_FALSE(outcome.summary) << "more than one new summary: " << file;
      outcome.summaryFile = file.string();
      outcome.summary = parseObject(readFile(file));
    }
  return outcome;
}

// The summary's run of one nämnd (null if there is none, or more than one).
Object::Ptr runOf(const Object::Ptr& summary, const std::string& kommun, const std::string& namnd) {
  Object::Ptr found;
  if (!summary) return found;
  const Array::Ptr runs = summary->getArray("korningar");
  int matches = 0;
  for (unsigned i = 0; runs && i < runs->size(); ++i) {
    const Object::Ptr run = runs->getObject(i);
    if (run->getValue<std::string>("kommun") == kommun &&
        run->getValue<std::string>("namnd") == namnd) {
      found = run;
      ++matches;
    }
  }
  return matches == 1 ? found : nullptr;
}

// id → the report's entry in a run of the summary.
std::map<std::string, Object::Ptr> reportsOf(const Object::Ptr& run) {
  std::map<std::string, Object::Ptr> reports;
  if (!run) return reports;
  const Array::Ptr list = run->getArray("rapporter");
  for (unsigned i = 0; list && i < list->size(); ++i)
    reports[list->getObject(i)->getValue<std::string>("id")] = list->getObject(i);
  return reports;
}

std::vector<std::string> texts(const Object::Ptr& object, const std::string& key) {
  std::vector<std::string> values;
  const Array::Ptr list = object->getArray(key);
  for (unsigned i = 0; list && i < list->size(); ++i)
    values.push_back(list->getElement<std::string>(i));
  return values;
}

// id → status of every report of the nämnd's run in the summary.
std::map<std::string, std::string> statusesOf(const Object::Ptr& summary,
                                              const NamndConfig& config) {
  std::map<std::string, std::string> statuses;
  for (const auto& [id, report] : reportsOf(runOf(summary, config.kommun, config.namnd)))
    statuses[id] = report->getValue<std::string>("status");
  return statuses;
}

std::map<std::string, std::string> allWithStatus(const std::string& status) {
  std::map<std::string, std::string> statuses;
  for (const std::string& id : kReportIds) statuses[id] = status;
  return statuses;
}

// The line of the printed summary that names the nämnd's run ("OK   Exempelby kommun · …").
std::string runLine(const std::string& output, const NamndConfig& config) {
  const std::string label = config.kommun + " · " + config.namnd + " · 202510";
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);)
    if (contains(line, label) && (line.starts_with("OK") || line.starts_with("FEL"))) return line;
  return "";
}

// The single command that makes the report `id` of the job's set.
std::vector<std::string> singleCommand(const std::string& id, const fs::path& config,
                                       const fs::path& out) {
  const std::vector<std::string> common = {"--config", config.string(), "--ut", out.string()};
  std::vector<std::string> args;
  if (id == "manadsrapport-202510") args = {"manadsrapport", "--period", "202510"};
  if (id == "kontroll-202510") args = {"kontroll", "--period", "202510"};
  if (id == "delarsrapport-20250831") args = {"delarsrapport", "--per", "2025-08-31"};
  if (id == "avvikelser-2025H1") args = {"avvikelser", "--period", "2025H1"};
  args.insert(args.begin() + 1, common.begin(), common.end());
  return args;
}

class BatchRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = std::make_unique<TempDir>();
    const testing::RunResult laidOut = layOutExampleKommun(root_->path());
    if (laidOut.exitCode != 0) {
      setupProblem_ = "exempeldata failed: " + laidOut.output;
      return;
    }
    setupProblem_ = writeConfigs();
    if (!setupProblem_.empty()) return;
    writeFile(jobFile(), R"({"_kommentar": "tre nämnder i två kommuner", "utdata": "../../utdata",
      "korningar": [
        {"config": "exempelby-sn.json", "period": "202510", "rapporter": )" +
                             std::string(kJobReports) + R"(},
        {"config": "exempelby-an.json", "period": "202510", "rapporter": )" +
                             kJobReports + R"(},
        {"config": "nordby-sn.json", "period": "202510", "rapporter": )" +
                             kJobReports + "}]}");
    first_ = std::make_unique<BatchOutcome>(runKor(jobArgs({}), utdata()));
    if (!first_->summary) setupProblem_ = "the first batch wrote no summary: " + first_->run.output;
  }

  static void TearDownTestSuite() {
    first_.reset();
    root_.reset();
  }

  void SetUp() override { ASSERT_EQ(setupProblem_, "") << "the suite's setup failed"; }

  // From the example's namnd.json: each nämnd its own kommun, nämnd and store, the reports
  // "kor --config" makes and its own output folder; Nordby's 2025 ledger a copy whose amount
  // column has a header no one knows, so that the file cannot be used at all.
  // Returns what went wrong, or "".
  static std::string writeConfigs() {
    const std::string ledger = readFile(exempel() / "genererat" / "huvudbok-2025.csv");
    const std::string header = ledger.substr(0, ledger.find('\n'));
    if (!contains(header, ";Belopp;")) return "the ledger's header has no Belopp: " + header;
    writeFile(exempel() / "genererat" / kBrokenLedger,
              replacedOnce(ledger, ";Belopp;", ";Okänd kolumn;"));

    for (const NamndConfig& config : kConfigs) {
      Object::Ptr json = parseObject(readFile(exempel() / "namnd.json"));
      json->set("kommun", config.kommun);
      json->set("namnd", config.namnd);
      json->set("lager", "sqlite:../../lager/" + fs::path(config.file).stem().string() + ".sqlite");
      json->set("utdata", "../../ensam");
      Array::Ptr reports = new Array;
      reports->add(std::string("manadsrapport"));
      reports->add(std::string("kontroll"));
      json->set("rapporter", reports);
      if (config.kommun == kNordby) {
        const Array::Ptr ledgers = json->getArray("huvudbok");
        bool replaced = false;
        Array::Ptr broken = new Array;
        for (unsigned i = 0; ledgers && i < ledgers->size(); ++i) {
          const bool is2025 = ledgers->get(i).isString() &&
                              ledgers->getElement<std::string>(i) == "genererat/huvudbok-2025.csv";
          if (is2025)
            broken->add("genererat/" + std::string(kBrokenLedger));
          else
            broken->add(ledgers->get(i));
          replaced = replaced || is2025;
        }
        if (!replaced) return "namnd.json no longer lists genererat/huvudbok-2025.csv";
        json->set("huvudbok", broken);
      }
      std::ostringstream text;
      Poco::JSON::Stringifier::stringify(json, text, 2);
      writeFile(exempel() / config.file, text.str());
    }
    return "";
  }

  static fs::path root() { return fs::canonical(root_->path()); }
  static fs::path exempel() { return root() / "data" / "exempel"; }
  static fs::path jobFile() { return exempel() / "jobb-tre-namnder.json"; }
  static fs::path utdata() { return root() / "utdata"; }
  static fs::path configPath(const NamndConfig& config) {
    return fs::weakly_canonical(exempel() / config.file);
  }
  static fs::path runFolder(const NamndConfig& config, const fs::path& outputRoot = utdata()) {
    return outputRoot / config.kommun / config.namnd / "202510";
  }
  static std::vector<std::string> jobArgs(std::vector<std::string> extra) {
    std::vector<std::string> args = {"kor", "--jobb", jobFile().string(), "--jobb-tradar", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  // The report files of the good runs with their bytes and last-write times.
  static Snapshot goodReports() {
    Snapshot files;
    for (const NamndConfig& config : kGoodConfigs)
      for (const std::string& name : allReportFiles()) {
        const fs::path file = runFolder(config) / name;
        if (fs::exists(file)) files[file] = {readFile(file), fs::last_write_time(file)};
      }
    return files;
  }

  static inline std::unique_ptr<TempDir> root_;
  static inline std::unique_ptr<BatchOutcome> first_;
  static inline std::string setupProblem_;
};

TEST_F(BatchRun, BrokenLedgerAloneMakesTheSingleCommandFail) {
  const fs::path out = root() / "enskilda" / "nordby";
  const auto run = runNamnd({"manadsrapport", "--config", configPath(kConfigs[2]).string(),
                             "--period", "202510", "--ut", out.string()});
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(mentions(run.output, {"Fel i indata", kBrokenLedger, "saknas"}));
  EXPECT_TRUE(filesIn(out).empty());
}

TEST_F(BatchRun, FirstRunFailsOnlyTheNamndWithTheBrokenLedger) {
  const BatchOutcome& first = *first_;
  EXPECT_EQ(first.run.exitCode, 1) << first.run.output;

  // The printed summary: Nordby failed with its file named, the others OK.
  EXPECT_TRUE(runLine(first.run.output, kConfigs[2]).starts_with("FEL")) << first.run.output;
  EXPECT_TRUE(contains(first.run.output, kBrokenLedger)) << first.run.output;
  for (const NamndConfig& config : kGoodConfigs)
    EXPECT_TRUE(runLine(first.run.output, config).starts_with("OK")) << first.run.output;

  // The summary JSON says the same.
  ASSERT_TRUE(first.summary);
  EXPECT_EQ(first.summary->getArray("korningar")->size(), 3u);
  const Object::Ptr nordby = runOf(first.summary, kNordby, kSocial);
  ASSERT_TRUE(nordby) << first.summaryFile;
  EXPECT_FALSE(nordby->getValue<bool>("lyckades"));
  EXPECT_TRUE(mentions(nordby->getValue<std::string>("fel"), {kBrokenLedger}));
  EXPECT_EQ(nordby->getValue<std::string>("config"), "nordby-sn.json");
  for (const auto& [id, report] : reportsOf(nordby))
    EXPECT_NE(report->getValue<std::string>("status"), "gjord") << id;

  for (const NamndConfig& config : kGoodConfigs) {
    SCOPED_TRACE(config.namnd);
    const Object::Ptr run = runOf(first.summary, config.kommun, config.namnd);
    ASSERT_TRUE(run) << first.summaryFile;
    EXPECT_TRUE(run->getValue<bool>("lyckades"));
    EXPECT_EQ(run->getValue<std::string>("fel"), "");
    EXPECT_EQ(run->getValue<std::string>("period"), "202510");
    EXPECT_TRUE(fs::equivalent(run->getValue<std::string>("mapp"), runFolder(config)));
    EXPECT_EQ(statusesOf(first.summary, config), allWithStatus("gjord"));
    for (const auto& [id, report] : reportsOf(run)) {
      EXPECT_EQ(texts(report, "filer"), filesOf(id)) << id;
      EXPECT_EQ(report->getValue<std::string>("fel"), "") << id;
    }
    // Its inputs with their hashes: the comments file's is the SHA-256 of its bytes.
    std::string commentsHash;
    const Array::Ptr inputs = run->getArray("indata");
    for (unsigned i = 0; inputs && i < inputs->size(); ++i)
      if (contains(inputs->getObject(i)->getValue<std::string>("namn"), "kommentarer-2025.md"))
        commentsHash = inputs->getObject(i)->getValue<std::string>("sha256");
    EXPECT_EQ(commentsHash, sha256Of(readFile(exempel() / "kommentarer-2025.md")));
  }

  // Nordby's folder holds no report; the gallery page and the log show the runs.
  for (const fs::path& file : filesIn(utdata() / kNordby))
    EXPECT_TRUE(file.extension() != ".xlsx" && file.extension() != ".html") << file;
  const std::string gallery = readFile(utdata() / "index.html");
  EXPECT_TRUE(contains(gallery,
                       "Exempelby%20kommun/Socialn%C3%A4mnden/202510/"
                       "manadsrapport-202510.html"));
  EXPECT_TRUE(contains(gallery,
                       "Exempelby%20kommun/%C3%84ldren%C3%A4mnden/202510/"
                       "avvikelser-2025H1.xlsx"));
  fs::path log = first.summaryFile;
  log.replace_extension(".log");
  EXPECT_TRUE(contains(readFile(log), kBrokenLedger));
}

TEST_F(BatchRun, GoodRunsWriteTheSameBytesAsTheSingleReportCommands) {
  for (const NamndConfig& config : kGoodConfigs) {
    SCOPED_TRACE(config.namnd);
    const fs::path single = root() / "enskilda" / fs::path(config.file).stem();
    for (const std::string& id : kReportIds) {
      const auto run = runNamnd(singleCommand(id, configPath(config), single));
      ASSERT_EQ(run.exitCode, 0) << id << ": " << run.output;
    }
    for (const std::string& name : allReportFiles()) {
      ASSERT_TRUE(fs::exists(single / name)) << name;
      ASSERT_TRUE(fs::exists(runFolder(config) / name)) << name;
      EXPECT_TRUE(readFile(single / name) == readFile(runFolder(config) / name))
          << name << " differs between the batch and the single command";
    }
  }
}

TEST_F(BatchRun, ChangesRemakeOnlyTheReportsThatReadThem) {
  // A second run: nothing changed, so every report of the good runs is skipped, files untouched.
  const Snapshot before = goodReports();
  ASSERT_EQ(before.size(), 2 * allReportFiles().size());
  const BatchOutcome second = runKor(jobArgs({}), utdata());
  EXPECT_EQ(second.run.exitCode, 1) << second.run.output;
  ASSERT_TRUE(second.summary) << second.run.output;
  const Object::Ptr nordby = runOf(second.summary, kNordby, kSocial);
  ASSERT_TRUE(nordby) << second.summaryFile;
  EXPECT_FALSE(nordby->getValue<bool>("lyckades"));
  for (const NamndConfig& config : kGoodConfigs)
    EXPECT_EQ(statusesOf(second.summary, config), allWithStatus("oforandrad")) << config.namnd;
  EXPECT_TRUE(goodReports() == before) << "a skipped report's file was rewritten";
  // A skipped report still lists what its checks said when it was made.
  int warnings = 0;
  for (const NamndConfig& config : kGoodConfigs) {
    const auto made = reportsOf(runOf(first_->summary, config.kommun, config.namnd));
    for (const auto& [id, skipped] :
         reportsOf(runOf(second.summary, config.kommun, config.namnd))) {
      ASSERT_TRUE(made.contains(id)) << id;
      EXPECT_EQ(skipped->getValue<int>("varningar"), made.at(id)->getValue<int>("varningar")) << id;
      EXPECT_EQ(texts(skipped, "fel_i_kontroller"), texts(made.at(id), "fel_i_kontroller")) << id;
      warnings += skipped->getValue<int>("varningar");
    }
  }
  EXPECT_GT(warnings, 0) << "the example's reports have warnings; none were carried over";

  // The comments, read by the månadsrapport (202510) and the delårsrapport (202508): only those
  // two are made again, with the comments file named as the change, and show the new text.
  const fs::path comments = exempel() / "kommentarer-2025.md";
  const std::string original = readFile(comments);
  std::string edited = replacedOnce(original, "från och med juli", "från och med augusti");
  edited = replacedOnce(edited, "under semesterperioden", "under semesterveckorna");
  writeFile(comments, edited);
  const BatchOutcome third = runKor(jobArgs({}), utdata());
  EXPECT_EQ(third.run.exitCode, 1) << third.run.output;
  ASSERT_TRUE(third.summary) << third.run.output;
  const std::set<std::string> readComments = {"manadsrapport-202510", "delarsrapport-20250831"};
  for (const NamndConfig& config : kGoodConfigs) {
    SCOPED_TRACE(config.namnd);
    for (const auto& [id, report] : reportsOf(runOf(third.summary, config.kommun, config.namnd))) {
      const std::vector<std::string> changed = texts(report, "andrade_indata");
      if (readComments.contains(id)) {
        EXPECT_EQ(report->getValue<std::string>("status"), "gjord") << id;
        ASSERT_EQ(changed.size(), 1u) << id;
        EXPECT_TRUE(contains(changed.front(), "kommentarer-2025.md")) << changed.front();
      } else {
        EXPECT_EQ(report->getValue<std::string>("status"), "oforandrad") << id;
        for (const std::string& file : filesOf(id))
          EXPECT_TRUE(fs::last_write_time(runFolder(config) / file) ==
                      before.at(runFolder(config) / file).second)
              << file;
      }
    }
    EXPECT_EQ(statusesOf(third.summary, config).size(), kReportIds.size());
    EXPECT_TRUE(contains(readFile(runFolder(config) / "manadsrapport-202510.html"),
                         "från och med augusti"));
    EXPECT_TRUE(contains(readFile(runFolder(config) / "delarsrapport-20250831.html"),
                         "under semesterveckorna"));
  }

  // A report file edited by hand (or removed) is made again, and the summary says why.
  const fs::path edited_output = runFolder(kGoodConfigs[0]) / "kontroll-202510.html";
  writeFile(edited_output, readFile(edited_output) + "<!-- ändrad -->");
  const BatchOutcome fourth = runKor(jobArgs({}), utdata());
  const auto fourthReports =
      reportsOf(runOf(fourth.summary, kGoodConfigs[0].kommun, kGoodConfigs[0].namnd));
  ASSERT_TRUE(fourthReports.contains("kontroll-202510")) << fourth.run.output;
  EXPECT_EQ(fourthReports.at("kontroll-202510")->getValue<std::string>("status"), "gjord");
  EXPECT_EQ(texts(fourthReports.at("kontroll-202510"), "andrade_indata"),
            std::vector<std::string>{"utdatafilen kontroll-202510.html (ändrad eller borttagen)"});
  EXPECT_FALSE(contains(readFile(edited_output), "<!-- ändrad -->"));
  EXPECT_EQ(statusesOf(fourth.summary, kGoodConfigs[1]), allWithStatus("oforandrad"));

  // --tvinga makes everything again.
  const BatchOutcome forced = runKor(jobArgs({"--tvinga"}), utdata());
  EXPECT_EQ(forced.run.exitCode, 1) << forced.run.output;
  ASSERT_TRUE(forced.summary) << forced.run.output;
  for (const NamndConfig& config : kGoodConfigs)
    EXPECT_EQ(statusesOf(forced.summary, config), allWithStatus("gjord")) << config.namnd;
}

// A run that fails after earlier successful ones leaves their reports in place; the gallery says
// that the latest run failed, and stops saying so once a run succeeds again.
TEST_F(BatchRun, TheGalleryTellsWhenTheLatestRunOfAFolderFailed) {
  // The hr file loses its "typ" column: every run's import fails (the store keeps the earlier
  // import, and the restored bytes are that import again).
  const fs::path hr = exempel() / "genererat" / "hr-2025.csv";
  const std::string original = readFile(hr);
  const std::string failed = "senaste körningen misslyckades";
  writeFile(hr, replacedOnce(original, "period;ansvar;typ;timmar;belopp",
                             "period;ansvar;xyz;timmar;belopp"));
  const BatchOutcome broken = runKor(jobArgs({}), utdata());
  writeFile(hr, original);
  EXPECT_EQ(broken.run.exitCode, 1) << broken.run.output;
  const std::string page = readFile(utdata() / "index.html");
  for (const NamndConfig& config : kGoodConfigs) {
    const std::string caption =
        config.kommun + " · " + config.namnd + " · oktober 2025 — " + failed;
    EXPECT_TRUE(contains(page, caption)) << caption;
    EXPECT_TRUE(
        contains(readFile(runFolder(config) / ".namnd-korning.json"), "kommentarer-2025.md"));
  }
  EXPECT_EQ(goodReports().size(), 2 * allReportFiles().size()) << "the earlier reports stay";

  const BatchOutcome mended = runKor(jobArgs({}), utdata());
  EXPECT_EQ(mended.run.exitCode, 1) << mended.run.output;  // Nordby's ledger is still broken
  for (const NamndConfig& config : kGoodConfigs)
    EXPECT_EQ(statusesOf(mended.summary, config), allWithStatus("oforandrad")) << config.namnd;
  EXPECT_FALSE(contains(readFile(utdata() / "index.html"), failed));
}

// Two runs that would write the same report into the same folder (here two entries for one
// config and month) are refused before any run starts.
TEST_F(BatchRun, TwoRunsMayNotWriteTheSameReport) {
  const fs::path job = exempel() / "jobb-dubbel.json";
  writeFile(job, R"({"utdata": "../../dubbel", "korningar": [
      {"config": "exempelby-sn.json", "period": "202510", "rapporter": ["kontroll"]},
      {"config": "exempelby-an.json", "period": "202510", "rapporter": ["kontroll"]},
      {"config": "exempelby-sn.json", "period": "202510", "rapporter": ["manadsrapport", "kontroll"]}]})");
  const auto run = runNamnd({"kor", "--jobb", job.string()});
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(contains(run.output, "\"korningar[3]\" gör kontroll-202510")) << run.output;
  EXPECT_TRUE(contains(run.output, "som \"korningar[1]\" redan gör")) << run.output;
  EXPECT_FALSE(fs::exists(root() / "dubbel"));
}

TEST_F(BatchRun, DryRunWritesNothingAndSaysWhatWouldBeMade) {
  const Snapshot outputBefore = snapshot(utdata());
  const Snapshot storesBefore = snapshot(root() / "lager");
  ASSERT_FALSE(outputBefore.empty());

  // Made reports are unchanged; Nordby's, never made, would be made.
  const auto dry = runNamnd(jobArgs({"--torrkorning"}));
  const std::string nordby = "skulle göras: namnd manadsrapport --config " +
                             configPath(kConfigs[2]).string() + " --ut " +
                             runFolder(kConfigs[2]).string() + " --period 202510";
  EXPECT_TRUE(contains(dry.output, nordby)) << dry.output;
  EXPECT_FALSE(
      contains(dry.output, "namnd manadsrapport --config " + configPath(kConfigs[0]).string()))
      << dry.output;

  // With --tvinga every report of every run would be made, each with its command line.
  const auto forced = runNamnd(jobArgs({"--torrkorning", "--tvinga"}));
  for (const NamndConfig& config : kConfigs)
    for (const std::string& id : kReportIds) {
      std::vector<std::string> args = singleCommand(id, configPath(config), runFolder(config));
      std::string line = id + ": skulle göras: namnd";
      for (const std::string& arg : args) line += " " + arg;
      EXPECT_TRUE(contains(forced.output, line)) << line << "\n" << forced.output;
    }

  EXPECT_TRUE(snapshot(utdata()) == outputBefore) << "a dry run changed the output folder";
  EXPECT_TRUE(snapshot(root() / "lager") == storesBefore) << "a dry run changed a store";
  EXPECT_FALSE(fs::exists(runFolder(kConfigs[2])));
}

TEST_F(BatchRun, OneNamndMakesTheReportsItsConfigLists) {
  const fs::path ensam = root() / "ensam";  // the config's "utdata"
  const BatchOutcome run =
      runKor({"kor", "--config", configPath(kConfigs[0]).string(), "--period", "202510"}, ensam);
  EXPECT_EQ(run.run.exitCode, 0) << run.run.output;
  ASSERT_TRUE(run.summary) << run.run.output;
  EXPECT_EQ(statusesOf(run.summary, kConfigs[0]),
            (std::map<std::string, std::string>{{"manadsrapport-202510", "gjord"},
                                                {"kontroll-202510", "gjord"}}));
  const fs::path folder = runFolder(kConfigs[0], ensam);
  std::set<std::string> reports;
  for (const auto& entry : fs::directory_iterator(folder))
    if (!entry.path().filename().string().starts_with("."))
      reports.insert(entry.path().filename().string());
  EXPECT_EQ(reports,
            (std::set<std::string>{"manadsrapport-202510.xlsx", "manadsrapport-202510.html",
                                   "kontroll-202510.xlsx", "kontroll-202510.html"}));
  for (const std::string& name : reports)
    EXPECT_TRUE(readFile(folder / name) == readFile(runFolder(kConfigs[0]) / name))
        << name << " differs from the job's";
}

// The job file is checked before anything runs: each error is Swedish, names the file and the key,
// and leaves the output folder unwritten. Needs only config files that exist (a run that wrongly
// starts finds nothing to import: the configs name no store or input).
class BatchJobFile : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const NamndConfig& config : kConfigs)
      writeFile(dir_ / config.file,
                R"({"kommun": ")" + config.kommun + R"(", "namnd": ")" + config.namnd + R"("})");
  }

  void expectRefused(const std::string& json, const std::vector<std::string>& fragments) {
    const fs::path job = dir_ / "jobb-med-fel.json";
    writeFile(job, json);
    const auto run = runNamnd({"kor", "--jobb", job.string(), "--jobb-tradar", "2"});
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_TRUE(contains(run.output, job.string())) << run.output;
    for (const std::string& fragment : fragments)
      EXPECT_TRUE(contains(run.output, fragment)) << fragment << "\n" << run.output;
    EXPECT_FALSE(fs::exists(dir_ / "utdata")) << "written under utdata: " << run.output;
    fs::remove_all(dir_ / "utdata");
  }

  static inline const std::string kGoodRun =
      R"({"config": "exempelby-sn.json", "period": "202510"})";
  TempDir dir_;
};

TEST_F(BatchJobFile, UnknownTopLevelKey) {
  expectRefused(R"({"utdata": "utdata", "utdatamapp": "x", "korningar": [)" + kGoodRun + "]}",
                {"\"utdatamapp\"", "ingen känd nyckel"});
}

TEST_F(BatchJobFile, PeriodThatIsNotAMonth) {
  expectRefused(R"({"utdata": "utdata", "korningar": [)" + kGoodRun +
                    R"(, {"config": "exempelby-an.json", "period": "2025-10"}]})",
                {"\"korningar[2].period\"", "2025-10", "ÅÅÅÅMM"});
}

TEST_F(BatchJobFile, UnknownReport) {
  expectRefused(R"({"utdata": "utdata", "korningar": [{"config": "exempelby-sn.json",
                    "period": "202510", "rapporter": ["manadsrapport", "manadsrapprt"]}]})",
                {"\"korningar[1].rapporter[2]\"", "manadsrapprt", "ingen känd rapport"});
}

TEST_F(BatchJobFile, ConfigThatDoesNotExist) {
  expectRefused(R"({"utdata": "utdata", "korningar": [)" + kGoodRun +
                    R"(, {"config": "finns-inte.json", "period": "202510"}]})",
                {"\"korningar[2].config\"", "finns-inte.json", "inte finns"});
}

TEST_F(BatchJobFile, NoRuns) {
  expectRefused(R"({"utdata": "utdata", "korningar": []})", {"\"korningar\"", "ska vara en lista"});
}

// Two entries that make the same report (and so the same files) are the job file's error, found
// before any run starts, like the other mistakes in it.
TEST_F(BatchJobFile, SameReportTwiceInOneRun) {
  expectRefused(R"({"utdata": "utdata", "korningar": [{"config": "nordby-sn.json",
                    "period": "202510", "rapporter": ["kontroll", "manadsrapport", "kontroll"]}]})",
                {"\"korningar[1].rapporter", "kontroll", "två gånger"});
}

}  // namespace
}  // namespace namnd
