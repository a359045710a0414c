#include "render/xlsx/xlsx_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"
#include "render/text_width.hpp"
#include "render/xlsx/xlsx_layout.hpp"
#include "render/xlsx/xlsx_workbook.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// ---- Document date → fixed creation time ----

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), so that no
// time zone or locale takes part.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::time_t creationTime(const std::string& isoDate) {
  const auto bad = [&]() {
    return OutputError("Dokumentdatumet \"" + isoDate +
                       "\" är inte ett giltigt datum (ÅÅÅÅ-MM-DD); det behövs för Excelfilens "
                       "skapandetid");
  };
  if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-') throw bad();
  const auto digits = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (isoDate[i] < '0' || isoDate[i] > '9') throw bad();
      n = n * 10 + (isoDate[i] - '0');
    }
    return n;
  };
  const int year = digits(0, 4);
  const int month = digits(5, 2);
  const int day = digits(8, 2);
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  // A time_t of 0 or less would make libxlsxwriter fall back to the clock.
  if (year < 1971 || month < 1 || month > 12 || day < 1 ||
      day > kDays[static_cast<std::size_t>(month - 1)] || (month == 2 && day == 29 && !leap)) {
    throw bad();
  }
  const std::int64_t days =
      daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<std::time_t>(days * 86400 + 12 * 3600);
}

// ---- Sheet names ----

// Excel counts sheet-name length in UTF-16 units; a 4-byte UTF-8 sequence is two of them.
std::string truncateUtf16(const std::string& s, std::size_t maxUnits) {
  std::size_t units = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const std::size_t charUnits = bytes == 4 ? 2 : 1;
    if (units + charUnits > maxUnits) break;
    units += charUnits;
    i = std::min(s.size(), i + bytes);
  }
  return s.substr(0, i);
}

// Cut to Excel's limit at a word boundary when a word would be split ("Typ av händelse,
// Äldreomsorg" rather than "…, Äldreomsorg, f"), unless that leaves less than half.
std::string truncateAtWord(const std::string& s, std::size_t maxUnits) {
  const std::string cut = truncateUtf16(s, maxUnits);
  if (cut.size() == s.size() || s[cut.size()] == ' ') return cut;
  const std::size_t space = cut.rfind(' ');
  if (space == std::string::npos || space < cut.size() / 2) return cut;
  std::string word = cut.substr(0, space);
  while (!word.empty() && (word.back() == ',' || word.back() == ' ' || word.back() == '-'))
    word.pop_back();
  return word;
}

std::string trimmed(const std::string& s) {
  const auto keep = [](char c) { return c != ' ' && c != '\''; };  // Excel: no leading/trailing '
  const auto first = std::find_if(s.begin(), s.end(), keep);
  const auto last = std::find_if(s.rbegin(), s.rend(), keep).base();
  return first < last ? std::string(first, last) : std::string();
}

