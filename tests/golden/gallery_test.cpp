// The gallery page (namnd galleri, output/index.html): a folder of fake reports — pages with
// titles, workbooks, a workbook without a page, the store folder, temp and lock files — must give
// one row per report in the nämnd year's order (newest period first), with working relative
// links, escaped titles and file names, no sizes or times (the same bytes on every run), written
// atomically; a folder that does not exist is a Swedish error naming it.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "render/html/gallery_catalogue.hpp"
#include "render/html/gallery_page.hpp"
#include "render/html/gallery_scan.hpp"
#include "reports/report_texts.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// A page as the renderer writes it: the title escaped in the head, and an SVG <title> in the
// body that is not the page's title.
std::string reportPage(const std::string& escapedTitle) {
  return "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         escapedTitle +
         "</title>\n<style>\nbody{}\n</style>\n</head>\n<body>\n<svg><title>Diagram</title></svg>\n"
         "</body>\n</html>\n";
}

// The rows of the page's table body, one string each.
std::vector<std::string> tableRows(const std::string& page) {
  std::vector<std::string> rows;
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("<tr class=\"item\">")) rows.push_back(line);
  return rows;
}

int occurrences(const std::string& text, const std::string& fragment) {
  int count = 0;
  for (std::size_t at = text.find(fragment); at != std::string::npos;
       at = text.find(fragment, at + fragment.size()))
    ++count;
  return count;
}

class Gallery : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path r = reports();
    write("manadsrapport-202509.html", reportPage("Månadsrapport september 2025"));
    write("manadsrapport-202509.xlsx", "PK");
    write("manadsrapport-202510.html", reportPage("Månadsrapport oktober 2025"));
    write("manadsrapport-202510.xlsx", "PK");
    write("manadsrapport-202510.pdf", "%PDF-1.7");
    // Not the tool's file name, but the title says it is a månadsrapport.
    write("sammanstallning-202506.html", reportPage("Månadsrapport juni 2025 (sammanställning)"));
    write("prognosunderlag/202510/prognosunderlag-202510-AO1.xlsx", "PK");
    write("prognosunderlag/202510/prognosunderlag-202510-AF1.xlsx", "PK");
    write("delarsrapport-20250831.html", reportPage("Delårsrapport per 2025-08-31"));
    write("delarsrapport-20250831.xlsx", "PK");
    write("avvikelser-2025H1.html",
          reportPage("Avvikelser &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    write("avvikelser-2025H1.xlsx", "PK");
    write("avvikelser-2024H2.xlsx", "PK");
    write("kontroll-202510.html", reportPage("Datakontroll oktober 2025"));
    write("kontroll-202510.xlsx", "PK");
    write("budgetuppfoljning-2024.html", reportPage("Budgetuppföljning 2024"));
    write("statistik & mål.html", reportPage("Statistik"));
    write("anteckningar.html", "<p>Ingen rubrik här</p>");
    // Not reports: the store, temp files of a writer, lock files, other kinds of file.
    write("lager/exempel.sqlite", "SQLite format 3");
    write("lager/manadsrapport-202501.html", reportPage("Ska inte synas"));
    write(".manadsrapport-202510.html.tmp-99999-0", "halv");
    write("manadsrapport-202510.html.tmp", "halv");
    write("~$manadsrapport-202510.xlsx", "lås");
    write(".~lock.kontroll-202510.xlsx#", "lås");
    write("prognosunderlag/202510/logg.txt", "text");
    ASSERT_TRUE(fs::is_directory(r));
  }

  fs::path reports() const { return dir / "rapporter"; }
  void write(const std::string& relative, const std::string& bytes) const {
    testing::writeFile(reports() / relative, bytes);
  }

  // `namnd galleri --ut <rapporter>` with the repository's templates; the written page.
  std::string runGallery() const {
    std::ostringstream out;
    const int code = runGalleri(
        {"--ut", reports().string(), "--mallar", testing::repoPath("templates").string()}, out);
    EXPECT_EQ(code, 0);
    EXPECT_TRUE(testing::contains(out.str(), "index.html")) << out.str();
    return testing::readFile(reports() / "index.html");
  }

  testing::TempDir dir;
};

