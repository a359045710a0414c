#pragma once
// The gallery page written: the reports in a folder found, grouped by run, rendered and written
// as <folder>/index.html in one step, for `namnd galleri` and for `namnd kor` after its runs.

#include <filesystem>
#include <string>

#include "render/html/gallery_page.hpp"

namespace namnd {

// The folder as the user named it, without a trailing '/' ("output/" and "output" give the same
// label, so the same page).
std::string galleryFolderLabel(const std::filesystem::path& folder);

// Writes <folder>/index.html atomically (texts from <templatesDir>/text/galleri.json, the page
// from <templatesDir>/html) and returns its path. An empty heading.folderLabel is
// galleryFolderLabel(folder). Throws as its parts do: ConfigError for missing texts, InputError
// when the folder cannot be read, OutputError when the template is bad or the page cannot be
// written.
std::filesystem::path writeGallery(const std::filesystem::path& folder,
                                   const GalleryHeading& heading,
                                   const std::filesystem::path& templatesDir);

}  // namespace namnd
