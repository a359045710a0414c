#pragma once
// The wording of a report — titles, column headers, footnotes — lives in templates/text/*.json
// so that a kommun changes it without recompiling. Texts may hold placeholders such as
// {period} (see core/placeholders.hpp).

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/placeholders.hpp"

namespace namnd {

class ReportTexts {
 public:
  // Throws ConfigError (Swedish, naming the file) when it is missing or not a JSON object.
  static ReportTexts load(const std::filesystem::path& file);

  // The text at a dotted key ("omraden.rubrik") with placeholders filled. Throws ConfigError
  // naming the file and key when the key is missing or not a text.
  std::string text(std::string_view dottedKey, const PlaceholderValues& values) const;
  // A list of objects at a dotted key, as (first field, second field) pairs, e.g.
  // pairs("omraden.kolumner", "matt", "rubrik"). Texts are returned unexpanded.
  std::vector<std::pair<std::string, std::string>> pairs(std::string_view dottedKey,
                                                         const std::string& firstField,
                                                         const std::string& secondField) const;
  // A list of objects at a dotted key, each as its fields (name → text, unexpanded), for a list
  // whose items have different fields. ConfigError naming the file, key and item when an item is
  // not an object or a field is not a text.
  std::vector<std::map<std::string, std::string>> objects(std::string_view dottedKey) const;

 private:
  struct Impl;
  std::filesystem::path file_;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace namnd
