// The Nu HTML Checker (npm vnu-jar, run by the machine's Java) finds no error in any report page
// or in the gallery page (issue 9, point 4). One JVM start checks every page.

#include <gtest/gtest.h>

#include "clients/client_reports.hpp"
#include "clients/client_tools.hpp"
#include "support/test_support.hpp"

namespace namnd::clients {
namespace {

TEST(NuHtmlChecker, FindsNoErrorInTheReportPagesOrTheGallery) {
  const auto java = onPath("java");
  if (!java) GTEST_SKIP() << missingTool("Java (java)", "default-jre-headless");
  const auto jar = vnuJar();
  if (!jar)
    GTEST_SKIP() << "Nu HTML Checker (tools/node_modules/vnu-jar/build/dist/vnu.jar) saknas, så "
                    "testet hoppas över: installera med scripts/bootstrap.sh klienter (npm ci i "
                    "tools/)";
  const ReportsFolder& reports = reportsFolder();

  std::vector<std::string> args = {"-jar", jar->string(), "--errors-only", "--format", "gnu"};
  for (const ClientReport& report : clientReports()) {
    const auto page = reports.file(report, ".html");
    ASSERT_TRUE(std::filesystem::is_regular_file(page)) << page;
    args.push_back(page.string());
  }
  // The gallery as the batch run writes it: a table for the run and one for the reports above.
  const auto gallery = reports.output() / "index.html";
  ASSERT_TRUE(std::filesystem::is_regular_file(gallery)) << gallery;
  EXPECT_TRUE(testing::contains(testing::readFile(gallery),
                                "Exempelby kommun · Socialnämnden · oktober 2025"));
  args.push_back(gallery.string());
  // The nyckeltal page, which the batch run makes.
  const auto nyckeltal =
      reports.output() / "Exempelby kommun" / "Socialnämnden" / "202510" / "nyckeltal-202510.html";
  ASSERT_TRUE(std::filesystem::is_regular_file(nyckeltal)) << nyckeltal;
  args.push_back(nyckeltal.string());

  const ToolRun run = runTool(java->string(), args, 300);
  // vnu exits 1 when it reports an error; with --errors-only it prints nothing else.
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_EQ(run.output, "");
}

}  // namespace
}  // namespace namnd::clients
