// The gallery page groups the reports by the runs `namnd kor` made (issue 11): a report belongs
// to the run of the nearest folder above it with a readable run record (.namnd-korning.json), the
// runs are shown newest period first, then kommun and nämnd in Swedish order, the reports in no
// run folder last under the old caption; a damaged record is no run, and a folder without runs
// gives the page it gave before, byte for byte.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/run_record.hpp"
#include "render/html/gallery_catalogue.hpp"
#include "render/html/gallery_page.hpp"
#include "render/html/gallery_runs.hpp"
#include "render/html/gallery_scan.hpp"
#include "render/html/gallery_writer.hpp"
#include "reports/report_texts.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

const char* const kLooseCaption =
    "Rapporter som verktyget har skrivit, efter slag och period (senaste först)";

std::string reportPage(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
         "</title>\n</head>\n<body></body>\n</html>\n";
}

// The stems of a group's entries, in the group's order.
std::vector<std::string> stems(const GalleryGroup& group) {
  std::vector<std::string> result;
  for (const GalleryEntry& entry : group.entries) result.push_back(entry.files.stem);
  return result;
}

// The captions of the page's tables, in the page's order.
std::vector<std::string> pageCaptions(const std::string& page) {
  std::vector<std::string> captions;
  const std::string open = "<caption>";
  const std::string close = "</caption>";
  for (std::size_t at = page.find(open); at != std::string::npos; at = page.find(open, at)) {
    at += open.size();
    captions.push_back(page.substr(at, page.find(close, at) - at));
  }
  return captions;
}

class GalleryRuns : public ::testing::Test {
 protected:
  void SetUp() override {
    // Three runs: two in October 2025 (kommuner whose Swedish order, Åsby before Älvby, is the
    // reverse of their byte order) and one in September 2025; listed here oldest first.
    writeRecord("Exempelby kommun/Socialnämnden/202509", "Exempelby kommun", "Socialnämnden",
                "202509");
    write("Exempelby kommun/Socialnämnden/202509/manadsrapport-202509.html",
          reportPage("Månadsrapport september 2025"));
    writeRecord("Älvby kommun/Kultur- och fritidsnämnden/202510", "Älvby kommun",
                "Kultur- och fritidsnämnden", "202510");
    write("Älvby kommun/Kultur- och fritidsnämnden/202510/manadsrapport-202510.html",
          reportPage("Månadsrapport oktober 2025"));
    writeRecord("Åsby kommun/Socialnämnden/202510", "Åsby kommun", "Socialnämnden", "202510");
    write("Åsby kommun/Socialnämnden/202510/manadsrapport-202510.html",
          reportPage("Månadsrapport oktober 2025"));
    write("Åsby kommun/Socialnämnden/202510/manadsrapport-202510.xlsx", "PK");
    // Two folders below its run folder, and a damaged record on the way: still that run's.
    write("Åsby kommun/Socialnämnden/202510/prognosunderlag/202510/prognosunderlag-202510-AF1.xlsx",
          "PK");
    write("Åsby kommun/Socialnämnden/202510/prognosunderlag/.namnd-korning.json", "{ trasig");
    // A report outside every run, newer than all of them; a run folder whose record is damaged.
    write("manadsrapport-202511.html", reportPage("Månadsrapport november 2025"));
    write("Trasby kommun/Socialnämnden/202512/.namnd-korning.json", "{\"format\": 1, \"kommun\":");
    write("Trasby kommun/Socialnämnden/202512/manadsrapport-202512.html",
          reportPage("Månadsrapport december 2025"));
  }

  fs::path root() const { return dir / "output"; }
  void write(const std::string& relative, const std::string& bytes) const {
    testing::writeFile(root() / fs::path(relative), bytes);
  }
  void writeRecord(const std::string& folder, const std::string& kommun, const std::string& namnd,
                   const std::string& period) const {
    RunRecord record{.kommun = kommun, .namnd = namnd, .period = *Period::parse(period)};
    record.put({.id = "manadsrapport-" + period, .fingerprint = std::string(64, 'a')});
    testing::writeFile(root() / fs::path(folder) / kRunRecordFileName, runRecordJson(record));
  }

