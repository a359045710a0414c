#include "render/chart_palette.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/errors.hpp"
#include "render/series_look.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

std::optional<std::uint32_t> parseHexColour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  return value;
}

}  // namespace

ChartPalette defaultChartPalette() {
  return {{series_look::kColours.begin(), series_look::kColours.end()}};
}

ChartPalette loadChartPalette(const fs::path& templatesDir) {
  const fs::path file = templatesDir / "farger.json";
  if (!fs::exists(file)) return defaultChartPalette();
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Poco::JSON::Array::Ptr list;
  try {
    const auto root = Poco::JSON::Parser().parse(bytes.str()).extract<Poco::JSON::Object::Ptr>();
    if (!root) throw ConfigError(name + ": filen ska vara ett JSON-objekt");
    list = root->getArray("diagramserier");
  } catch (const Poco::Exception& e) {
    throw ConfigError(name + ": kan inte läsas som JSON: " + e.displayText());
  } catch (const std::exception&) {
    throw ConfigError(name + ": filen ska vara ett JSON-objekt med \"diagramserier\"");
  }
  if (!list || list->size() == 0) {
    throw ConfigError(name +
                      ": \"diagramserier\" ska vara en lista med minst en färg (\"#1F4E79\")");
  }
  ChartPalette palette;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Poco::Dynamic::Var entry = list->get(static_cast<unsigned>(i));
    const std::optional<std::uint32_t> colour =
        entry.isString() ? parseHexColour(entry.extract<std::string>()) : std::nullopt;
    if (!colour) {
      throw ConfigError(name + ": \"diagramserier\" nummer " + std::to_string(i + 1) +
                        " ska vara en färg som \"#1F4E79\"");
    }
    palette.colours.push_back(*colour);
  }
  return palette;
}

}  // namespace namnd
