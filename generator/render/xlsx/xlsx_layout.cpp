#include "render/xlsx/xlsx_layout.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "core/errors.hpp"
#include "render/template_kind.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

class LayoutReader {
 public:
  explicit LayoutReader(fs::path file) : file_(std::move(file)) {}

  // Sets what the file names and keeps the rest of `layout`.
  void applyTo(SheetLayout& layout) const {
    const Poco::JSON::Object::Ptr root = parse();
    for (const auto& [key, value] : *root) {
      if (key.starts_with("_")) continue;  // "_kommentar": room for notes in the file
      if (key == "paper") {
        layout.page.paperSize = paperCode(text(key, value));
      } else if (key == "orientation") {
        const std::string o = text(key, value);
        if (o == "auto") {
          layout.orientation.reset();
        } else if (o == "landscape" || o == "portrait") {
          layout.orientation =
              o == "landscape" ? XlsxOrientation::Landscape : XlsxOrientation::Portrait;
        } else {
          fail(key, "ska vara \"auto\", \"landscape\" eller \"portrait\"");
        }
      } else if (key == "fitToPagesWide") {
        layout.page.fitPagesWide = static_cast<int>(number(key, value, 0, 100));
      } else if (key == "footer") {
        layout.page.footer = text(key, value);
      } else if (key == "columnWidths") {
        static const std::map<std::string, ColumnKind> kinds{{"text", ColumnKind::Text},
                                                             {"amount", ColumnKind::Amount},
                                                             {"count", ColumnKind::Count},
                                                             {"percent", ColumnKind::Percent},
                                                             {"decimal", ColumnKind::Decimal}};
        for (const auto& [kind, width] : *object(key, value)) {
          const auto found = kinds.find(kind);
          if (found == kinds.end()) fail(key + "." + kind, "är ingen kolumntyp");
          layout.columnWidths[found->second] = number(key + "." + kind, width, 1, 255);
        }
      } else if (key == "maxColumnWidth") {
        layout.maxColumnWidth = number(key, value, 1, 255);
      } else if (key == "textSheetColumnWidth") {
        layout.textSheetColumnWidth = number(key, value, 1, 255);
      } else if (key == "checkSheetColumnWidths") {
        static const std::array<std::string, 3> names{"kontroll", "status", "detalj"};
        for (const auto& [column, width] : *object(key, value)) {
          const auto found = std::find(names.begin(), names.end(), column);
          if (found == names.end()) fail(key + "." + column, "är ingen kolumn i kontrollbladet");
          layout.checkColumnWidths[static_cast<std::size_t>(found - names.begin())] =
              number(key + "." + column, width, 1, 255);
        }
      } else if (key == "sheetNames") {
        for (const auto& [id, name] : *object(key, value)) {
          layout.sheetNames[id] = text(key + "." + id, name);
        }
      } else {
        fail(key, "är ingen känd nyckel");
      }
    }
  }

 private:
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw OutputError("Excelmallen " + file_.string() + ": \"" + key + "\" " + problem);
  }

  Poco::JSON::Object::Ptr parse() const {
    std::ifstream in(file_, std::ios::binary);
    if (!in) throw OutputError("Excelmallen " + file_.string() + " saknas eller kan inte läsas");
    std::ostringstream content;
    content << in.rdbuf();
    try {
      Poco::JSON::Parser parser;
      const Poco::Dynamic::Var root = parser.parse(content.str());
      if (root.type() == typeid(Poco::JSON::Object::Ptr)) {
        return root.extract<Poco::JSON::Object::Ptr>();
      }
    } catch (const Poco::Exception& e) {
      throw OutputError("Excelmallen " + file_.string() + " kan inte tolkas: " + e.displayText());
    }
    throw OutputError("Excelmallen " + file_.string() + " ska innehålla ett JSON-objekt");
  }

  std::string text(const std::string& key, const Poco::Dynamic::Var& value) const {
    if (!value.isString()) fail(key, "ska vara en text");
    return value.extract<std::string>();
  }

  double number(const std::string& key, const Poco::Dynamic::Var& value, double min,
                double max) const {
    if (!value.isNumeric()) fail(key, "ska vara ett tal");
    const double n = value.convert<double>();
    if (!(n >= min && n <= max)) {
      fail(key, "ska ligga mellan " + std::to_string(static_cast<int>(min)) + " och " +
                    std::to_string(static_cast<int>(max)));
    }
    return n;
  }

  Poco::JSON::Object::Ptr object(const std::string& key, const Poco::Dynamic::Var& value) const {
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) fail(key, "ska vara ett objekt");
    return value.extract<Poco::JSON::Object::Ptr>();
  }

  int paperCode(const std::string& paper) const {
    if (paper == "A4") return 9;
    if (paper == "A3") return 8;
    if (paper == "Letter") return 1;
    fail("paper", "ska vara \"A4\", \"A3\" eller \"Letter\"");
  }

  fs::path file_;
};

}  // namespace

SheetLayout loadLayout(const fs::path& templatesDir, const std::string& kind) {
  SheetLayout layout;
  layout.palette = loadChartPalette(templatesDir);
  LayoutReader(templatesDir / "xlsx" / "document.json").applyTo(layout);
  if (isSafeTemplateKind(kind)) {
    const fs::path own = templatesDir / "xlsx" / (kind + ".json");
    if (fs::exists(own)) LayoutReader(own).applyTo(layout);
  }
  return layout;
}

std::optional<std::string> configuredSheetName(const SheetLayout& layout, const std::string& id) {
  const auto exact = layout.sheetNames.find(id);
  if (exact != layout.sheetNames.end()) return exact->second;
  std::optional<std::string> found;
  std::size_t longest = 0;
  for (const auto& [key, name] : layout.sheetNames) {
    if (key.empty() || key.back() != '*') continue;
    const std::size_t prefix = key.size() - 1;
    if (id.compare(0, prefix, key, 0, prefix) == 0 && (!found || prefix > longest)) {
      found = name;
      longest = prefix;
    }
  }
  return found;
}

}  // namespace namnd