// Excel compares sheet names case-insensitively, å/ä/ö included.
std::string foldCase(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < s.size() &&
               (s[i + 1] == '\x85' || s[i + 1] == '\x84' || s[i + 1] == '\x96')) {
      out += c;
      out += static_cast<char>(s[i + 1] + 0x20);  // Å Ä Ö → å ä ö
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

class SheetNamer {
 public:
  std::string unique(const std::string& wanted, const std::string& fallback) {
    std::string base = wanted;
    for (char& c : base) {
      if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    base = trimmed(truncateAtWord(trimmed(base), kMaxLength));
    if (base.empty()) base = fallback;
    std::string name = base;
    for (int n = 2; used_.count(foldCase(name)) != 0; ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      name = trimmed(truncateAtWord(base, kMaxLength - suffix.size())) + suffix;
    }
    used_.insert(foldCase(name));
    return name;
  }

 private:
  static constexpr std::size_t kMaxLength = 31;
  std::set<std::string> used_;
};

// ---- Which sections go on which sheet ----

const std::string& sectionId(const Section& section) {
  return std::visit([](const auto& s) -> const std::string& { return s.id; }, section);
}

// A sheet and the sections on it, in document order. Consecutive sections of any kind that the
// layout gives the same sheet name share a sheet; a section without a configured name has a
// sheet of its own, named by its title.
struct SheetPlan {
  std::optional<std::string> configured;  // the layout's name, when it gives one
  std::string wanted;
  std::string fallback;
  std::vector<const Section*> sections;
};

std::vector<SheetPlan> planSheets(const Document& doc, const SheetLayout& layout) {
  std::vector<SheetPlan> plans;
  for (const Section& section : doc.sections) {
    // A workbook has no heading levels; its sheets are the parts' sections.
    if (std::holds_alternative<PartHeading>(section)) continue;
    const std::optional<std::string> configured = configuredSheetName(layout, sectionId(section));
    if (configured && !plans.empty() && plans.back().configured == configured) {
      plans.back().sections.push_back(&section);
      continue;
    }
    SheetPlan plan{configured, "", "", {&section}};
    std::visit(
        [&](const auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, Table>) {
            plan.wanted = s.title;
            plan.fallback = "Tabell";
          } else if constexpr (std::is_same_v<T, CheckSection>) {
            plan.wanted = "Kontroller";
            plan.fallback = "Kontroller";
          } else if constexpr (std::is_same_v<T, Chart>) {
            plan.wanted = s.title;
            plan.fallback = "Diagram";
          } else {
            plan.wanted = s.title;
            plan.fallback = "Text";
          }
        },
        section);
    if (configured) plan.wanted = *configured;
    plans.push_back(std::move(plan));
  }
  return plans;
}

// ---- Charts: whether one is drawn ----

bool isDrawable(const std::optional<double>& value) { return value && std::isfinite(*value); }

// A chart is drawn when some series has a value for some category.
bool hasChartData(const Chart& chart) {
  for (const ChartSeries& series : chart.series) {
    const std::size_t n = std::min(series.values.size(), chart.categories.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (isDrawable(series.values[i])) return true;
    }
  }
  return false;
}

// The native chart: Excel's default 480 × 288 pixels scaled, beside its data table.
constexpr double kChartWidthScale = 1.5;
constexpr double kChartHeightScale = 1.25;
// 288 × 1.25 = 360 pixels = 18 default rows of 20 pixels: the rows a chart covers from its
// data table's header row down, which the next section on the sheet must start below.
constexpr int kChartRows = 18;
// 480 × 1.5 = 720 pixels ≈ 103 column width units of 7 pixels, and the empty column before it.
constexpr double kChartWidthUnits = 103;
constexpr int kChartGapColumns = 1;

// ---- How wide a cell's content is ----

// In Excel's width units, the width of a digit. A letter counts one: most are narrower than a
// digit, capitals and bold ones about as wide, so a text fits with the padding.
constexpr double kCellPadding = 2;
constexpr double kBoldFactor = 1.1;
constexpr double kIndentUnits = 2;  // one indent level of a cell

// Characters a number shows with the column's format: sign, digits, thousands separators (not
// in a percentage), decimals and "%" ("-2 855 737,50" is 13).
std::size_t displayedLength(double value, const Column& column) {
  const bool integer = column.kind == ColumnKind::Amount || column.kind == ColumnKind::Count;
  const bool percent = column.kind == ColumnKind::Percent;
  const int decimals = integer ? 0 : std::clamp(column.decimals, 0, 10);
  const double shown = percent ? value * 100 : value;
  if (!std::isfinite(shown)) return 0;
  std::array<char, 64> digits{};
  std::snprintf(digits.data(), digits.size(), "%.*f", decimals, std::fabs(shown));
  const std::size_t whole = std::strspn(digits.data(), "0123456789");
  const bool zero = std::strspn(digits.data(), "0.,") == std::strlen(digits.data());
  std::size_t length = whole + (percent || whole == 0 ? 0 : (whole - 1) / 3);
  if (decimals > 0) length += 1 + static_cast<std::size_t>(decimals);
  if (percent) ++length;
  if (!zero && (shown < 0 || column.showPlusSign)) ++length;  // "-" or "+"
  return length;
}

// The width a cell's content asks for, padding included; 0 for an empty cell.
double contentWidth(const CellValue& value, const Column& column, bool bold, int indent) {
  const double factor = bold ? kBoldFactor : 1.0;
  return std::visit(
      [&](const auto& v) -> double {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return 0;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return static_cast<double>(codePoints(v)) * factor + kIndentUnits * std::max(0, indent) +
                 kCellPadding;
        } else {
          const auto length = displayedLength(static_cast<double>(v), column);
          return static_cast<double>(length) * factor + kCellPadding;
        }
      },
      value);
}

