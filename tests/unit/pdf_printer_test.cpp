// The PDF adapter's own logic, without Chromium: the command line it builds, where it looks for
// Chromium, what it says when there is none (an error for --pdf, a warning for the config's
// "pdf": true), and that a Chromium that fails, hangs or writes no PDF leaves the target as it was
// and no temp file or profile behind. A shell script stands in for Chromium.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <thread>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/pdf_output.hpp"
#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "render/pdf/chromium_locator.hpp"
#include "render/pdf/pdf_printer.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

void writeExecutable(const fs::path& file, const std::string& script) {
  testing::writeFile(file, script);
  fs::permissions(file, fs::perms::owner_all);
}

// The folder's entries other than `keep`, by name.
std::vector<std::string> othersIn(const fs::path& folder, const std::vector<std::string>& keep) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (std::find(keep.begin(), keep.end(), name) == keep.end()) names.push_back(name);
  }
  return names;
}

// PATH set for one test and restored after it.
class ScopedPath {
 public:
  explicit ScopedPath(const std::string& path) {
    if (const char* old = std::getenv("PATH")) old_ = old;
    ::setenv("PATH", path.c_str(), 1);
  }
  ~ScopedPath() { ::setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

TEST(PdfPrinter, FileUrlPercentEncodesSpacesAndNonAsciiBytes) {
  EXPECT_EQ(fileUrl("/tmp/Nämnd rapporter/a&b.html"),
            "file:///tmp/N%C3%A4mnd%20rapporter/a%26b.html");
  EXPECT_EQ(fileUrl("/ut/manadsrapport-202510.html"), "file:///ut/manadsrapport-202510.html");
}

TEST(PdfPrinter, CommandLinePrintsThePageHeadlessToTheGivenFileWithItsOwnProfile) {
  const std::vector<std::string> args =
      chromiumPrintArguments("/ut/rapport.html", "/ut/.rapport.pdf.tmp-1-0", "/tmp/profil");
  for (const char* flag :
       {"--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--generate-pdf-document-outline", "--print-to-pdf=/ut/.rapport.pdf.tmp-1-0",
        "--user-data-dir=/tmp/profil"})
    EXPECT_NE(std::find(args.begin(), args.end(), flag), args.end()) << flag;
  // The page comes last, after every flag.
  EXPECT_EQ(args.back(), "file:///ut/rapport.html");
}

TEST(ChromiumLocator, FindsChromiumBeforeGoogleChromeAndSkipsFilesThatCannotRun) {
  const testing::TempDir dir;
  const fs::path first = dir / "forsta";
  const fs::path second = dir / "andra";
  writeExecutable(first / "google-chrome", "#!/bin/sh\n");
  testing::writeFile(second / "chromium-browser", "inte körbar");  // no execute bit
  const std::string path = first.string() + ":" + second.string();
  EXPECT_EQ(findChromium(path), first / "google-chrome");

  writeExecutable(second / "chromium", "#!/bin/sh\n");
  EXPECT_EQ(findChromium(path), second / "chromium");  // Debian's name first, in any folder

  EXPECT_EQ(findChromium((dir / "ingenstans").string()), std::nullopt);
  EXPECT_EQ(findChromium(""), std::nullopt);
}

TEST(ChromiumLocator, MissingMessageSaysWhatToInstallInSwedish) {
  EXPECT_TRUE(
      testing::mentions(chromiumMissingMessage(),
                        {"Chromium", "chromium, chromium-browser, google-chrome",
                         "apt-get install chromium", "HTML- och Excel-filerna är skrivna"}));
}

class FakeChromium : public ::testing::Test {
 protected:
  FakeChromium() {
    testing::writeFile(page, "<!DOCTYPE html><html lang=\"sv\"><title>T</title></html>");
    testing::writeFile(pdf, "den förra PDF:en");
  }

  // A stand-in for Chromium: records its arguments, then runs `body` with $out = the path after
  // --print-to-pdf= and $profile = the path after --user-data-dir=.
  fs::path fake(const std::string& body) {
    const fs::path program = dir / "bin" / "chromium";
    writeExecutable(program, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + (dir / "args.txt").string() +
                                 "'\nfor a; do case \"$a\" in --print-to-pdf=*) out=${a#*=};; "
                                 "--user-data-dir=*) profile=${a#*=};; esac; done\n" +
                                 body + "\n");
    return program;
  }

  std::vector<std::string> recordedArguments() const {
    std::vector<std::string> lines;
    std::istringstream in(testing::readFile(dir / "args.txt"));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  // The target still holds the earlier PDF, and the report folder nothing but the page and it.
  void expectUntouched() const {
    EXPECT_EQ(testing::readFile(pdf), "den förra PDF:en");
    EXPECT_EQ(othersIn(reports, {"rapport.html", "rapport.pdf"}), std::vector<std::string>{});
  }

  testing::TempDir dir;
  fs::path reports = dir / "rapporter";
  fs::path page = reports / "rapport.html";
  fs::path pdf = reports / "rapport.pdf";
};

TEST_F(FakeChromium, APdfIsRenamedIntoPlaceAndTheProfileRemoved) {
  const fs::path chromium =
      fake("test -d \"$profile\" || exit 9\nprintf '%%PDF-1.4 ny' > \"$out\"\necho 'skrev'");
  printHtmlToPdf(chromium, page, pdf);
  EXPECT_EQ(testing::readFile(pdf), "%PDF-1.4 ny");
  EXPECT_EQ(othersIn(reports, {"rapport.html", "rapport.pdf"}), std::vector<std::string>{});
  const std::vector<std::string> args = recordedArguments();
  ASSERT_FALSE(args.empty());
  EXPECT_EQ(args.back(), fileUrl(fs::absolute(page)));
  const auto profileArg = std::find_if(args.begin(), args.end(), [](const std::string& a) {
    return a.starts_with("--user-data-dir=");
  });
  ASSERT_NE(profileArg, args.end());
  EXPECT_FALSE(fs::exists(profileArg->substr(std::string("--user-data-dir=").size())));
}

TEST_F(FakeChromium, AFailingChromiumLeavesTheTargetAsItWasAndSaysWhatChromiumSaid) {
  const fs::path chromium =
      fake("printf 'halv' > \"$out\"\necho 'kraschade i skrivaren' >&2\nexit 3");
  const auto error = testing::thrown<OutputError>([&] { printHtmlToPdf(chromium, page, pdf); });
  EXPECT_TRUE(
      testing::mentions(error, {"rapport.pdf: Chromium", "kod 3", "kraschade i skrivaren"}));
  expectUntouched();
}

TEST_F(FakeChromium, SomethingThatIsNotAPdfIsNotWritten) {
  const fs::path chromium = fake("printf '<html>fel</html>' > \"$out\"");
  const auto error = testing::thrown<OutputError>([&] { printHtmlToPdf(chromium, page, pdf); });
  EXPECT_TRUE(
      testing::mentions(error, {"rapport.pdf: Chromium skrev ingen PDF av", "rapport.html"}));
  expectUntouched();
}

TEST_F(FakeChromium, AChromiumThatHangsIsKilledAfterTheTimeout) {
  const fs::path chromium = fake("printf '%%PDF-1.4 halv' > \"$out\"\nexec sleep 30");
  const auto started = std::chrono::steady_clock::now();
  const auto error =
      testing::thrown<OutputError>([&] { printHtmlToPdf(chromium, page, pdf, 300ms); });
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  EXPECT_TRUE(
      testing::mentions(error, {"rapport.pdf: Chromium blev inte klar inom 1 s och avbröts"}));
  expectUntouched();
}

// Chromium's helper processes go with it: a hung Chromium is killed with its process group.
TEST_F(FakeChromium, AHungChromiumIsKilledWithItsHelperProcesses) {
  if (::access("/usr/bin/setsid", X_OK) != 0) GTEST_SKIP() << "setsid (util-linux) saknas";
  const fs::path helperPid = dir / "hjalpare.pid";
  const fs::path chromium =
      fake("sleep 30 &\necho $! > '" + helperPid.string() + "'\nexec sleep 30");
  EXPECT_THROW(printHtmlToPdf(chromium, page, pdf, 300ms), OutputError);
  const std::string pidText = testing::readFile(helperPid);
  const pid_t helper = static_cast<pid_t>(std::stol(pidText));
  // The helper is gone (or, at most, a zombie waiting for init to reap it).
  bool gone = false;
  for (int i = 0; i < 50 && !gone; ++i) {
    const fs::path status = fs::path("/proc") / std::to_string(helper) / "status";
    std::ifstream in(status);
    std::string line;
    gone = !in;
    while (!gone && std::getline(in, line))
      if (line.starts_with("State:")) gone = line.find('Z') != std::string::npos;
    if (!gone) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(gone) << "hjälpprocessen " << helper << " lever kvar";
  expectUntouched();
}

TEST_F(FakeChromium, AMissingPageIsAnErrorBeforeChromiumStarts) {
  const fs::path chromium = fake("exit 0");
  const auto error = testing::thrown<OutputError>(
      [&] { printHtmlToPdf(chromium, reports / "finns-inte.html", pdf); });
  EXPECT_TRUE(testing::mentions(error, {"finns-inte.html", "finns inte"}));
  EXPECT_FALSE(fs::exists(dir / "args.txt"));
  expectUntouched();
}

TEST_F(FakeChromium, WithoutChromiumTheFlagIsAnErrorAndTheConfigSwitchAWarning) {
  const ScopedPath path((dir / "tom").string());
  std::ostringstream out;
  const auto error =
      testing::thrown<OutputError>([&] { writeRequestedPdf(page, PdfRequest::FromFlag, out); });
  EXPECT_TRUE(testing::mentions(error, {"apt-get install chromium"}));

  writeRequestedPdf(page, PdfRequest::FromConfig, out);
  EXPECT_TRUE(
      testing::mentions(out.str(), {"Varning: ", "apt-get install chromium", "\"pdf\": true"}));
}

// The earlier run's PDF shows the earlier figures: whenever a run writes the page but no PDF, the
// old one goes, and the run says so.
TEST_F(FakeChromium, ARunThatMakesNoPdfRemovesTheEarlierOne) {
  const ScopedPath path((dir / "tom").string());
  for (const PdfRequest request : {PdfRequest::None, PdfRequest::FromConfig}) {
    testing::writeFile(pdf, "den förra PDF:en");
    std::ostringstream out;
    writeRequestedPdf(page, request, out);
    EXPECT_FALSE(fs::exists(pdf));
    EXPECT_TRUE(testing::mentions(out.str(), {"Tog bort ", "rapport.pdf", "tidigare körning"}));
  }
  testing::writeFile(pdf, "den förra PDF:en");
  std::ostringstream out;
  EXPECT_THROW(writeRequestedPdf(page, PdfRequest::FromFlag, out), OutputError);
  EXPECT_FALSE(fs::exists(pdf));
  // Nothing to remove: nothing said.
  std::ostringstream quiet;
  writeRequestedPdf(page, PdfRequest::None, quiet);
  EXPECT_EQ(quiet.str(), "");
  EXPECT_EQ(othersIn(reports, {"rapport.html"}), std::vector<std::string>{});
}

TEST_F(FakeChromium, AChromiumThatFailsAlsoRemovesTheEarlierPdf) {
  fake("echo 'kraschade' >&2\nexit 3");
  const ScopedPath path((dir / "bin").string() + ":/usr/bin:/bin");
  std::ostringstream out;
  EXPECT_THROW(writeRequestedPdf(page, PdfRequest::FromFlag, out), OutputError);
  EXPECT_FALSE(fs::exists(pdf));
  EXPECT_TRUE(testing::mentions(out.str(), {"Tog bort ", "rapport.pdf"}));
}

TEST_F(FakeChromium, TheRequestedPdfGoesBesideThePageWithTheSameStem) {
  fake("printf '%%PDF-1.4 bredvid' > \"$out\"");
  const ScopedPath path((dir / "bin").string() + ":/usr/bin:/bin");
  std::ostringstream out;
  writeRequestedPdf(page, PdfRequest::FromConfig, out);
  EXPECT_EQ(testing::readFile(pdf), "%PDF-1.4 bredvid");
  EXPECT_TRUE(testing::mentions(out.str(), {"Skrev ", "rapport.pdf"}));
}

TEST(PdfRequest, TheFlagWinsOverTheConfigSwitch) {
  RunConfig config;
  const Arguments none({}, {}, {"pdf"});
  const Arguments flag({"--pdf"}, {}, {"pdf"});
  EXPECT_EQ(pdfRequest(none, config), PdfRequest::None);
  EXPECT_EQ(pdfRequest(flag, config), PdfRequest::FromFlag);
  config.pdf = true;
  EXPECT_EQ(pdfRequest(none, config), PdfRequest::FromConfig);
  EXPECT_EQ(pdfRequest(flag, config), PdfRequest::FromFlag);
}

TEST(PdfConfigSwitch, IsReadAsABooleanAndAnythingElseIsAnError) {
  const testing::TempDir dir;
  testing::writeMinimalKommunSetup(dir.path());
  const auto load = [&](const std::string& pdfValue) {
    testing::writeFile(dir / "konfig" / "namnd.json",
                       R"({"kommun": "K", "namnd": "N", "lager": "sqlite:../ut/l.sqlite",
 "utdata": "../ut", "mallar": "../mallar", "kontoplan": "../kontoplan.csv",
 "org": {"fil": "org.csv", "nivaer": ["Nämnd"], "rapportniva": 1})" +
                           (pdfValue.empty() ? "" : ", \"pdf\": " + pdfValue) + "}");
    return loadRunConfig(dir / "konfig" / "namnd.json");
  };
  EXPECT_FALSE(load("").pdf);
  EXPECT_TRUE(load("true").pdf);
  EXPECT_FALSE(load("false").pdf);
  const auto error = testing::thrown<ConfigError>([&] { load("\"ja\""); });
  EXPECT_TRUE(testing::mentions(error, {"pdf", "true"}));
}

}  // namespace
}  // namespace namnd
