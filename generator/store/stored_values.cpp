#include "store/stored_values.hpp"

#include <algorithm>
#include <tuple>

#include "core/errors.hpp"

namespace namnd {

namespace {

std::int64_t magnitude(std::int64_t ore) { return ore < 0 ? -ore : ore; }

// The end of a key/value connection string's value starting at `from`: "'a b'" (quoted, with
// \' and \\ escapes) or "abc" up to a space (where libpq also takes "\ " as an escaped space).
std::size_t conninfoValueEnd(std::string_view text, std::size_t from) {
  while (from < text.size() && text[from] == ' ') ++from;
  const bool quoted = from < text.size() && text[from] == '\'';
  for (std::size_t i = quoted ? from + 1 : from; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (quoted ? text[i] == '\'' : text[i] == ' ') return quoted ? i + 1 : i;
  }
  return text.size();
}

std::string asciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace

SourceKind storedSourceKind(const std::string& text, const std::string& storeName) {
  for (SourceKind kind :
       {SourceKind::Huvudbok, SourceKind::Budget, SourceKind::Prognos, SourceKind::Hr})
    if (text == sourceKindName(kind)) return kind;
  throw StoreError("Lagret " + storeName + " innehåller en import av okänd sort '" + text + "'.");
}

Period storedPeriod(std::int64_t code, const std::string& storeName) {
  if (code >= 190001 && code <= 299912 && code % 100 >= 1 && code % 100 <= 12)
    return Period(static_cast<int>(code / 100), static_cast<int>(code % 100));
  throw StoreError("Lagret " + storeName + " innehåller den ogiltiga perioden " +
                   std::to_string(code) + ".");
}

std::vector<LedgerTransaction> largestPerAnsvar(std::vector<LedgerTransaction> rows,
                                                int perAnsvar) {
  std::vector<LedgerTransaction> largest;
  if (perAnsvar <= 0) return largest;
  std::stable_sort(rows.begin(), rows.end(),
                   [](const LedgerTransaction& a, const LedgerTransaction& b) {
                     if (a.ansvar != b.ansvar) return a.ansvar < b.ansvar;
                     return magnitude(a.ore) > magnitude(b.ore);
                   });
  int ofAnsvar = 0;  // rows of the current ansvar taken or passed over
  for (LedgerTransaction& row : rows) {
    // The first row of an ansvar is always taken, so the last taken names the current one.
    if (largest.empty() || largest.back().ansvar != row.ansvar) ofAnsvar = 0;
    if (ofAnsvar++ < perAnsvar) largest.push_back(std::move(row));
  }
  return largest;
}

void sortImportLog(std::vector<ImportSummary>& log) {
  std::sort(log.begin(), log.end(), [](const ImportSummary& a, const ImportSummary& b) {
    return std::tie(a.kind, a.sourcePath) < std::tie(b.kind, b.sourcePath);
  });
}

std::string redactedStoreUri(std::string_view uri) {
  std::string out(uri);
  // URI form: scheme://user:password@host…
  if (const std::size_t scheme = out.find("://"); scheme != std::string::npos) {
    const std::size_t at = out.find('@', scheme + 3);
    const std::size_t slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const std::size_t colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // Key/value form and URI parameters: password=… (also "password = …", in any case: libpq
  // refuses "PASSWORD=…" but its message must not show the value either).
  const std::size_t query =
      out.find("://") != std::string::npos ? out.find('?') : std::string::npos;
  for (std::size_t at = 0;;) {
    at = asciiLower(out).find("password", at);
    if (at == std::string::npos) break;
    std::size_t equals = at + 8;
    while (equals < out.size() && out[equals] == ' ') ++equals;
    if (equals >= out.size() || out[equals] != '=') {
      at += 8;
      continue;
    }
    std::size_t end = std::min(out.find('&', equals + 1), out.size());  // a URI parameter
    if (query == std::string::npos || at < query) end = conninfoValueEnd(out, equals + 1);
    out.replace(equals + 1, end - equals - 1, "***");
    at = equals + 4;
  }
  return out;
}

}  // namespace namnd
