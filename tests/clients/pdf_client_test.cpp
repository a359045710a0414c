// The PDFs that `--pdf` prints with Chromium, read by poppler: pdfinfo's page count, title (the
// page's <title>), tagging and A4 paper; the catalogue's language /Lang (sv) and bookmarks
// (/Outlines); and pdftoppm turns every page into a PNG, as many as pdfinfo counts, none of
// which is blank or nearly so: a heading left alone on a page before a landscape table prints
// at about 0,1–0,3 % ink, the sparsest real page of the example at 1,1 % (issue 9, points 2
// and 4). The delårsrapport runs over several pages.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "clients/client_reports.hpp"
#include "clients/client_tools.hpp"
#include "render/pdf/chromium_locator.hpp"
#include "support/test_support.hpp"

namespace namnd::clients {
namespace {

namespace fs = std::filesystem;

// The page's <title>, with the entities the HTML renderer writes turned back into characters.
std::string pageTitle(const fs::path& html) {
  const std::string page = testing::readFile(html);
  const std::size_t open = page.find("<title>");
  const std::size_t close = page.find("</title>", open);
  if (open == std::string::npos || close == std::string::npos) return "";
  std::string title = page.substr(open + 7, close - open - 7);
  for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t at = title.find(entity); at != std::string::npos;
         at = title.find(entity, at + character.size()))
      title.replace(at, entity.size(), character);
  }
  return title;
}

TEST(PdfFromChromium, EveryPdfHasItsPagesTitleLanguageAndA4Paper) {
  if (!findChromium())
    GTEST_SKIP() << missingTool("Chromium (chromium), som skriver PDF:erna med --pdf,", "chromium");
  const auto pdfinfo = onPath("pdfinfo");
  const auto pdftoppm = onPath("pdftoppm");
  if (!pdfinfo || !pdftoppm)
    GTEST_SKIP() << missingTool("pdfinfo och pdftoppm (poppler)", "poppler-utils");
  const ReportsFolder& reports = reportsFolder();
  const testing::TempDir scratch;

  std::vector<fs::path> everyPage;
  for (const ClientReport& report : clientReports()) {
    SCOPED_TRACE(report.stem);
    const fs::path pdf = reports.file(report, ".pdf");
    ASSERT_TRUE(fs::is_regular_file(pdf)) << "--pdf skrev ingen " << pdf;

    std::map<std::string, std::string> info;
    for (auto& [key, value] : pdfInfo(*pdfinfo, pdf)) info[key] = value;
    const int pages = std::stoi(info["Pages"]);
    EXPECT_GE(pages, 1);
    if (report.command == "delarsrapport") EXPECT_GT(pages, 1);
    const std::string title = pageTitle(reports.file(report, ".html"));
    ASSERT_FALSE(title.empty());
    EXPECT_EQ(info["Title"], title);
    EXPECT_EQ(info["Tagged"], "yes");
    EXPECT_TRUE(testing::contains(info["Page size"], "(A4)")) << info["Page size"];
    // The document catalogue's natural language, which pdfinfo does not print.
    const std::string bytes = testing::readFile(pdf);
    EXPECT_TRUE(testing::contains(bytes, "/Lang (sv)"));
    // Bookmarks from the page's headings (--generate-pdf-document-outline).
    EXPECT_TRUE(testing::contains(bytes, "/Outlines"));

    const fs::path prefix = scratch / report.stem;
    const ToolRun run =
        runTool(pdftoppm->string(), {"-r", "24", "-png", pdf.string(), prefix.string()}, 120);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    std::vector<fs::path> pngs;
    for (const auto& entry : fs::directory_iterator(scratch.path()))
      if (entry.path().filename().string().starts_with(report.stem + "-") &&
          entry.path().extension() == ".png")
        pngs.push_back(entry.path());
    EXPECT_EQ(static_cast<int>(pngs.size()), pages);
    std::sort(pngs.begin(), pngs.end());
    everyPage.insert(everyPage.end(), pngs.begin(), pngs.end());
  }

  const auto python = debianPython({"PIL"});
  if (!python) GTEST_SKIP() << missingTool("Debians python3 med Pillow", "python3-pil");
  for (const auto& [png, share] : inkShares(*python, everyPage))
    EXPECT_GT(share, 0.005) << png.filename() << ": sidan ser tom ut";
}

}  // namespace
}  // namespace namnd::clients
