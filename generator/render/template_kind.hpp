#pragma once
// A report kind picks its own template files ("<kind>.mustache", "<kind>.json"); only a name of
// [a-z0-9_-] can be one, so that a kind never reaches outside the templates folder.

#include <algorithm>
#include <string_view>

namespace namnd {

inline bool isSafeTemplateKind(std::string_view kind) {
  return !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace namnd
