#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "render/html/gallery_writer.hpp"

namespace namnd {

namespace fs = std::filesystem;

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
  heading.folderLabel = galleryFolderLabel(folder);

  const fs::path page = writeGallery(folder, heading, templatesDir);
  out << "Skrev " << page.string() << "\n";
  return 0;
}

}  // namespace namnd
