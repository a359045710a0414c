#include "ingest/table/xlsx_source.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/number_parse.hpp"
#include "ingest/xlsx/cell_reference.hpp"
#include "ingest/xlsx/excel_date.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kMaxOre = 90'000'000'000'000'000;  // the limit parseAmountOre keeps
constexpr int kHeaderCandidates = 10;                     // non-empty rows tried as the header
constexpr std::size_t kMaxPlainDigits = 40;  // longer numbers keep the text the file stores

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A number cell's stored text as an exact decimal: value = ±digits · 10^exponent, digits without
// leading or trailing zeros (empty for zero). Parsing it ourselves keeps 1234.565 from becoming
// 1234.5649999… on its way through a double.
struct Decimal {
  bool negative = false;
  std::string digits;
  std::int64_t exponent = 0;
};

std::optional<Decimal> parseDecimal(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  bool point = false;
  bool anyDigit = false;
  std::int64_t fractionDigits = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (isDigit(c)) {
      anyDigit = true;
      if (!d.digits.empty() || c != '0') d.digits += c;
      if (point) ++fractionDigits;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!anyDigit) return std::nullopt;
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negativeExponent = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negativeExponent = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    for (; i < text.size() && isDigit(text[i]); ++i) {
      // Saturates: any exponent this large already means "far too big" or "rounds to zero".
      exponent = std::min<std::int64_t>(exponent * 10 + (text[i] - '0'), 1'000'000);
    }
    if (negativeExponent) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  d.exponent = exponent - fractionDigits;
  while (!d.digits.empty() && d.digits.back() == '0') {
    d.digits.pop_back();
    ++d.exponent;
  }
  if (d.digits.empty()) d = Decimal{};  // "-0.0" is zero
  return d;
}

// "202510", "434750.25", "-0.005"; nullopt when that would be absurdly long.
std::optional<std::string> plainDecimal(const Decimal& d) {
  if (d.digits.empty()) return "0";
  std::string text = d.negative ? "-" : "";
  if (d.exponent >= 0) {
    if (d.digits.size() + static_cast<std::size_t>(d.exponent) > kMaxPlainDigits)
      return std::nullopt;
    text += d.digits;
    text.append(static_cast<std::size_t>(d.exponent), '0');
    return text;
  }
  const auto fraction = static_cast<std::size_t>(-d.exponent);
  if (fraction > kMaxPlainDigits || d.digits.size() > kMaxPlainDigits) return std::nullopt;
  if (d.digits.size() > fraction) {
    const std::size_t whole = d.digits.size() - fraction;
    text += d.digits.substr(0, whole) + "." + d.digits.substr(whole);
  } else {
    text += "0.";
    text.append(fraction - d.digits.size(), '0');
    text += d.digits;
  }
  return text;
}

// The stored number as a reader expects to see it: whole numbers without ".0" or exponent.
std::string numberText(std::string_view stored) {
  if (const auto d = parseDecimal(stored)) {
    if (auto plain = plainDecimal(*d)) return std::move(*plain);
  }
  return std::string(stored);
}

// Exactly rounded to öre, half away from zero (the first dropped digit decides).
std::optional<std::int64_t> decimalToOre(const Decimal& d, std::string* error) {
  if (d.digits.empty()) return 0;
  const auto tooBig = [&]() -> std::optional<std::int64_t> {
    if (error) *error = "talet är för stort";
    return std::nullopt;
  };
  std::int64_t shift = d.exponent + 2;  // kronor → öre
  std::string_view kept = d.digits;
  char roundingDigit = '0';
  if (shift < 0) {
    const auto dropped = static_cast<std::size_t>(-shift);
    if (dropped > kept.size()) {
      kept = {};  // the first dropped digit is one of the zeros after the point
    } else {
      roundingDigit = kept[kept.size() - dropped];
      kept.remove_suffix(dropped);
    }
    shift = 0;
  }
  if (static_cast<std::int64_t>(kept.size()) + shift > 18) return tooBig();
  std::int64_t value = 0;
  for (const char c : kept) {
    if (value > (kMaxOre - (c - '0')) / 10) return tooBig();
    value = value * 10 + (c - '0');
  }
  for (std::int64_t i = 0; i < shift; ++i) {
    if (value > kMaxOre / 10) return tooBig();
    value *= 10;
  }
  if (roundingDigit >= '5') {
    if (value == kMaxOre) return tooBig();
    ++value;
  }
  return d.negative ? -value : value;
}

bool isPlainInteger(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || (text.front() == '0' && (text.size() > 1 || negative))) return false;
  return std::all_of(text.begin(), text.end(), isDigit);
}

bool isBlank(const XlsxCell& cell) {
  return cell.type == XlsxCell::Type::Empty ||
         (cell.type == XlsxCell::Type::Text && trimSpace(cell.text).empty());
}

