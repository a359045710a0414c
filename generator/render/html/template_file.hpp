#pragma once
// Reading a page template or the style sheet from the templates folder, for every HTML page the
// tool writes (the reports and the gallery), so that they share one look and one error message.

#include <filesystem>
#include <string>

namespace namnd {

// The whole file. OutputError (Swedish, naming the file) when it is missing or unreadable.
std::string readTemplateFile(const std::filesystem::path& file);

// templates/html/style.css, inlined into every page.
std::string pageStyleSheet(const std::filesystem::path& templatesDir);

}  // namespace namnd
