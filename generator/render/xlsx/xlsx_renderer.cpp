#include "render/xlsx/xlsx_renderer.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>

#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"
#include "render/xlsx/xlsx_workbook.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// ---- Layout (templates/xlsx/*.json) ----

struct SheetLayout {
  XlsxPageSetup page{9, XlsxOrientation::Landscape, 1, "&CSida &P av &N"};
  std::map<ColumnKind, double> columnWidths{{ColumnKind::Text, 36},
                                            {ColumnKind::Amount, 12},
                                            {ColumnKind::Count, 10},
                                            {ColumnKind::Percent, 10},
                                            {ColumnKind::Decimal, 10}};
  double textSheetColumnWidth = 100;
  std::array<double, 3> checkColumnWidths{50, 10, 70};  // Kontroll, Status, Detalj
  std::map<std::string, std::string> sheetNames;        // section id → sheet name
};

class LayoutReader {
 public:
  explicit LayoutReader(fs::path file) : file_(std::move(file)) {}

  // Sets what the file names and keeps the rest of `layout`.
  void applyTo(SheetLayout& layout) const {
    const Poco::JSON::Object::Ptr root = parse();
    for (const auto& [key, value] : *root) {
      if (key.starts_with("_")) continue;  // "_kommentar": room for notes in the file
      if (key == "paper") {
        layout.page.paperSize = paperCode(text(key, value));
      } else if (key == "orientation") {
        const std::string o = text(key, value);
        if (o != "landscape" && o != "portrait")
          fail(key, "ska vara \"landscape\" eller \"portrait\"");
        layout.page.orientation =
            o == "landscape" ? XlsxOrientation::Landscape : XlsxOrientation::Portrait;
      } else if (key == "fitToPagesWide") {
        layout.page.fitPagesWide = static_cast<int>(number(key, value, 0, 100));
      } else if (key == "footer") {
        layout.page.footer = text(key, value);
      } else if (key == "columnWidths") {
        static const std::map<std::string, ColumnKind> kinds{{"text", ColumnKind::Text},
                                                             {"amount", ColumnKind::Amount},
                                                             {"count", ColumnKind::Count},
                                                             {"percent", ColumnKind::Percent},
                                                             {"decimal", ColumnKind::Decimal}};
        for (const auto& [kind, width] : *object(key, value)) {
          const auto found = kinds.find(kind);
          if (found == kinds.end()) fail(key + "." + kind, "är ingen kolumntyp");
          layout.columnWidths[found->second] = number(key + "." + kind, width, 1, 255);
        }
      } else if (key == "textSheetColumnWidth") {
        layout.textSheetColumnWidth = number(key, value, 1, 255);
      } else if (key == "checkSheetColumnWidths") {
        static const std::array<std::string, 3> names{"kontroll", "status", "detalj"};
        for (const auto& [column, width] : *object(key, value)) {
          const auto found = std::find(names.begin(), names.end(), column);
          if (found == names.end()) fail(key + "." + column, "är ingen kolumn i kontrollbladet");
          layout.checkColumnWidths[static_cast<std::size_t>(found - names.begin())] =
              number(key + "." + column, width, 1, 255);
        }
      } else if (key == "sheetNames") {
        for (const auto& [id, name] : *object(key, value)) {
          layout.sheetNames[id] = text(key + "." + id, name);
        }
      } else {
        fail(key, "är ingen känd nyckel");
      }
    }
  }