bool isBlankRow(const XlsxRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), isBlank);
}

// "2025-10-31T00:00:00" (an ISO date cell, t="d") → "2025-10-31"; other text unchanged.
std::string_view withoutTimeOfDay(std::string_view text) {
  if (text.size() <= 10 || text[10] != 'T') return text;
  for (std::size_t i = 0; i < 10; ++i) {
    if ((i == 4 || i == 7) ? text[i] != '-' : !isDigit(text[i])) return text;
  }
  return text.substr(0, 10);
}

std::string headerCellText(const XlsxCell& cell) {
  switch (cell.type) {
    case XlsxCell::Type::Text:
      return std::string(trimSpace(cell.text));
    case XlsxCell::Type::Number:
      return numberText(cell.text);
    default:
      return cell.text;
  }
}

// "kolumnen period eller datum saknas i rubrikraden" for the first group with no column present.
void checkAtLeastOneOf(const ColumnMatcher& columns, const TableSpec& spec,
                       const std::string& displayName, std::int64_t headerRow) {
  for (const std::vector<std::string>& group : spec.atLeastOneOf) {
    if (std::any_of(group.begin(), group.end(),
                    [&](const std::string& name) { return columns.has(name); }))
      continue;
    std::string names;
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (i > 0) names += i + 1 == group.size() ? " eller " : ", ";
      names += group[i];
    }
    throw InputError({displayName, headerRow, ""}, "kolumnen " + names + " saknas i rubrikraden");
  }
}

// How much a row that failed as the header still looks like it: the number of the spec's columns
// it names. The error of the best-looking row is the one worth reporting.
std::size_t headerLikeness(const std::vector<std::string_view>& header, const TableSpec& spec,
                           const std::string& displayName, std::int64_t row) {
  std::vector<ColumnSpec> optional = spec.columns;
  for (ColumnSpec& column : optional) column.required = false;
  try {
    const ColumnMatcher columns(header, optional, displayName, row);
    return static_cast<std::size_t>(
        std::count_if(optional.begin(), optional.end(),
                      [&](const ColumnSpec& column) { return columns.has(column.name); }));
  } catch (const InputError&) {
    return optional.size();  // a duplicated column: clearly the header, with a problem
  }
}

class SheetRecord final : public Record {
 public:
  SheetRecord(const std::string& displayName, const ColumnMatcher& columns, const TableSpec& spec,
              ExcelDateSystem dateSystem)
      : displayName_(displayName), columns_(columns), dateSystem_(dateSystem) {
    for (const ColumnSpec& column : spec.columns) {
      if (const auto index = columns.index(column.name)) {
        used_.push_back(*index);
        if (*index >= numberTexts_.size()) numberTexts_.resize(*index + 1);
      }
    }
  }

  void setRow(const XlsxRow& row) {
    row_ = &row;
    // Text views into the row serve most cells; only numbers that need rewriting are kept here.
    for (const std::size_t index : used_) {
      const XlsxCell* cell = index < row.cells.size() ? &row.cells[index] : nullptr;
      if (cell && cell->type == XlsxCell::Type::Number && !isPlainInteger(cell->text))
        numberTexts_[index] = numberText(cell->text);
    }
  }

  std::int64_t line() const override { return row_->rowNumber; }
  bool has(std::string_view column) const override { return columns_.has(column); }
  bool has(ColumnId column) const override { return columns_.has(column); }

  std::string_view text(std::string_view column) const override {
    return cellText(indexOf(column));
  }
  std::string_view text(ColumnId column) const override {
    return cellText(columns_.fieldOf(column));
  }

  std::optional<std::int64_t> amountOre(std::string_view column,
                                        std::string* error) const override {
    return cellAmountOre(indexOf(column), error);
  }
  std::optional<std::int64_t> amountOre(ColumnId column, std::string* error) const override {
    return cellAmountOre(columns_.fieldOf(column), error);
  }

  std::string dateText(std::string_view column) const override {
    return cellDateText(indexOf(column));
  }
  std::string dateText(ColumnId column) const override {
    return cellDateText(columns_.fieldOf(column));
  }

  SourceLocation at(std::string_view column) const override {
    return locationOf(indexOf(column), column);
  }
  SourceLocation at(ColumnId column) const override {
    return locationOf(columns_.fieldOf(column), column.name);
  }

  // A sheet has no ragged rows; cells right of the header's last column are ignored.
  std::optional<std::string> shapeProblem() const override { return std::nullopt; }

 private:
  // By name and by id alike, a column is a cell index here (kAbsent: not in the file).
  std::size_t indexOf(std::string_view column) const {
    return columns_.index(column).value_or(ColumnMatcher::kAbsent);
  }

  const XlsxCell* cellOf(std::size_t index) const {
    return index < row_->cells.size() ? &row_->cells[index] : nullptr;
  }