double headerWidth(const std::string& header) {
  return static_cast<double>(longestWord(header)) * kBoldFactor + kCellPadding;
}

// The column that a row's level indents: the first text column.
int indentColumnOf(const Table& table) {
  const auto firstText = std::find_if(table.columns.begin(), table.columns.end(),
                                      [](const Column& c) { return c.kind == ColumnKind::Text; });
  return firstText == table.columns.end() ? -1
                                          : static_cast<int>(firstText - table.columns.begin());
}

// ---- The sheet's columns and page ----

// Column widths a sheet needs: for every column, the widest any of its sections asks for
// (Excel has one width per column, shared by every table on the sheet).
struct SheetGeometry {
  std::map<int, double> widths;
  double extraWidth = 0;  // beside the columns: the charts
  bool onlyText = true;
  double maxColumnWidth = 60;  // a text wider than this wraps in its cell

  void want(int col, double width) {
    double& w = widths[col];
    w = std::max(w, width);
  }
  // The content's width, but at least the kind's and at most the layout's maximum.
  void fit(int col, double minimum, double content) {
    want(col, std::max(minimum, std::min(content, maxColumnWidth)));
  }
  int lastColumn() const { return widths.empty() ? 0 : widths.rbegin()->first; }
  double totalWidth() const {
    double total = extraWidth;
    for (const auto& [col, width] : widths) total += width;
    return total;
  }
};

// Titles, unit notes and footnotes are not measured: they run on into the empty cells beside.
void measureTable(SheetGeometry& g, const Table& table, const SheetLayout& layout) {
  const int indentColumn = indentColumnOf(table);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    double content = headerWidth(column.header);
    for (const Row& row : table.rows) {
      if (c >= row.cells.size()) continue;
      const int indent = static_cast<int>(c) == indentColumn ? row.level : 0;
      content =
          std::max(content, contentWidth(row.cells[c], column, row.kind != RowKind::Item, indent));
    }
    const auto kind = layout.columnWidths.find(column.kind);
    g.fit(static_cast<int>(c), kind == layout.columnWidths.end() ? 0 : kind->second, content);
  }
}

void measureChart(SheetGeometry& g, const Chart& chart, const SheetLayout& layout) {
  const double textWidth = layout.columnWidths.at(ColumnKind::Text);
  if (!hasChartData(chart)) {
    g.want(0, textWidth);
    return;
  }
  double categories = 0;
  for (const std::string& category : chart.categories) {
    categories = std::max(categories, static_cast<double>(codePoints(category)) + kCellPadding);
  }
  g.fit(0, textWidth, categories);
  const Column valueColumn{"", ColumnKind::Decimal, chart.decimals};
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    double content = headerWidth(chart.series[s].name);
    for (const std::optional<double>& value : chart.series[s].values) {
      if (isDrawable(value)) {
        content = std::max(content, contentWidth(*value, valueColumn, false, 0));
      }
    }
    g.fit(static_cast<int>(s) + 1, layout.columnWidths.at(ColumnKind::Decimal), content);
  }
  g.extraWidth = std::max(g.extraWidth, kChartWidthUnits);
}

SheetGeometry measure(const SheetPlan& plan, const SheetLayout& layout) {
  SheetGeometry g;
  g.maxColumnWidth = layout.maxColumnWidth;
  for (const Section* section : plan.sections) {
    std::visit(
        [&](const auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, Table>) {
            g.onlyText = false;
            measureTable(g, s, layout);
          } else if constexpr (std::is_same_v<T, CheckSection>) {
            g.onlyText = false;
            for (std::size_t c = 0; c < layout.checkColumnWidths.size(); ++c)
              g.want(static_cast<int>(c), layout.checkColumnWidths[c]);
          } else if constexpr (std::is_same_v<T, Chart>) {
            g.onlyText = false;
            measureChart(g, s, layout);
          }
        },
        *section);
  }
  if (g.onlyText) g.want(0, layout.textSheetColumnWidth);
  return g;
}

// A4 portrait holds about 100 width units between Excel's default margins; wider content, or
// more than six columns, prints landscape. Text prints portrait. Fitting to one page wide
// shrinks what is still too wide.
constexpr int kPortraitMaxColumns = 6;
constexpr double kPortraitMaxWidth = 100;

