#include "render/html/template_file.hpp"

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace namnd {

std::string readTemplateFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw OutputError("Mallen " + file.string() + " saknas eller kan inte läsas");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw OutputError("Mallen " + file.string() + " kan inte läsas");
  return content.str();
}

std::string pageStyleSheet(const std::filesystem::path& templatesDir) {
  return readTemplateFile(templatesDir / "html" / "style.css");
}

}  // namespace namnd
