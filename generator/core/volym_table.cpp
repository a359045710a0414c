#include "core/volym_table.hpp"

namespace namnd {

std::optional<std::string> volymMeasureCode(std::string_view text) {
  std::string code;
  code.reserve(text.size());
  bool pendingSeparator = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char plain = 0;
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pendingSeparator = !code.empty();  // a run of them is one '_'; leading ones are dropped
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      plain = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      plain = static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // UTF-8 Å Ä Ö å ä ö É é: C3 85/84/96, A5/A4/B6, 89/A9
      switch (static_cast<unsigned char>(text[i + 1])) {
        case 0x85:
        case 0x84:
        case 0xA5:
        case 0xA4:
          plain = 'a';
          break;
        case 0x96:
        case 0xB6:
          plain = 'o';
          break;
        case 0x89:
        case 0xA9:
          plain = 'e';
          break;
        default:
          return std::nullopt;
      }
      ++i;
    } else {
      return std::nullopt;
    }
    if (pendingSeparator) code.push_back('_');
    pendingSeparator = false;
    code.push_back(plain);
  }
  if (code.empty()) return std::nullopt;
  return code;
}

bool VolymTable::add(const std::string& matt, const std::string& ansvar, Period period,
                     std::int64_t hundredths) {
  const bool inserted = values_[matt][period].emplace(ansvar, hundredths).second;
  if (inserted) ++size_;
  return inserted;
}

std::optional<std::int64_t> VolymTable::value(std::string_view matt, std::string_view ansvar,
                                              Period period) const {
  const auto measure = values_.find(matt);
  if (measure == values_.end()) return std::nullopt;
  const auto month = measure->second.find(period);
  if (month == measure->second.end()) return std::nullopt;
  const auto found = month->second.find(ansvar);
  if (found == month->second.end()) return std::nullopt;
  return found->second;
}

bool VolymTable::hasMeasure(std::string_view matt) const { return values_.contains(matt); }

std::optional<std::int64_t> VolymTable::totalAt(std::string_view matt, Period period) const {
  const auto measure = values_.find(matt);
  if (measure == values_.end()) return std::nullopt;
  const auto month = measure->second.find(period);
  if (month == measure->second.end()) return std::nullopt;
  std::int64_t total = 0;
  for (const auto& [ansvar, hundredths] : month->second) total += hundredths;
  return total;
}

std::vector<Period> VolymTable::periods(std::string_view matt) const {
  std::vector<Period> result;
  const auto measure = values_.find(matt);
  if (measure == values_.end()) return result;
  for (const auto& [period, byAnsvar] : measure->second) result.push_back(period);
  return result;
}

std::vector<std::string> VolymTable::measures() const {
  std::vector<std::string> result;
  for (const auto& [matt, byPeriod] : values_) result.push_back(matt);
  return result;
}

}  // namespace namnd
