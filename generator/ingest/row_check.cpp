#include "ingest/row_check.hpp"

#include "core/number_parse.hpp"

namespace namnd {

RowCheck::RowCheck(const Record& record, ImportSummary& summary)
    : record_(record), summary_(summary) {
  ++summary_.rowsRead;
  if (auto problem = record.shapeProblem())
    fail({record.at("").file, record.line(), ""}, std::move(*problem));
}

void RowCheck::fail(SourceLocation where, std::string reason) {
  if (!ok_) return;
  ok_ = false;
  summary_.rejected.push_back({std::move(where), std::move(reason)});
}

bool RowCheck::accept(std::optional<std::int64_t> ore) {
  if (!ok_) {
    if (ore) summary_.rejectedOre += *ore;
    return false;
  }
  ++summary_.rowsAccepted;
  if (ore) summary_.acceptedOre += *ore;
  return true;
}

std::optional<std::int64_t> RowCheck::amount(std::string_view column) {
  std::string error;
  const auto ore = record_.amountOre(column, &error);
  if (!ore)
    fail(record_.at(column),
         "ogiltigt belopp \"" + std::string(record_.text(column)) + "\": " + error);
  return ore;
}

std::optional<std::string_view> RowCheck::code(std::string_view column) {
  const std::string_view value = record_.text(column);
  if (value.empty()) {
    fail(record_.at(column), std::string(column) + " saknas");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string_view> RowCheck::konto(std::string_view column) {
  const auto value = code(column);
  if (!value) return value;
  // Exports often put the account's name in the same cell: keep the leading digits.
  std::size_t digits = 0;
  while (digits < value->size() && (*value)[digits] >= '0' && (*value)[digits] <= '9') ++digits;
  if (digits > 0 && digits < value->size() && ((*value)[digits] == ' ' || (*value)[digits] == '\t'))
    return value->substr(0, digits);
  return value;
}

std::optional<Period> RowCheck::period(std::string_view periodColumn, std::string_view dateColumn) {
  const std::string_view periodText = record_.text(periodColumn);
  if (!periodText.empty() || dateColumn.empty() || !record_.has(dateColumn)) {
    const auto period = Period::parse(periodText);
    if (!period)
      fail(record_.at(periodColumn),
           "ogiltig period \"" + std::string(periodText) + "\" (ÅÅÅÅMM väntades)");
    return period;
  }
  const std::string date = record_.dateText(dateColumn);
  const auto period = Period::fromIsoDate(date);
  if (!period)
    fail(record_.at(dateColumn), "ogiltigt datum \"" + date + "\" (ÅÅÅÅ-MM-DD väntades)");
  return period;
}

std::optional<Period> RowCheck::month(std::string_view column) {
  if (const auto period = Period::parse(record_.text(column))) return period;
  const std::string date = record_.dateText(column);
  const auto period = Period::fromIsoDate(date);
  if (!period)
    fail(record_.at(column), "ogiltig månad \"" + date + "\" (ÅÅÅÅMM eller ÅÅÅÅ-MM-DD väntades)");
  return period;
}

std::optional<int> RowCheck::year(std::string_view column) {
  const std::string_view text = record_.text(column);
  const auto year = text.size() == 4 ? parseWholeNumber(text) : std::nullopt;
  if (!year || *year < 1900 || *year > 2999) {
    fail(record_.at(column), "ogiltigt år \"" + std::string(text) + "\" (ÅÅÅÅ väntades)");
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

}  // namespace namnd