TEST_F(Gallery, ListsEveryReportOnceInTheNamndYearsOrderNewestFirst) {
  const std::string page = runGallery();
  const std::vector<std::string> rows = tableRows(page);
  // (title, kind, period, the row's links) in the expected order: kind by the year's order,
  // then period newest first, then file name.
  struct Expected {
    std::string title;
    std::string kind;
    std::string period;
    std::vector<std::string> links;
  };
  const std::vector<Expected> expected = {
      {"Månadsrapport oktober 2025",
       "Månadsrapport",
       "oktober 2025",
       {"manadsrapport-202510.html", "manadsrapport-202510.xlsx", "manadsrapport-202510.pdf"}},
      {"Månadsrapport september 2025",
       "Månadsrapport",
       "september 2025",
       {"manadsrapport-202509.html", "manadsrapport-202509.xlsx"}},
      {"Månadsrapport juni 2025 (sammanställning)",
       "Månadsrapport",
       "juni 2025",
       {"sammanstallning-202506.html"}},
      {"prognosunderlag-202510-AF1",
       "Prognosunderlag",
       "oktober 2025",
       {"prognosunderlag/202510/prognosunderlag-202510-AF1.xlsx"}},
      {"prognosunderlag-202510-AO1",
       "Prognosunderlag",
       "oktober 2025",
       {"prognosunderlag/202510/prognosunderlag-202510-AO1.xlsx"}},
      {"Delårsrapport per 2025-08-31",
       "Delårsrapport",
       "31 augusti 2025",
       {"delarsrapport-20250831.html", "delarsrapport-20250831.xlsx"}},
      {"Avvikelser &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co",
       "Avvikelser",
       "första halvåret 2025",
       {"avvikelser-2025H1.html", "avvikelser-2025H1.xlsx"}},
      {"avvikelser-2024H2", "Avvikelser", "andra halvåret 2024", {"avvikelser-2024H2.xlsx"}},
      {"Datakontroll oktober 2025",
       "Kontroll",
       "oktober 2025",
       {"kontroll-202510.html", "kontroll-202510.xlsx"}},
      {"Budgetuppföljning 2024", "Övrigt", "2024", {"budgetuppfoljning-2024.html"}},
      {"anteckningar", "Övrigt", "", {"anteckningar.html"}},
      {"Statistik", "Övrigt", "", {"statistik%20%26%20m%C3%A5l.html"}},
  };
  ASSERT_EQ(rows.size(), expected.size()) << page;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Expected& e = expected[i];
    EXPECT_TRUE(testing::contains(rows[i], "<th scope=\"row\" class=\"text\">" + e.title + "</th>"))
        << "row " << i << ": " << rows[i];
    EXPECT_TRUE(testing::contains(rows[i], "<td class=\"text\">" + e.kind + "</td>")) << rows[i];
    if (!e.period.empty())
      EXPECT_TRUE(testing::contains(rows[i], "<td class=\"text\">" + e.period + "</td>"))
          << rows[i];
    // HTML, Excel and PDF: each file its link, a missing one a dash read out as "saknas".
    EXPECT_EQ(occurrences(rows[i], "<a href="), static_cast<int>(e.links.size())) << rows[i];
    EXPECT_EQ(occurrences(rows[i], "<span class=\"visually-hidden\">saknas</span>"),
              3 - static_cast<int>(e.links.size()) + (e.period.empty() ? 1 : 0))
        << rows[i];
    for (const std::string& link : e.links) {
      EXPECT_TRUE(testing::contains(rows[i], "<a href=\"" + link + "\">")) << rows[i];
      EXPECT_EQ(occurrences(page, "href=\"" + link + "\""), 1) << link;  // listed once
    }
  }
  // The workbook-only report is named by its file name, linked under its subfolder.
  EXPECT_TRUE(testing::contains(rows[3], ">prognosunderlag-202510-AF1.xlsx</a>"));
  // A file name with a space, '&' and 'å' is percent-encoded in the link, escaped as text.
  EXPECT_TRUE(testing::contains(rows[11], ">statistik &amp; mål.html</a>")) << rows[11];
  EXPECT_TRUE(testing::contains(page, "Här finns 12 rapporter."));
}

TEST_F(Gallery, LeavesOutTheStoreTempAndLockFilesAndItself) {
  runGallery();
  const std::string page = runGallery();  // the first run's index.html is there now
  for (const char* absent : {"lager", "Ska inte synas", ".tmp", "~$", "~lock", "logg.txt",
                             "index.html", "sqlite", "manadsrapport-202501"})
    EXPECT_FALSE(testing::contains(page, absent)) << absent;
}

