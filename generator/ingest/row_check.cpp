#include "ingest/row_check.hpp"

#include "core/errors.hpp"
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

namespace {

std::string_view nameOf(std::string_view column) { return column; }
std::string_view nameOf(ColumnId column) { return column.name; }

}  // namespace

// By name or by id, the same checks: templates over the column, since Record answers both.
template <typename Column>
std::optional<std::int64_t> RowCheck::amountIn(Column column) {
  std::string error;
  const auto ore = record_.amountOre(column, &error);
  if (!ore)
    fail(record_.at(column), "ogiltigt belopp " + quotedValue(record_.text(column)) + ": " + error);
  return ore;
}

template <typename Column>
std::optional<std::string_view> RowCheck::codeIn(Column column) {
  const std::string_view value = record_.text(column);
  if (value.empty()) {
    fail(record_.at(column), std::string(nameOf(column)) + " saknas");
    return std::nullopt;
  }
  return value;
}

template <typename Column>
std::optional<std::string_view> RowCheck::kontoIn(Column column) {
  const auto value = codeIn(column);
  if (!value) return value;
  // Exports often put the account's name in the same cell: keep the leading digits.
  std::size_t digits = 0;
  while (digits < value->size() && (*value)[digits] >= '0' && (*value)[digits] <= '9') ++digits;
  if (digits > 0 && digits < value->size() && ((*value)[digits] == ' ' || (*value)[digits] == '\t'))
    return value->substr(0, digits);
  return value;
}

template <typename Column>
std::optional<Period> RowCheck::periodIn(Column periodColumn, Column dateColumn,
                                         bool hasDateColumn) {
  const std::string_view periodText = record_.text(periodColumn);
  if (!periodText.empty() || !hasDateColumn) {
    const auto period = Period::parse(periodText);
    if (!period)
      fail(record_.at(periodColumn),
           "ogiltig period " + quotedValue(periodText) + " (ÅÅÅÅMM väntades)");
    return period;
  }
  const std::string date = record_.dateText(dateColumn);
  const auto period = Period::fromIsoDate(date);
  if (!period)
    fail(record_.at(dateColumn), "ogiltigt datum \"" + date + "\" (ÅÅÅÅ-MM-DD väntades)");
  return period;
}

std::optional<std::int64_t> RowCheck::amount(std::string_view column) { return amountIn(column); }
std::optional<std::int64_t> RowCheck::amount(ColumnId column) { return amountIn(column); }
std::optional<std::string_view> RowCheck::code(std::string_view column) { return codeIn(column); }
std::optional<std::string_view> RowCheck::code(ColumnId column) { return codeIn(column); }
std::optional<std::string_view> RowCheck::konto(std::string_view column) { return kontoIn(column); }
std::optional<std::string_view> RowCheck::konto(ColumnId column) { return kontoIn(column); }

std::optional<Period> RowCheck::period(std::string_view periodColumn, std::string_view dateColumn) {
  return periodIn(periodColumn, dateColumn, !dateColumn.empty() && record_.has(dateColumn));
}
std::optional<Period> RowCheck::period(ColumnId periodColumn, ColumnId dateColumn) {
  return periodIn(periodColumn, dateColumn, record_.has(dateColumn));
}
std::optional<Period> RowCheck::period(ColumnId periodColumn) {
  return periodIn(periodColumn, periodColumn, false);
}

template <typename Column>
std::optional<Period> RowCheck::monthIn(Column column) {
  if (const auto period = Period::parse(record_.text(column))) return period;
  const std::string date = record_.dateText(column);
  const auto period = Period::fromIsoDate(date);
  if (!period)
    fail(record_.at(column), "ogiltig månad \"" + date + "\" (ÅÅÅÅMM eller ÅÅÅÅ-MM-DD väntades)");
  return period;
}

template <typename Column>
std::optional<int> RowCheck::yearIn(Column column) {
  const std::string_view text = record_.text(column);
  const auto year = text.size() == 4 ? parseWholeNumber(text) : std::nullopt;
  if (!year || *year < 1900 || *year > 2999) {
    fail(record_.at(column), "ogiltigt år " + quotedValue(text) + " (ÅÅÅÅ väntades)");
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

std::optional<Period> RowCheck::month(std::string_view column) { return monthIn(column); }
std::optional<Period> RowCheck::month(ColumnId column) { return monthIn(column); }
std::optional<int> RowCheck::year(std::string_view column) { return yearIn(column); }
std::optional<int> RowCheck::year(ColumnId column) { return yearIn(column); }

}  // namespace namnd