XlsxOrientation orientationFor(const SheetGeometry& g, const SheetLayout& layout) {
  if (layout.orientation) return *layout.orientation;
  if (g.onlyText) return XlsxOrientation::Portrait;
  const bool wide = g.lastColumn() + 1 > kPortraitMaxColumns || g.totalWidth() > kPortraitMaxWidth;
  return wide ? XlsxOrientation::Landscape : XlsxOrientation::Portrait;
}

void preparePage(XlsxSheetWriter& sheet, const SheetLayout& layout, const Document& doc,
                 XlsxOrientation orientation) {
  XlsxPageSetup page = layout.page;
  page.orientation = orientation;
  page.header = centredHeaderText(doc.title);
  sheet.setPageSetup(page);
}

// ---- Writing sections ----

constexpr int kTitleRow = 0;
constexpr int kFirstSectionRow = 1;  // a section's title row; its header row is the next

const XlsxCellStyle kDocTitleStyle{.bold = true, .fontSize = 14};
const XlsxCellStyle kSectionTitleStyle{.bold = true};
const XlsxCellStyle kHeaderStyle{.bold = true, .bottomBorder = true, .wrap = true};

// Negative numbers keep their minus sign; where the column marks negative deviations they are
// red as well, so that the mark does not rely on colour alone. A column whose negatives are a
// sign convention (intäkter) has no colour.
std::string withNegativeMark(const std::string& positive, const std::string& negative,
                             const Column& column, const std::string& zero = "") {
  std::string format = positive + ";" + (column.markNegative ? "[Red]" : "") + negative;
  if (!zero.empty()) format += ";" + zero;
  return format;
}

std::string numberFormat(const Column& column) {
  const int decimals = std::clamp(column.decimals, 0, 10);
  std::string fraction;
  if (decimals > 0) fraction.append(".").append(static_cast<std::size_t>(decimals), '0');
  switch (column.kind) {
    case ColumnKind::Amount:
    case ColumnKind::Count:
      return column.showPlusSign ? withNegativeMark("+#,##0", "-#,##0", column, "0")
                                 : withNegativeMark("#,##0", "-#,##0", column);
    case ColumnKind::Percent:
      return withNegativeMark("0" + fraction + "%", "-0" + fraction + "%", column);
    case ColumnKind::Decimal:
      return withNegativeMark("#,##0" + fraction, "-#,##0" + fraction, column);
    case ColumnKind::Text:
      break;
  }
  return "";
}

bool isNumeric(ColumnKind kind) { return kind != ColumnKind::Text; }

XlsxCellStyle headerStyle(const Column& column) {
  XlsxCellStyle style = kHeaderStyle;
  style.alignRight = isNumeric(column.kind);
  return style;
}

// The section's title, and its unit note right-aligned above the last of `columns` (in the
// title itself when there is only one column).
void writeSectionTitle(XlsxSheetWriter& sheet, int row, const std::string& title,
                       const std::string& unitNote, int columns) {
  if (columns > 1 || unitNote.empty()) {
    sheet.writeString(row, 0, title, kSectionTitleStyle);
    if (!unitNote.empty()) {
      sheet.writeString(row, columns - 1, unitNote, {.italic = true, .alignRight = true});
    }
  } else {
    sheet.writeString(row, 0, title + " (" + unitNote + ")", kSectionTitleStyle);
  }
}

// Footnotes after one empty row. Returns the next free row.
int writeFootnotes(XlsxSheetWriter& sheet, int row, const std::vector<std::string>& footnotes) {
  if (!footnotes.empty()) ++row;
  int number = 1;
  for (const std::string& note : footnotes) {
    sheet.writeString(row++, 0, std::to_string(number++) + ") " + note);
  }
  return row;
}

void writeCell(XlsxSheetWriter& sheet, int row, int col, const CellValue& value,
               const XlsxCellStyle& style) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          sheet.writeBlank(row, col, style);
        } else if constexpr (std::is_same_v<T, std::string>) {
          sheet.writeString(row, col, v, style);
        } else {
          sheet.writeNumber(row, col, static_cast<double>(v), style);
        }
      },
      value);
}

// Where a written block is: its header row, its rows, and the next free row below it.
struct Block {
  int headerRow = -1;  // -1 = none
  int lastRow = -1;    // of the table's rows (before any footnotes)
  int nextRow = 0;
};

