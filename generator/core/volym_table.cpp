#include "core/volym_table.hpp"

#include "core/category_name.hpp"

namespace namnd {

std::optional<std::string> volymMeasureCode(std::string_view text) {
  auto code = foldToAsciiCode(text, true);
  if (code && code->empty()) return std::nullopt;
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
