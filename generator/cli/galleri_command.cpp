#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "render/atomic_output_file.hpp"
#include "render/html/gallery_catalogue.hpp"
#include "render/html/gallery_page.hpp"
#include "render/html/gallery_scan.hpp"
#include "reports/report_texts.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// The folder as the user named it, without a trailing '/' ("output/" and "output" give the same
// page).
std::string folderLabel(const fs::path& folder) {
  fs::path normal = folder.lexically_normal();
  if (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path())
    normal = normal.parent_path();
  return normal.string();
}

}  // namespace

int runGalleri(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config", "ut", "mallar"}, {});
  const auto configPath = arguments.value("config");
  if (!configPath && !arguments.value("ut"))
    throw UsageError("ange --ut MAPP (eller --config FIL, vars utdatamapp används)");

  GalleryHeading heading;
  fs::path folder;
  fs::path templatesDir = "templates";
  if (configPath) {
    const RunConfig config = loadRunConfig(*configPath);
    heading.kommun = config.kommun;
    heading.namnd = config.namnd;
    folder = config.outputDir;
    templatesDir = config.templatesDir;
  }
  if (const auto ut = arguments.value("ut")) folder = *ut;
  if (const auto mallar = arguments.value("mallar")) templatesDir = *mallar;
  if (!fs::is_directory(templatesDir / "html"))
    throw ConfigError("mallmappen " + templatesDir.string() +
                      " finns inte eller saknar html/; ange --mallar MAPP eller --config FIL");
  heading.folderLabel = folderLabel(folder);

  const ReportTexts texts = ReportTexts::load(templatesDir / "text" / "galleri.json");
  const GalleryGroup group{texts.text("tabell.rubrik", {}),
                           catalogueReports(findReports(folder), texts)};
  const fs::path page = folder / kGalleryFileName;
  writeFileAtomically(page, galleryPage({group}, heading, texts, templatesDir));
  out << "Skrev " << page.string() << "\n";
  return 0;
}

}  // namespace namnd