 private:
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw OutputError("Excelmallen " + file_.string() + ": \"" + key + "\" " + problem);
  }

  Poco::JSON::Object::Ptr parse() const {
    std::ifstream in(file_, std::ios::binary);
    if (!in) throw OutputError("Excelmallen " + file_.string() + " saknas eller kan inte läsas");
    std::ostringstream content;
    content << in.rdbuf();
    try {
      Poco::JSON::Parser parser;
      const Poco::Dynamic::Var root = parser.parse(content.str());
      if (root.type() == typeid(Poco::JSON::Object::Ptr)) {
        return root.extract<Poco::JSON::Object::Ptr>();
      }
    } catch (const Poco::Exception& e) {
      throw OutputError("Excelmallen " + file_.string() + " kan inte tolkas: " + e.displayText());
    }
    throw OutputError("Excelmallen " + file_.string() + " ska innehålla ett JSON-objekt");
  }

  std::string text(const std::string& key, const Poco::Dynamic::Var& value) const {
    if (!value.isString()) fail(key, "ska vara en text");
    return value.extract<std::string>();
  }

  double number(const std::string& key, const Poco::Dynamic::Var& value, double min,
                double max) const {
    if (!value.isNumeric()) fail(key, "ska vara ett tal");
    const double n = value.convert<double>();
    if (!(n >= min && n <= max)) {
      fail(key, "ska ligga mellan " + std::to_string(static_cast<int>(min)) + " och " +
                    std::to_string(static_cast<int>(max)));
    }
    return n;
  }

  Poco::JSON::Object::Ptr object(const std::string& key, const Poco::Dynamic::Var& value) const {
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) fail(key, "ska vara ett objekt");
    return value.extract<Poco::JSON::Object::Ptr>();
  }

  int paperCode(const std::string& paper) const {
    if (paper == "A4") return 9;
    if (paper == "A3") return 8;
    if (paper == "Letter") return 1;
    fail("paper", "ska vara \"A4\", \"A3\" eller \"Letter\"");
  }

  fs::path file_;
};

