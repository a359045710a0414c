#include "support/csv_text_source.hpp"

namespace namnd::testing {

CsvTextSource::CsvTextSource(const std::string& text, std::string displayName) {
  const auto file = dir_ / "input.csv";
  writeFile(file, text);
  source_ = std::make_unique<CsvSource>(file, std::move(displayName));
}

}  // namespace namnd::testing
