#include "core/errors.hpp"

namespace namnd {

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