Block writeTable(XlsxSheetWriter& sheet, int top, const Table& table,
                 const SheetGeometry& geometry) {
  const int columnCount = static_cast<int>(table.columns.size());
  writeSectionTitle(sheet, top, table.title, table.unitNote, columnCount);

  const int headerRow = top + 1;
  for (int c = 0; c < columnCount; ++c) {
    const Column& column = table.columns[static_cast<std::size_t>(c)];
    sheet.writeString(headerRow, c, column.header, headerStyle(column));
  }

  const int indentColumn = indentColumnOf(table);

  int row = headerRow + 1;
  for (const Row& r : table.rows) {
    for (int c = 0; c < columnCount; ++c) {
      const Column& column = table.columns[static_cast<std::size_t>(c)];
      XlsxCellStyle style;
      style.bold = r.kind != RowKind::Item;
      style.topBorder = r.kind == RowKind::Total;
      style.numberFormat = numberFormat(column);
      style.alignRight = isNumeric(column.kind);  // also for "–" in a number column
      if (c == indentColumn) style.indent = std::max(0, r.level);
      const std::size_t index = static_cast<std::size_t>(c);
      const CellValue& value = index < r.cells.size() ? r.cells[index] : CellValue{};
      // A text wider than a column may grow wraps in its cell rather than being cut off.
      if (std::holds_alternative<std::string>(value) &&
          contentWidth(value, column, style.bold, style.indent) > geometry.maxColumnWidth) {
        style.wrap = true;
        style.alignTop = true;
      }
      writeCell(sheet, row, c, value, style);
    }
    ++row;
  }
  const int lastRow = row - 1;
  return {headerRow, lastRow, writeFootnotes(sheet, row, table.footnotes)};
}

std::string statusText(CheckStatus status) {
  switch (status) {
    case CheckStatus::Ok:
      return "OK";
    case CheckStatus::Warning:
      return "Varning";
    case CheckStatus::Error:
      return "Fel";
  }
  return "";
}

Block writeChecks(XlsxSheetWriter& sheet, int top, const CheckSection& checks) {
  sheet.writeString(top, 0, checks.title, kSectionTitleStyle);
  const int headerRow = top + 1;
  const std::array<std::string, 3> headers{"Kontroll", "Status", "Detalj"};
  for (int c = 0; c < 3; ++c) {
    sheet.writeString(headerRow, c, headers[static_cast<std::size_t>(c)], kHeaderStyle);
  }
  const XlsxCellStyle wrapped{.wrap = true, .alignTop = true};
  int row = headerRow + 1;
  for (const CheckItem& item : checks.items) {
    sheet.writeString(row, 0, item.description, wrapped);
    // Not OK is bold, so that the status does not rely on colour or reading every cell.
    sheet.writeString(row, 1, statusText(item.status),
                      {.bold = item.status != CheckStatus::Ok, .alignTop = true});
    sheet.writeString(row, 2, item.detail, wrapped);
    ++row;
  }
  return {headerRow, row - 1, row};
}

// Lines a paragraph wraps to in a cell `width` units wide: a unit is the width of a digit, and
// an average letter is narrower, so this errs on the side of a row too tall.
int wrappedLines(const std::string& text, double width) {
  const auto perLine = static_cast<std::size_t>(std::max(10.0, width));
  int lines = 0;
  std::size_t chars = 0;
  const auto endLine = [&] {
    lines += static_cast<int>(std::max<std::size_t>(1, (chars + perLine - 1) / perLine));
    chars = 0;
  };
  for (const char c : text) {
    if (c == '\n') {
      endLine();
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++chars;  // one per UTF-8 character
    }
  }
  endLine();
  return lines;
}

// A text section under its title. On a sheet of its own, column A is as wide as a page and
// Excel fits each wrapped paragraph's height; among tables each paragraph spans the tables'
// columns, and its height is estimated, as Excel does not fit a merged cell.
Block writeText(XlsxSheetWriter& sheet, int top, const TextSection& text,
                const SheetGeometry& geometry) {
  sheet.writeString(top, 0, text.title, kSectionTitleStyle);
  const XlsxCellStyle wrapped{.wrap = true, .alignTop = true};
  std::vector<std::string> lines = text.paragraphs;
  for (const std::string& bullet : text.bullets) lines.push_back("\xE2\x80\xA2 " + bullet);  // "• "
  int row = top + 1;
  const int lastColumn = geometry.lastColumn();
  for (const std::string& line : lines) {
    if (geometry.onlyText || lastColumn == 0) {
      sheet.writeString(row, 0, line, wrapped);
    } else {
      constexpr double kLinePoints = 15;  // Excel's default row height, 11 pt Calibri
      const double height =
          kLinePoints * wrappedLines(line, geometry.totalWidth() - geometry.extraWidth);
      sheet.writeMergedText({row, 0, row, lastColumn}, line, std::min(409.0, height), wrapped);
    }
    ++row;
  }
  return {-1, row - 1, row};
}

