#pragma once
// Where headless Chromium is. The PDF is printed by the browser a reader would use, so that the
// page looks as it does on screen and in print preview; nothing is bundled, and a machine without
// it still gets the HTML and the workbook.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

// The names Chromium goes by, in the order they are looked for: Debian's package (chromium),
// Ubuntu's older one (chromium-browser) and Google's builds.
const std::vector<std::string>& chromiumNames();

// The first executable of chromiumNames() in the folders of `searchPath` (PATH's syntax, ':'
// between folders; an empty entry is the current folder), or nothing.
std::optional<std::filesystem::path> findChromium(std::string_view searchPath);
// The same over the process's PATH.
std::optional<std::filesystem::path> findChromium();

// The Swedish sentence for a run that wants a PDF on a machine without Chromium: what was looked
// for and what to install.
std::string chromiumMissingMessage();

}  // namespace namnd
