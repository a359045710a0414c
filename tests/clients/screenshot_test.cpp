// Headless Chromium draws every report page: a screenshot of the top of each page must carry ink
// (text, table rules, the heading band), not be blank (issue 9, point 4).

#include <gtest/gtest.h>

#include "clients/client_reports.hpp"
#include "clients/client_tools.hpp"
#include "render/pdf/chromium_locator.hpp"
#include "render/pdf/pdf_printer.hpp"
#include "support/test_support.hpp"

namespace namnd::clients {
namespace {

namespace fs = std::filesystem;

TEST(ChromiumScreenshot, EveryReportPageIsDrawnWithContent) {
  const auto chromium = findChromium();
  if (!chromium) GTEST_SKIP() << missingTool("Chromium (chromium)", "chromium");
  const auto python = debianPython({"PIL"});
  if (!python) GTEST_SKIP() << missingTool("Debians python3 med Pillow", "python3-pil");
  const ReportsFolder& reports = reportsFolder();

  const testing::TempDir scratch;
  std::vector<fs::path> pngs;
  for (const ClientReport& report : clientReports()) {
    const fs::path png = scratch / (report.stem + ".png");
    const ToolRun run = runTool(
        chromium->string(),
        {"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--log-level=3",
         "--user-data-dir=" + (scratch / ("profil-" + report.stem)).string(),
         "--window-size=1280,1600", "--screenshot=" + png.string(),
         fileUrl(fs::absolute(reports.file(report, ".html")))},
        120);
    ASSERT_EQ(run.exitCode, 0) << report.stem << ": " << run.output;
    ASSERT_TRUE(fs::is_regular_file(png)) << report.stem << ": ingen skärmbild\n" << run.output;
    pngs.push_back(png);
  }

  const auto shares = inkShares(*python, pngs);
  ASSERT_EQ(shares.size(), pngs.size());
  for (const auto& [png, share] : shares) {
    // A blank page has no ink at all; the top of a report (heading, tables) has several per cent.
    EXPECT_GT(share, 0.01) << png.filename() << " ser tom ut";
    // A page that is all dark failed to draw as well (an error page, a black frame).
    EXPECT_LT(share, 0.6) << png.filename() << " är nästan helt mörk";
  }
}

}  // namespace
}  // namespace namnd::clients