// Kind names select files; anything but [a-z0-9_-] is not a kind a template can belong to.
bool isSafeKind(const std::string& kind) {
  return !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

SheetLayout loadLayout(const fs::path& templatesDir, const std::string& kind) {
  SheetLayout layout;
  LayoutReader(templatesDir / "xlsx" / "document.json").applyTo(layout);
  if (isSafeKind(kind)) {
    const fs::path own = templatesDir / "xlsx" / (kind + ".json");
    if (fs::exists(own)) LayoutReader(own).applyTo(layout);
  }
  return layout;
}

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

// The layout's name for a section id: an exact key, or a key ending in "*" whose prefix the id
// starts with ("kommentar_*": every area's commentary).
std::optional<std::string> configuredSheetName(const SheetLayout& layout, const std::string& id) {
  const auto exact = layout.sheetNames.find(id);
  if (exact != layout.sheetNames.end()) return exact->second;
  for (const auto& [key, name] : layout.sheetNames)
    if (!key.empty() && key.back() == '*' &&
        id.compare(0, key.size() - 1, key, 0, key.size() - 1) == 0)
      return name;
  return std::nullopt;
}

std::string sheetNameFor(const SheetLayout& layout, const std::string& id,
                         const std::string& title) {
  return configuredSheetName(layout, id).value_or(title);
}

// ---- Writing sections ----

constexpr int kTitleRow = 0;
constexpr int kSubtitleRow = 1;
constexpr int kHeaderRow = 2;
constexpr int kFirstDataRow = 3;

const XlsxCellStyle kDocTitleStyle{.bold = true, .fontSize = 14};
const XlsxCellStyle kSectionTitleStyle{.bold = true};
const XlsxCellStyle kHeaderStyle{.bold = true, .bottomBorder = true, .wrap = true};

std::string numberFormat(const Column& column) {
  const int decimals = std::clamp(column.decimals, 0, 10);
  std::string fraction;
  if (decimals > 0) fraction.append(".").append(static_cast<std::size_t>(decimals), '0');
  switch (column.kind) {
    case ColumnKind::Amount:
    case ColumnKind::Count:
      return column.showPlusSign ? "+#,##0;-#,##0;0" : "#,##0;-#,##0";
    case ColumnKind::Percent:
      return "0" + fraction + "%";
    case ColumnKind::Decimal:
      return "0" + fraction;
    case ColumnKind::Text:
      break;
  }
  return "";
}

bool isNumeric(ColumnKind kind) { return kind != ColumnKind::Text; }

void writeTitleRows(XlsxSheetWriter& sheet, const std::string& docTitle,
                    const std::string& sectionTitle) {
  sheet.writeString(kTitleRow, 0, docTitle, kDocTitleStyle);
  sheet.writeString(kSubtitleRow, 0, sectionTitle, kSectionTitleStyle);
}

void preparePrinting(XlsxSheetWriter& sheet, const SheetLayout& layout, bool withHeaderRow) {
  sheet.setPageSetup(layout.page);
  if (withHeaderRow) {
    sheet.repeatRowsOnPrint(kHeaderRow, kHeaderRow);
    sheet.freezePanes(kFirstDataRow, 0);
  }
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

void writeTable(XlsxSheetWriter& sheet, const Table& table, const Document& doc,
                const SheetLayout& layout) {
  const int columnCount = static_cast<int>(table.columns.size());
  preparePrinting(sheet, layout, true);
  for (int c = 0; c < columnCount; ++c) {
    const auto width = layout.columnWidths.find(table.columns[static_cast<std::size_t>(c)].kind);
    if (width != layout.columnWidths.end()) sheet.setColumnWidth(c, width->second);
  }

  // The unit note sits above the number columns, where a printed table has it.
  if (columnCount > 1 || table.unitNote.empty()) {
    writeTitleRows(sheet, doc.title, table.title);
    if (!table.unitNote.empty()) {
      sheet.writeString(kSubtitleRow, columnCount - 1, table.unitNote,
                        {.italic = true, .alignRight = true});
    }
  } else {
    writeTitleRows(sheet, doc.title, table.title + " (" + table.unitNote + ")");
  }

  for (int c = 0; c < columnCount; ++c) {
    const Column& column = table.columns[static_cast<std::size_t>(c)];
    XlsxCellStyle style = kHeaderStyle;
    style.alignRight = isNumeric(column.kind);
    sheet.writeString(kHeaderRow, c, column.header, style);
  }

  const auto firstText = std::find_if(table.columns.begin(), table.columns.end(),
                                      [](const Column& c) { return c.kind == ColumnKind::Text; });
  const int indentColumn =
      firstText == table.columns.end() ? -1 : static_cast<int>(firstText - table.columns.begin());

  int row = kFirstDataRow;
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
      writeCell(sheet, row, c, index < r.cells.size() ? r.cells[index] : CellValue{}, style);
    }
    ++row;
  }

  if (!table.footnotes.empty()) ++row;  // one empty row between table and notes
  int number = 1;
  for (const std::string& note : table.footnotes) {
    sheet.writeString(row++, 0, std::to_string(number++) + ") " + note);
  }
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

void writeChecks(XlsxSheetWriter& sheet, const CheckSection& checks, const Document& doc,
                 const SheetLayout& layout) {
  preparePrinting(sheet, layout, true);
  for (int c = 0; c < 3; ++c) {
    sheet.setColumnWidth(c, layout.checkColumnWidths[static_cast<std::size_t>(c)]);
  }
  writeTitleRows(sheet, doc.title, checks.title);
  const std::array<std::string, 3> headers{"Kontroll", "Status", "Detalj"};
  for (int c = 0; c < 3; ++c) {
    sheet.writeString(kHeaderRow, c, headers[static_cast<std::size_t>(c)], kHeaderStyle);
  }
  const XlsxCellStyle wrapped{.wrap = true, .alignTop = true};
  int row = kFirstDataRow;
  for (const CheckItem& item : checks.items) {
    sheet.writeString(row, 0, item.description, wrapped);
    // Not OK is bold, so that the status does not rely on colour or reading every cell.
    sheet.writeString(row, 1, statusText(item.status),
                      {.bold = item.status != CheckStatus::Ok, .alignTop = true});
    sheet.writeString(row, 2, item.detail, wrapped);
    ++row;
  }
}

// A text section on a sheet of its own, or (`row` past the title rows) below the text sections
// already on a shared sheet, under its own title. Returns the next free row.
int writeText(XlsxSheetWriter& sheet, const TextSection& text, const Document& doc,
              const SheetLayout& layout, int row = -1) {
  if (row < 0) {
    preparePrinting(sheet, layout, false);
    sheet.setColumnWidth(0, layout.textSheetColumnWidth);
    writeTitleRows(sheet, doc.title, text.title);
    row = kSubtitleRow + 2;  // an empty row below the title
  } else {
    sheet.writeString(++row, 0, text.title, kSectionTitleStyle);  // an empty row above
    ++row;
  }
  const XlsxCellStyle wrapped{.wrap = true, .alignTop = true};
  for (const std::string& paragraph : text.paragraphs) {
    sheet.writeString(row++, 0, paragraph, wrapped);
  }
  for (const std::string& bullet : text.bullets) {
    sheet.writeString(row++, 0, "\xE2\x80\xA2 " + bullet, wrapped);  // "• "
  }
  return row;
}

// ---- Charts ----

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
// right; the chart's series refer to the table's cells.
void writeChart(XlsxSheetWriter& sheet, const Chart& chart, const Document& doc,
                const SheetLayout& layout) {
  preparePrinting(sheet, layout, false);
  const int seriesCount = static_cast<int>(chart.series.size());
  const int categoryCount = static_cast<int>(chart.categories.size());
  const bool drawable = hasChartData(chart);
  const int lastColumn = drawable ? seriesCount : 0;

  sheet.setColumnWidth(0, layout.columnWidths.at(ColumnKind::Text));
  for (int c = 1; c <= lastColumn; ++c) {
    sheet.setColumnWidth(c, layout.columnWidths.at(ColumnKind::Decimal));
  }
  if (lastColumn > 0 || chart.valueAxis.empty()) {
    writeTitleRows(sheet, doc.title, chart.title);
    if (!chart.valueAxis.empty()) {
      sheet.writeString(kSubtitleRow, lastColumn, chart.valueAxis,
                        {.italic = true, .alignRight = true});
    }
  } else {
    writeTitleRows(sheet, doc.title, chart.title + " (" + chart.valueAxis + ")");
  }

  int row = kHeaderRow;
  if (!drawable) {
    sheet.writeString(row++, 0, "Inga uppgifter att visa.");
  } else {
    sheet.writeBlank(kHeaderRow, 0, kHeaderStyle);
    XlsxCellStyle seriesHeader = kHeaderStyle;
    seriesHeader.alignRight = true;
    for (int s = 0; s < seriesCount; ++s) {
      sheet.writeString(kHeaderRow, s + 1, chart.series[static_cast<std::size_t>(s)].name,
                        seriesHeader);
    }
    const XlsxCellStyle valueStyle{.alignRight = true,
                                   .numberFormat = chartNumberFormat(chart.decimals)};
    for (int c = 0; c < categoryCount; ++c) {
      const std::size_t category = static_cast<std::size_t>(c);
      sheet.writeString(kFirstDataRow + c, 0, chart.categories[category]);
      for (int s = 0; s < seriesCount; ++s) {
        const auto& values = chart.series[static_cast<std::size_t>(s)].values;
        if (category < values.size() && isDrawable(values[category])) {
          sheet.writeNumber(kFirstDataRow + c, s + 1, *values[category], valueStyle);
        } else {
          sheet.writeBlank(kFirstDataRow + c, s + 1, valueStyle);
        }
      }
    }
    row = kFirstDataRow + categoryCount;

    XlsxChartSpec spec;
    spec.type = chartType(chart.kind);
    spec.title = chart.title;
    spec.valueAxisTitle = chart.valueAxis;
    spec.altText = chart.description.empty() ? chart.title : chart.description;
    spec.widthScale = 1.5;
    spec.heightScale = 1.25;
    const XlsxCellRange categories{kFirstDataRow, 0, row - 1, 0};
    for (int s = 0; s < seriesCount; ++s) {
      spec.series.push_back(
          {kHeaderRow, s + 1, categories, {kFirstDataRow, s + 1, row - 1, s + 1}});
    }
    // One empty column between the table and the chart.
    sheet.insertChart(kHeaderRow, lastColumn + 2, spec);
  }

  if (!chart.footnotes.empty()) ++row;  // one empty row between table and notes
  int number = 1;
  for (const std::string& note : chart.footnotes) {
    sheet.writeString(row++, 0, std::to_string(number++) + ") " + note);
  }
}

}  // namespace