TEST_F(Gallery, EscapesTitlesSoNoMarkupFromAReportReachesThePage) {
  // A title written with raw markup (not as the renderer escapes it) is text all the same.
  write("kontroll-202511.html", reportPage("Kontroll & <script>alert(\"x\")</script> <b>fet</b>"));
  const std::string page = runGallery();
  EXPECT_FALSE(testing::contains(page, "<script")) << page;
  EXPECT_FALSE(testing::contains(page, "<b>"));
  EXPECT_TRUE(testing::contains(
      page,
      "Kontroll &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;fet&lt;/b&gt;"));
  EXPECT_TRUE(testing::contains(page, "Avvikelser &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
}

TEST_F(Gallery, IsByteIdenticalOnEveryRunAndShowsNoSizesOrTimes) {
  const std::string first = runGallery();
  // Other times and a changed size must not show: only names and titles do.
  const auto earlier =
      fs::last_write_time(reports() / "kontroll-202510.xlsx") - std::chrono::hours(50);
  fs::last_write_time(reports() / "kontroll-202510.xlsx", earlier);
  write("manadsrapport-202510.xlsx", std::string(100'000, 'x'));
  const std::string second = runGallery();
  EXPECT_EQ(first, second);
}

TEST_F(Gallery, WritesAtomicallyLeavingNoTempFile) {
  write("index.html", "gammal sida");
  runGallery();
  for (const auto& entry : fs::directory_iterator(reports()))
    EXPECT_FALSE(entry.path().filename().string().starts_with(".index.html")) << entry.path();
  const std::string page = testing::readFile(reports() / "index.html");
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
  EXPECT_TRUE(page.ends_with("</html>\n"));
}

TEST_F(Gallery, IsSelfContainedAccessibleHtml) {
  const std::string page = runGallery();
  EXPECT_TRUE(testing::contains(page, "<title>Rapporter i "));
  EXPECT_TRUE(testing::contains(page, "<style>\n/* Nämndrapport"));  // style.css inlined
  EXPECT_TRUE(testing::contains(page, "<caption>"));
  EXPECT_TRUE(testing::contains(page, "<th scope=\"col\" class=\"text\">PDF</th>"));
  for (const char* external : {"<script", "<link", "src=", "http:", "https:"})
    EXPECT_FALSE(testing::contains(page, external)) << external;
  // Every element the page opens it closes, once per row.
  for (const auto& [open, close] :
       std::vector<std::pair<std::string, std::string>>{{"<tr", "</tr>"},
                                                        {"<td", "</td>"},
                                                        {"<th ", "</th>"},
                                                        {"<thead", "</thead>"},
                                                        {"<a ", "</a>"},
                                                        {"<span", "</span>"},
                                                        {"<table", "</table>"},
                                                        {"<section", "</section>"},
                                                        {"<p", "</p>"}})
    EXPECT_EQ(occurrences(page, open), occurrences(page, close)) << open;
  EXPECT_FALSE(testing::contains(page, " id=")) << "no ids, so none can repeat";
}

TEST_F(Gallery, ShowsNoPdfColumnWhenThereIsNoPdf) {
  fs::remove(reports() / "manadsrapport-202510.pdf");
  const std::string page = runGallery();
  EXPECT_FALSE(testing::contains(page, ">PDF</th>"));
  EXPECT_EQ(occurrences(tableRows(page).front(), "<td"), 4);  // slag, period, HTML, Excel
}

TEST(GalleryFolder, AMissingFolderIsASwedishErrorNamingIt) {
  testing::TempDir dir;
  const fs::path missing = dir / "finns-inte";
  std::ostringstream out;
  const auto error = testing::thrown<InputError>([&] {
    runGalleri({"--ut", missing.string(), "--mallar", testing::repoPath("templates").string()},
               out);
  });
  EXPECT_TRUE(testing::mentions(error, {missing.string(), "mappen finns inte"}));
  EXPECT_FALSE(fs::exists(missing));
}

TEST(GalleryFolder, AnEmptyFolderSaysSoWithoutATable) {
  testing::TempDir dir;
  std::ostringstream out;
  ASSERT_EQ(
      runGalleri({"--ut", dir.path().string(), "--mallar", testing::repoPath("templates").string()},
                 out),
      0);
  const std::string page = testing::readFile(dir / "index.html");
  EXPECT_TRUE(testing::contains(page, "Mappen innehåller ännu inga rapporter."));
  EXPECT_FALSE(testing::contains(page, "<table"));
}

TEST(GalleryFolder, AConfigsKommunAndNamndHeadThePage) {
  const fs::path templates = testing::repoPath("templates");
  const ReportTexts texts = ReportTexts::load(templates / "text" / "galleri.json");
  ReportFiles report;
  report.stem = "manadsrapport-202510";
  report.html = "manadsrapport-202510.html";
  report.title = "Månadsrapport oktober 2025";
  const GalleryGroup group{"Rapporter", catalogueReports({report}, texts)};
  const std::string page =
      galleryPage({group}, {"Exempelby kommun", "Socialnämnden", "output"}, texts, templates);
  EXPECT_TRUE(
      testing::contains(page, "<title>Rapporter för Socialnämnden i Exempelby kommun</title>"));
  EXPECT_TRUE(testing::contains(page, "<h1>Rapporter för Socialnämnden i Exempelby kommun</h1>"));
  EXPECT_TRUE(testing::contains(page, "Här finns 1 rapport."));
  EXPECT_FALSE(testing::contains(page, "Rapporter i output"));
}

TEST(GalleryTitle, ReadsTheHeadsTitleOnly) {
  EXPECT_EQ(htmlTitle("<html><head><TITLE lang=\"sv\">\n  A &amp;\tB &#229;&#xE4; </TITLE>"),
            "A & B åä");
  EXPECT_EQ(htmlTitle("<html><head></head><body><svg><title>Diagram</title></svg>"), std::nullopt);
  EXPECT_EQ(htmlTitle("<head><titlex>no</titlex></head>"), std::nullopt);
  EXPECT_EQ(htmlTitle("<head><title></title></head>"), std::nullopt);
  EXPECT_EQ(htmlTitle("<head><title>\xFF\xFE</title></head>"), std::nullopt);  // not UTF-8
  EXPECT_EQ(htmlTitle("<head><title>unclosed"), std::nullopt);
}

}  // namespace
}  // namespace namnd
