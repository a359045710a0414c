#include "render/html/gallery_writer.hpp"

#include "render/atomic_output_file.hpp"
#include "render/html/gallery_runs.hpp"
#include "render/html/gallery_scan.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

namespace fs = std::filesystem;

std::string galleryFolderLabel(const fs::path& folder) {
  fs::path normal = folder.lexically_normal();
  if (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path())
    normal = normal.parent_path();
  return normal.string();
}

fs::path writeGallery(const fs::path& folder, const GalleryHeading& heading,
                      const fs::path& templatesDir) {
  const ReportTexts texts = ReportTexts::load(templatesDir / "text" / "galleri.json");
  const std::vector<GalleryGroup> groups = galleryGroups(folder, findReports(folder), texts);
  GalleryHeading named = heading;
  if (named.folderLabel.empty()) named.folderLabel = galleryFolderLabel(folder);
  const fs::path page = folder / kGalleryFileName;
  writeFileAtomically(page, galleryPage(groups, named, texts, templatesDir));
  return page;
}

}  // namespace namnd