XlsxChartType chartType(ChartKind kind) {
  switch (kind) {
    case ChartKind::Column:
      return XlsxChartType::Column;
    case ChartKind::StackedColumn:
      return XlsxChartType::StackedColumn;
    case ChartKind::Bar:
      return XlsxChartType::Bar;
    case ChartKind::Line:
      return XlsxChartType::Line;
  }
  return XlsxChartType::Column;
}

std::string chartNumberFormat(int decimals) {
  std::string number = "#,##0";
  const int d = std::clamp(decimals, 0, 10);
  if (d > 0) number.append(".").append(static_cast<std::size_t>(d), '0');
  return number + ";-" + number;
}

// The data table (categories down column A, one column per series) with the native chart to its
// right; the chart's series refer to the table's cells. The block reaches below the chart, so
// that a next section on the sheet starts under it.
Block writeChart(XlsxSheetWriter& sheet, int top, const Chart& chart, const ChartPalette& palette) {
  const int seriesCount = static_cast<int>(chart.series.size());
  const int categoryCount = static_cast<int>(chart.categories.size());
  const bool drawable = hasChartData(chart);
  const int lastColumn = drawable ? seriesCount : 0;
  // The unit goes in the title: over a data table of one or two narrow series columns it would
  // sit next to the title and cut it off.
  writeSectionTitle(sheet, top, chart.title, chart.valueAxis, 1);

  const int headerRow = top + 1;
  const int firstDataRow = headerRow + 1;
  if (!drawable) {
    sheet.writeString(headerRow, 0, "Inga uppgifter att visa.");
    return {-1, headerRow, writeFootnotes(sheet, headerRow + 1, chart.footnotes)};
  }
  sheet.writeBlank(headerRow, 0, kHeaderStyle);
  XlsxCellStyle seriesHeader = kHeaderStyle;
  seriesHeader.alignRight = true;
  for (int s = 0; s < seriesCount; ++s) {
    sheet.writeString(headerRow, s + 1, chart.series[static_cast<std::size_t>(s)].name,
                      seriesHeader);
  }
  const XlsxCellStyle valueStyle{.alignRight = true,
                                 .numberFormat = chartNumberFormat(chart.decimals)};
  for (int c = 0; c < categoryCount; ++c) {
    const std::size_t category = static_cast<std::size_t>(c);
    sheet.writeString(firstDataRow + c, 0, chart.categories[category]);
    for (int s = 0; s < seriesCount; ++s) {
      const auto& values = chart.series[static_cast<std::size_t>(s)].values;
      if (category < values.size() && isDrawable(values[category])) {
        sheet.writeNumber(firstDataRow + c, s + 1, *values[category], valueStyle);
      } else {
        sheet.writeBlank(firstDataRow + c, s + 1, valueStyle);
      }
    }
  }
  const int lastRow = firstDataRow + categoryCount - 1;

  XlsxChartSpec spec;
  spec.type = chartType(chart.kind);
  spec.title = chart.title;
  spec.valueAxisTitle = chart.valueAxis;
  spec.altText = chart.description.empty() ? chart.title : chart.description;
  spec.widthScale = kChartWidthScale;
  spec.heightScale = kChartHeightScale;
  spec.colours = palette.colours;
  const XlsxCellRange categories{firstDataRow, 0, lastRow, 0};
  for (int s = 0; s < seriesCount; ++s) {
    spec.series.push_back({headerRow, s + 1, categories, {firstDataRow, s + 1, lastRow, s + 1}});
  }
  sheet.insertChart(headerRow, lastColumn + 1 + kChartGapColumns, spec);

  const int afterNotes = writeFootnotes(sheet, lastRow + 1, chart.footnotes);
  return {headerRow, lastRow, std::max(afterNotes, headerRow + kChartRows)};
}