  std::string_view cellText(std::size_t index) const {
    const XlsxCell* cell = cellOf(index);
    if (!cell) return {};
    switch (cell->type) {
      case XlsxCell::Type::Text:
        return trimSpace(cell->text);
      case XlsxCell::Type::Number:
        return isPlainInteger(cell->text) ? std::string_view(cell->text) : numberTexts_[index];
      default:
        return cell->text;
    }
  }

  std::optional<std::int64_t> cellAmountOre(std::size_t index, std::string* error) const {
    const XlsxCell* cell = cellOf(index);
    const auto fail = [&](std::string reason) -> std::optional<std::int64_t> {
      if (error) *error = std::move(reason);
      return std::nullopt;
    };
    if (!cell || cell->type == XlsxCell::Type::Empty) return fail("värdet saknas");
    switch (cell->type) {
      case XlsxCell::Type::Number: {
        const auto d = parseDecimal(cell->text);
        if (!d) return fail("inte ett tal (\"" + cell->text + "\")");
        return decimalToOre(*d, error);
      }
      case XlsxCell::Type::Boolean:
        return fail("cellen innehåller ett sanningsvärde, inte ett belopp");
      case XlsxCell::Type::Error:
        return fail("cellen innehåller felet " + cell->text);
      default:
        return parseAmountOre(cell->text, error);
    }
  }

  std::string cellDateText(std::size_t index) const {
    const XlsxCell* cell = cellOf(index);
    if (!cell) return {};
    switch (cell->type) {
      case XlsxCell::Type::Number:
        // Out of the calendar: the number itself, for the reader to reject as no date.
        return excelSerialToIsoDate(cell->number, dateSystem_)
            .value_or(std::string(cellText(index)));
      case XlsxCell::Type::Text:
        return std::string(withoutTimeOfDay(trimSpace(cell->text)));
      default:
        return cell->text;
    }
  }

  SourceLocation locationOf(std::size_t index, std::string_view column) const {
    if (index == ColumnMatcher::kAbsent)
      return {displayName_, row_->rowNumber, std::string(column)};
    return {displayName_, row_->rowNumber,
            columns_.headerText(index) + " (" + columnName(static_cast<int>(index)) + ")"};
  }

  const std::string& displayName_;
  const ColumnMatcher& columns_;
  ExcelDateSystem dateSystem_;
  std::vector<std::size_t> used_;  // cell indexes of the matched columns
  std::vector<std::string> numberTexts_;
  const XlsxRow* row_ = nullptr;
};

}  // namespace

XlsxSource::XlsxSource(std::shared_ptr<const std::string> bytes, std::string displayName,
                       std::string sheet)
    : bytes_(std::move(bytes)), displayName_(std::move(displayName)), sheet_(std::move(sheet)) {}

XlsxSource::XlsxSource(std::filesystem::path path, std::string displayName, std::string sheet)
    : path_(std::move(path)), displayName_(std::move(displayName)), sheet_(std::move(sheet)) {}

const std::string& XlsxSource::displayName() const { return displayName_; }

void XlsxSource::read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) {
  const XlsxWorkbook book = bytes_ ? XlsxWorkbook::openBytes(bytes_, displayName_)
                                   : XlsxWorkbook::open(path_, displayName_);

  std::optional<ColumnMatcher> columns;
  std::optional<SheetRecord> record;
  int candidates = 0;
  std::size_t bestLikeness = 0;
  std::optional<InputError> bestError;  // of the candidate that looked most like a header

  book.readSheet(sheet_, [&](const XlsxRow& row) {
    if (isBlankRow(row)) return;
    if (record) {
      record->setRow(row);
      onRecord(*record);
      return;
    }
    std::vector<std::string> texts;
    for (const XlsxCell& cell : row.cells) texts.push_back(headerCellText(cell));
    const std::vector<std::string_view> header(texts.begin(), texts.end());
    try {
      columns.emplace(header, spec.columns, displayName_, row.rowNumber);
      checkAtLeastOneOf(*columns, spec, displayName_, row.rowNumber);
      record.emplace(displayName_, *columns, spec, book.dateSystem());
    } catch (const InputError& error) {
      columns.reset();
      const std::size_t likeness = headerLikeness(header, spec, displayName_, row.rowNumber);
      if (!bestError || likeness > bestLikeness) {
        bestError = error;
        bestLikeness = likeness;
      }
      if (++candidates == kHeaderCandidates) throw *bestError;
    }
  });

  if (record) return;
  if (bestError) throw *bestError;
  const std::string sheet = sheet_.empty() ? "det första bladet" : "bladet \"" + sheet_ + "\"";
  throw InputError({displayName_, 0, ""}, sheet + " är tomt (rubrikrad saknas)");
}

}  // namespace namnd
