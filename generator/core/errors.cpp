#include "core/errors.hpp"

namespace namnd {

std::string quotedValue(std::string_view value) {
  constexpr std::size_t kMaxBytes = 60;
  if (value.size() <= kMaxBytes) return "\"" + std::string(value) + "\"";
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(value.substr(0, cut)) + "…\"";
}

std::string SourceLocation::describe() const {
  std::string text = file;
  if (line > 0) {
    text += " rad ";
    text += std::to_string(line);
  }
  if (!column.empty()) {
    text += line > 0 ? ", kolumn " : " kolumn ";
    text += column;
  }
  return text;
}

InputError::InputError(SourceLocation where, const std::string& reason)
    : std::runtime_error(where.describe() + ": " + reason),
      where_(std::move(where)),
      reason_(reason) {}

}  // namespace namnd