Block writeSection(XlsxSheetWriter& sheet, int top, const Section& section,
                   const SheetGeometry& geometry, const ChartPalette& palette) {
  return std::visit(
      [&](const auto& s) -> Block {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, Table>) {
          return writeTable(sheet, top, s, geometry);
        } else if constexpr (std::is_same_v<T, CheckSection>) {
          return writeChecks(sheet, top, s);
        } else if constexpr (std::is_same_v<T, Chart>) {
          return writeChart(sheet, top, s, palette);
        } else if constexpr (std::is_same_v<T, TextSection>) {
          return writeText(sheet, top, s, geometry);
        } else {
          return {-1, top - 1, top};  // PartHeading: never planned onto a sheet
        }
      },
      section);
}

// ---- Named tables ----

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "AB12", "R", "C", "R1C1": Excel reads these as cell references, not as names.
bool looksLikeCellReference(const std::string& name) {
  std::size_t letters = 0;
  while (letters < name.size() && isAsciiLetter(name[letters])) ++letters;
  const bool digitsAfter =
      letters < name.size() &&
      std::all_of(name.begin() + static_cast<std::ptrdiff_t>(letters), name.end(), isAsciiDigit);
  if (letters >= 1 && letters <= 3 && digitsAfter) return true;
  static const std::regex rowColumn("[rR][0-9]*[cC]?[0-9]*|[cC][0-9]*");
  return std::regex_match(name, rowColumn);
}

// Excel table names: ASCII letters, digits and "_", starting with a letter, never a cell
// reference, unique in the workbook regardless of case. Made from the table's id
// ("transaktioner" → "Transaktioner"), with å, ä and ö as a, a and o.
class TableNamer {
 public:
  std::string unique(const std::string& id) {
    std::string base;
    const auto separate = [&] {
      if (!base.empty() && base.back() != '_') base += '_';
    };
    for (std::size_t i = 0; i < id.size(); ++i) {
      const char c = id[i];
      if (isAsciiLetter(c) || isAsciiDigit(c)) {
        base += c;
      } else if (c == '\xC3' && i + 1 < id.size()) {
        const char next = id[++i];
        if (next == '\x85' || next == '\x84') {
          base += 'A';  // Å Ä
        } else if (next == '\xA5' || next == '\xA4') {
          base += 'a';  // å ä
        } else if (next == '\x96') {
          base += 'O';  // Ö
        } else if (next == '\xB6') {
          base += 'o';  // ö
        } else {
          separate();
        }
      } else {
        separate();
      }
    }
    while (!base.empty() && base.back() == '_') base.pop_back();
    if (base.size() > 200) base.resize(200);
    if (base.empty()) base = "Tabell";
    if (!isAsciiLetter(base.front()) || looksLikeCellReference(base)) base = "Tabell_" + base;
    if (base.front() >= 'a' && base.front() <= 'z') {
      base.front() = static_cast<char>(base.front() - 'a' + 'A');
    }
    std::string name = base;
    for (int n = 2; used_.count(foldCase(name)) != 0; ++n) name = base + "_" + std::to_string(n);
    used_.insert(foldCase(name));
    return name;
  }

 private:
  std::set<std::string> used_;
};

// Excel repairs a table whose column names are empty, repeated (in any case) or too long.
bool headersCanNameColumns(const Table& table) {
  std::set<std::string> seen;
  for (const Column& column : table.columns) {
    if (column.header.empty() || column.header.size() > 255) return false;
    if (!seen.insert(foldCase(column.header)).second) return false;
  }
  return true;
}

// A workbook-only table (hundreds of rows to find one's way in) becomes a named Excel table:
// filter and sort buttons over the header and the item rows, leaving the total rows at the foot
// and the footnotes outside. Headers Excel cannot take as column names get plain filter buttons.
void addFilterTable(XlsxSheetWriter& sheet, const Table& table, const Block& block,
                    TableNamer& names) {
  std::size_t items = table.rows.size();
  while (items > 0 && table.rows[items - 1].kind != RowKind::Item) --items;
  if (items == 0 || table.columns.empty()) return;
  const XlsxCellRange range{block.headerRow, 0, block.headerRow + static_cast<int>(items),
                            static_cast<int>(table.columns.size()) - 1};
  if (!headersCanNameColumns(table)) {
    sheet.autofilter(range);
    return;
  }
  XlsxTableSpec spec{names.unique(table.id), range, {}, {}};
  for (const Column& column : table.columns) {
    spec.headers.push_back(column.header);
    spec.headerStyles.push_back(headerStyle(column));
  }
  sheet.addTable(spec);
}