void renderXlsx(const Document& doc, const fs::path& templatesDir, const fs::path& outFile) {
  const SheetLayout layout = loadLayout(templatesDir, doc.kind);
  const std::time_t created = creationTime(doc.meta.documentDate);

  AtomicOutputFile out(outFile);
  {
    XlsxWorkbookWriter workbook(out.tempPath(), outFile.string());
    workbook.setProperties({doc.title, doc.meta.author, doc.meta.kommun, created});

    SheetNamer names;
    if (!doc.meta.header.empty()) {
      // The document header block on a first sheet of its own: label and value per row.
      XlsxSheetWriter sheet = workbook.addSheet(
          names.unique(sheetNameFor(layout, "dokumenthuvud", "Dokumenthuvud"), "Dokumenthuvud"));
      preparePrinting(sheet, layout, false);
      sheet.setColumnWidth(0, layout.checkColumnWidths[0] / 2);
      sheet.setColumnWidth(1, layout.textSheetColumnWidth / 2);
      sheet.writeString(kTitleRow, 0, doc.title, kDocTitleStyle);
      int row = kHeaderRow;
      for (const HeaderField& field : doc.meta.header) {
        sheet.writeString(row, 0, field.label, kSectionTitleStyle);
        sheet.writeString(row++, 1, field.value);
      }
    }
    // Consecutive text sections the layout gives the same sheet name share that sheet.
    std::optional<XlsxSheetWriter> textSheet;
    std::string textSheetName;
    int textRow = -1;
    for (const Section& section : doc.sections) {
      if (!std::holds_alternative<TextSection>(section)) textSheet.reset();
      std::visit(
          [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, PartHeading>) {
              return;  // a workbook has no heading levels; its sheets are the parts' sections
            } else if constexpr (std::is_same_v<T, Table>) {
              XlsxSheetWriter sheet =
                  workbook.addSheet(names.unique(sheetNameFor(layout, s.id, s.title), "Tabell"));
              writeTable(sheet, s, doc, layout);
            } else if constexpr (std::is_same_v<T, CheckSection>) {
              XlsxSheetWriter sheet = workbook.addSheet(
                  names.unique(sheetNameFor(layout, s.id, "Kontroller"), "Kontroller"));
              writeChecks(sheet, s, doc, layout);
            } else if constexpr (std::is_same_v<T, Chart>) {
              XlsxSheetWriter sheet =
                  workbook.addSheet(names.unique(sheetNameFor(layout, s.id, s.title), "Diagram"));
              writeChart(sheet, s, doc, layout);
            } else {
              const std::optional<std::string> shared = configuredSheetName(layout, s.id);
              if (textSheet && shared && *shared == textSheetName) {
                textRow = writeText(*textSheet, s, doc, layout, textRow);
                return;
              }
              textSheet = workbook.addSheet(names.unique(shared.value_or(s.title), "Text"));
              textSheetName = shared.value_or("");
              textRow = writeText(*textSheet, s, doc, layout);
              if (!shared) textSheet.reset();
            }
          },
          section);
    }
    if (doc.sections.empty()) {
      // A workbook needs a sheet; this one at least says what the document is.
      XlsxSheetWriter sheet = workbook.addSheet(names.unique(doc.title, "Rapport"));
      sheet.setPageSetup(layout.page);
      sheet.writeString(kTitleRow, 0, doc.title, kDocTitleStyle);
    }
    workbook.close();
  }
  out.commit();
}

}  // namespace namnd