  std::vector<GalleryGroup> groups() const {
    return galleryGroups(root(), findReports(root()), texts);
  }

  fs::path templates = testing::repoPath("templates");
  ReportTexts texts = ReportTexts::load(templates / "text" / "galleri.json");
  testing::TempDir dir;
};

TEST_F(GalleryRuns, AGroupPerRunNewestPeriodFirstThenKommunInSwedishOrderLooseReportsLast) {
  const std::vector<GalleryGroup> result = groups();
  ASSERT_EQ(result.size(), 4u);
  EXPECT_EQ(result[0].caption, "Åsby kommun · Socialnämnden · oktober 2025");
  EXPECT_EQ(result[1].caption, "Älvby kommun · Kultur- och fritidsnämnden · oktober 2025");
  EXPECT_EQ(result[2].caption, "Exempelby kommun · Socialnämnden · september 2025");
  EXPECT_EQ(result[3].caption, kLooseCaption);

  // The workbook two folders below its run folder is that run's, in the gallery's order
  // (månadsrapport before prognosunderlag); the page and the workbook of one report are one entry.
  EXPECT_EQ(stems(result[0]),
            (std::vector<std::string>{"Åsby kommun/Socialnämnden/202510/manadsrapport-202510",
                                      "Åsby kommun/Socialnämnden/202510/prognosunderlag/202510/"
                                      "prognosunderlag-202510-AF1"}));
  EXPECT_EQ(result[0].entries[0].files.xlsx,
            "Åsby kommun/Socialnämnden/202510/manadsrapport-202510.xlsx");
  EXPECT_EQ(stems(result[1]),
            (std::vector<std::string>{
                "Älvby kommun/Kultur- och fritidsnämnden/202510/manadsrapport-202510"}));
  EXPECT_EQ(
      stems(result[2]),
      (std::vector<std::string>{"Exempelby kommun/Socialnämnden/202509/manadsrapport-202509"}));
  // The damaged record's folder is no run: its report stands with the loose one, in gallery
  // order (newest first).
  EXPECT_EQ(stems(result[3]),
            (std::vector<std::string>{"Trasby kommun/Socialnämnden/202512/manadsrapport-202512",
                                      "manadsrapport-202511"}));
  EXPECT_EQ(result[3].entries[0].periodLabel, "december 2025");
}

TEST_F(GalleryRuns, NamndDecidesBetweenRunsOfOneKommunAndPeriod) {
  writeRecord("Åsby kommun/Barn- och utbildningsnämnden/202510", "Åsby kommun",
              "Barn- och utbildningsnämnden", "202510");
  write("Åsby kommun/Barn- och utbildningsnämnden/202510/manadsrapport-202510.html",
        reportPage("Månadsrapport oktober 2025"));
  const std::vector<GalleryGroup> result = groups();
  ASSERT_EQ(result.size(), 5u);
  EXPECT_EQ(result[0].caption, "Åsby kommun · Barn- och utbildningsnämnden · oktober 2025");
  EXPECT_EQ(result[1].caption, "Åsby kommun · Socialnämnden · oktober 2025");
}

TEST_F(GalleryRuns, TheNearestRunFolderWinsAndTheScannedFolderItselfCanBeOne) {
  writeRecord("", "Hela kommunen", "Kommunstyrelsen", "202512");
  const std::vector<GalleryGroup> result = groups();
  // Every report is in a run now: no loose group. The damaged record's report and the one at the
  // top belong to the scanned folder's run; the others keep their nearer runs.
  ASSERT_EQ(result.size(), 4u);
  EXPECT_EQ(result[0].caption, "Hela kommunen · Kommunstyrelsen · december 2025");
  EXPECT_EQ(stems(result[0]),
            (std::vector<std::string>{"Trasby kommun/Socialnämnden/202512/manadsrapport-202512",
                                      "manadsrapport-202511"}));
  EXPECT_EQ(result[1].caption, "Åsby kommun · Socialnämnden · oktober 2025");
  EXPECT_EQ(result[1].entries.size(), 2u);
  for (const GalleryGroup& group : result) EXPECT_NE(group.caption, kLooseCaption);
}