void writeSheet(XlsxSheetWriter& sheet, const SheetPlan& plan, const Document& doc,
                const SheetLayout& layout, TableNamer& tableNames) {
  const SheetGeometry geometry = measure(plan, layout);
  preparePage(sheet, layout, doc, orientationFor(geometry, layout));
  for (const auto& [col, width] : geometry.widths) sheet.setColumnWidth(col, width);
  sheet.writeString(kTitleRow, 0, doc.title, kDocTitleStyle);

  int top = kFirstSectionRow;
  Block only;
  for (const Section* section : plan.sections) {
    only = writeSection(sheet, top, *section, geometry, layout.palette);
    top = only.nextRow + 1;  // one empty row between sections
  }

  // Frozen and printed-on-every-page header rows belong to one table: on a sheet with several,
  // the first table's header would stand over the others' columns. So only a sheet that holds
  // a single table (or list of checks) gets them, and filter buttons.
  if (plan.sections.size() != 1 || only.headerRow < 0) return;
  const Section& section = *plan.sections.front();
  if (!std::holds_alternative<Table>(section) && !std::holds_alternative<CheckSection>(section))
    return;
  sheet.repeatRowsOnPrint(only.headerRow, only.headerRow);
  sheet.freezePanes(only.headerRow + 1, 0);
  if (const Table* table = std::get_if<Table>(&section); table && table->pageSummary)
    addFilterTable(sheet, *table, only, tableNames);
}

std::string joinNonEmpty(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace

void renderXlsx(const Document& doc, const fs::path& templatesDir, const fs::path& outFile) {
  const SheetLayout layout = loadLayout(templatesDir, doc.kind);
  const std::time_t created = creationTime(doc.meta.documentDate);

  AtomicOutputFile out(outFile);
  {
    XlsxWorkbookWriter workbook(out.tempPath(), outFile.string());
    workbook.setProperties(
        {.title = doc.title,
         .author = doc.meta.author,
         .company = doc.meta.kommun,
         .created = created,
         .subject = joinNonEmpty({doc.meta.namnd, doc.meta.periodLabel}, ", "),
         .keywords = joinNonEmpty({doc.meta.kommun, doc.meta.namnd, doc.meta.periodLabel}, "; ")});

    SheetNamer names;
    TableNamer tableNames;
    if (!doc.meta.header.empty()) {
      // The document header block on a first sheet of its own: label and value per row.
      const std::string wanted =
          configuredSheetName(layout, "dokumenthuvud").value_or("Dokumenthuvud");
      XlsxSheetWriter sheet = workbook.addSheet(names.unique(wanted, "Dokumenthuvud"));
      preparePage(sheet, layout, doc, layout.orientation.value_or(XlsxOrientation::Portrait));
      sheet.setColumnWidth(0, layout.checkColumnWidths[0] / 2);
      sheet.setColumnWidth(1, layout.textSheetColumnWidth / 2);
      sheet.writeString(kTitleRow, 0, doc.title, kDocTitleStyle);
      int row = kFirstSectionRow + 1;
      for (const HeaderField& field : doc.meta.header) {
        sheet.writeString(row, 0, field.label, kSectionTitleStyle);
        sheet.writeString(row++, 1, field.value);
      }
    }
    const std::vector<SheetPlan> plans = planSheets(doc, layout);
    for (const SheetPlan& plan : plans) {
      XlsxSheetWriter sheet = workbook.addSheet(names.unique(plan.wanted, plan.fallback));
      writeSheet(sheet, plan, doc, layout, tableNames);
    }
    if (plans.empty()) {
      // A workbook needs a sheet; this one at least says what the document is.
      XlsxSheetWriter sheet = workbook.addSheet(names.unique(doc.title, "Rapport"));
      preparePage(sheet, layout, doc, layout.orientation.value_or(XlsxOrientation::Portrait));
      sheet.writeString(kTitleRow, 0, doc.title, kDocTitleStyle);
    }
    workbook.close();
  }
  out.commit();
}

}  // namespace namnd