TEST_F(GalleryRuns, ThePageShowsATableCaptionedPerRunNewestFirst) {
  const fs::path page = writeGallery(root(), {}, templates);
  EXPECT_EQ(page, root() / "index.html");
  const std::string html = testing::readFile(page);
  EXPECT_EQ(pageCaptions(html),
            (std::vector<std::string>{"Åsby kommun · Socialnämnden · oktober 2025",
                                      "Älvby kommun · Kultur- och fritidsnämnden · oktober 2025",
                                      "Exempelby kommun · Socialnämnden · september 2025",
                                      kLooseCaption}));
  // Links stay relative to the page, percent-encoded.
  EXPECT_TRUE(testing::contains(
      html, "href=\"%C3%85sby%20kommun/Socialn%C3%A4mnden/202510/manadsrapport-202510.html\""));
  EXPECT_TRUE(testing::contains(html, "Här finns 6 rapporter."));
  EXPECT_TRUE(testing::contains(html, "<title>Rapporter i " + root().string() + "</title>"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST_F(GalleryRuns, ARunsNamesAreTextOnThePage) {
  writeRecord("Ny kommun/N/202601", "<b>Ny</b> & kommun", "N", "202601");
  write("Ny kommun/N/202601/manadsrapport-202601.html", reportPage("Månadsrapport januari 2026"));
  const std::string html = testing::readFile(writeGallery(root(), {}, templates));
  EXPECT_EQ(pageCaptions(html).front(), "&lt;b&gt;Ny&lt;/b&gt; &amp; kommun · N · januari 2026");
  EXPECT_FALSE(testing::contains(html, "<b>"));
}

// The page as `namnd galleri` made it before runs existed: one table under the old caption.
std::string pageWithoutRuns(const fs::path& folder, const ReportTexts& texts,
                            const fs::path& templates) {
  const GalleryGroup group{texts.text("tabell.rubrik", {}),
                           catalogueReports(findReports(folder), texts)};
  return galleryPage({group}, {"", "", galleryFolderLabel(folder)}, texts, templates);
}

TEST_F(GalleryRuns, WithoutReadableRecordsThePageIsTheOneTableItWasBefore) {
  for (const char* folder :
       {"Exempelby kommun/Socialnämnden/202509", "Älvby kommun/Kultur- och fritidsnämnden/202510"})
    fs::remove(root() / fs::path(folder) / kRunRecordFileName);
  write(std::string("Åsby kommun/Socialnämnden/202510/") + kRunRecordFileName, "inte json");
  const std::string expected = pageWithoutRuns(root(), texts, templates);
  const std::string html = testing::readFile(writeGallery(root(), {}, templates));
  EXPECT_EQ(html, expected);
  EXPECT_EQ(pageCaptions(html), std::vector<std::string>{kLooseCaption});
  EXPECT_TRUE(testing::contains(html, "Här finns 6 rapporter."));
}

TEST(GalleryRunsEmpty, AnEmptyFolderGivesThePageItGaveBefore) {
  testing::TempDir dir;
  const fs::path templates = testing::repoPath("templates");
  const ReportTexts texts = ReportTexts::load(templates / "text" / "galleri.json");
  const std::string expected = pageWithoutRuns(dir.path(), texts, templates);
  const std::vector<GalleryGroup> result = galleryGroups(dir.path(), {}, texts);
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0].caption, kLooseCaption);
  EXPECT_TRUE(result[0].entries.empty());
  EXPECT_EQ(testing::readFile(writeGallery(dir.path(), {}, templates)), expected);
}

TEST(GalleryFolderLabel, DropsATrailingSlash) {
  EXPECT_EQ(galleryFolderLabel("output/"), "output");
  EXPECT_EQ(galleryFolderLabel("output"), "output");
  EXPECT_EQ(galleryFolderLabel("./a/../output/"), "output");
  EXPECT_EQ(galleryFolderLabel("/"), "/");
}

}  // namespace
}  // namespace namnd
