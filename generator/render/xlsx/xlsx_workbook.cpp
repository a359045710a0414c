#include "render/xlsx/xlsx_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "core/errors.hpp"
#include "render/series_look.hpp"

namespace namnd {
namespace {

std::string cellName(int row, int col) {
  std::string letters;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

char* mutableChars(std::string& s) { return s.empty() ? nullptr : s.data(); }

// Excel refuses a cell of more than 32 767 characters, and libxlsxwriter then fails the whole
// workbook. A text that long (a 10 MB field quoted in a message) is cut, at a UTF-8 character
// boundary, and marked with "…": the report is still written. Bytes bound characters from above.
constexpr std::size_t kMaxCellBytes = 32'000;

std::string cutToCellLimit(const std::string& text) {
  std::size_t end = kMaxCellBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "\xE2\x80\xA6";
}

// libxlsxwriter's codes for the looks of render/series_look.hpp (the SVG draws the same ones).
constexpr std::array<std::uint8_t, series_look::kPatterns> kBarPatterns{
    LXW_CHART_PATTERN_NONE,  // solid fill
    LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL,
    LXW_CHART_PATTERN_SMALL_GRID,
    LXW_CHART_PATTERN_PERCENT_50,
    LXW_CHART_PATTERN_DARK_HORIZONTAL,
    LXW_CHART_PATTERN_WIDE_DOWNWARD_DIAGONAL,
    LXW_CHART_PATTERN_DARK_VERTICAL,
    LXW_CHART_PATTERN_LARGE_CHECK};
constexpr std::array<std::uint8_t, series_look::kDashes> kLineDashes{
    LXW_CHART_LINE_DASH_SOLID, LXW_CHART_LINE_DASH_DASH, LXW_CHART_LINE_DASH_ROUND_DOT,
    LXW_CHART_LINE_DASH_LONG_DASH_DOT, LXW_CHART_LINE_DASH_LONG_DASH};
constexpr std::array<std::uint8_t, series_look::kMarkers> kLineMarkers{
    LXW_CHART_MARKER_CIRCLE,  LXW_CHART_MARKER_SQUARE, LXW_CHART_MARKER_TRIANGLE,
    LXW_CHART_MARKER_DIAMOND, LXW_CHART_MARKER_X,      LXW_CHART_MARKER_PLUS};

std::uint8_t lxwChartType(XlsxChartType type) {
  switch (type) {
    case XlsxChartType::Column:
      return LXW_CHART_COLUMN;
    case XlsxChartType::StackedColumn:
      return LXW_CHART_COLUMN_STACKED;
    case XlsxChartType::Bar:
      return LXW_CHART_BAR;
    case XlsxChartType::Line:
      return LXW_CHART_LINE;
  }
  return LXW_CHART_COLUMN;
}

void styleSeries(lxw_chart_series* series, XlsxChartType type, std::size_t index,
                 const std::vector<std::uint32_t>& colours) {
  const lxw_color_t colour =
      colours.empty() ? series_look::colour(index) : colours[index % colours.size()];
  if (type == XlsxChartType::Line) {
    lxw_chart_line line{};
    line.color = colour;
    line.width = 2.25f;
    line.dash_type = kLineDashes[series_look::dash(index)];
    chart_series_set_line(series, &line);
    chart_series_set_marker_type(series, kLineMarkers[series_look::marker(index)]);
    chart_series_set_marker_size(series, 7);
    lxw_chart_fill markerFill{};
    markerFill.color = colour;
    chart_series_set_marker_fill(series, &markerFill);
    lxw_chart_line markerLine{};
    markerLine.color = colour;
    chart_series_set_marker_line(series, &markerLine);
    return;
  }
  const std::uint8_t patternType = kBarPatterns[series_look::pattern(index)];
  if (patternType == LXW_CHART_PATTERN_NONE) {
    lxw_chart_fill fill{};
    fill.color = colour;
    chart_series_set_fill(series, &fill);
  } else {
    lxw_chart_pattern pattern{};
    pattern.type = patternType;
    pattern.fg_color = colour;
    pattern.bg_color = 0xFFFFFF;
    chart_series_set_pattern(series, &pattern);
  }
  lxw_chart_line border{};
  border.color = colour;
  border.width = 1.0f;
  chart_series_set_line(series, &border);
}

}  // namespace

std::string centredHeaderText(const std::string& text) {
  std::string escaped;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const std::string piece = text[i] == '&' ? "&&" : text.substr(i, bytes);
    // Bytes bound characters from above: "&C" and this stay within 255.
    if (escaped.size() + piece.size() > 240) break;
    escaped += piece;
    i += bytes;
  }
  return escaped.empty() ? "" : "&C" + escaped;
}

// ---- XlsxSheetWriter ----

void XlsxSheetWriter::check(int error, int row, int col) const {
  if (error == LXW_NO_ERROR) return;
  throw OutputError("Kan inte skriva cell " + cellName(row, col) + " på bladet \"" + name_ +
                    "\" i " + workbook_->displayName() + ": " +
                    lxw_strerror(static_cast<lxw_error>(error)));
}

void XlsxSheetWriter::writeString(int row, int col, const std::string& text,
                                  const XlsxCellStyle& style) {
  // worksheet_write_string never interprets "=…" as a formula, which is the point.
  const std::string cut = text.size() > kMaxCellBytes ? cutToCellLimit(text) : std::string();
  check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               cut.empty() ? text.c_str() : cut.c_str(), workbook_->format(style)),
        row, col);
}

void XlsxSheetWriter::writeNumber(int row, int col, double value, const XlsxCellStyle& style) {
  // NaN/Inf would be written as "nan"/"inf" and make the file unreadable.
  if (!std::isfinite(value)) {
    writeBlank(row, col, style);
    return;
  }
  check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               value, workbook_->format(style)),
        row, col);
}

void XlsxSheetWriter::writeBlank(int row, int col, const XlsxCellStyle& style) {
  check(worksheet_write_blank(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                              workbook_->format(style)),
        row, col);
}

void XlsxSheetWriter::writeFormula(int row, int col, const std::string& formula, double cachedValue,
                                   const XlsxCellStyle& style) {
  check(worksheet_write_formula_num(
            sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), formula.c_str(),
            workbook_->format(style), std::isfinite(cachedValue) ? cachedValue : 0.0),
        row, col);
}

void XlsxSheetWriter::allowOnlyNumbers(int firstRow, int lastRow, int col,
                                       const std::string& message) {
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
  validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  validation.minimum_number = -1e15;
  validation.maximum_number = 1e15;
  validation.ignore_blank = LXW_VALIDATION_ON;
  std::string title = "Endast tal";
  std::string text = message;
  validation.error_title = title.data();
  validation.error_message = text.data();
  check(worksheet_data_validation_range(
            sheet_, static_cast<lxw_row_t>(firstRow), static_cast<lxw_col_t>(col),
            static_cast<lxw_row_t>(lastRow), static_cast<lxw_col_t>(col), &validation),
        firstRow, col);
}

void XlsxSheetWriter::protect() { worksheet_protect(sheet_, nullptr, nullptr); }

void XlsxSheetWriter::insertChart(int row, int col, const XlsxChartSpec& spec) {
  const auto fail = [&](const std::string& problem) {
    return OutputError("Kan inte lägga in diagrammet \"" + spec.title + "\" på bladet \"" + name_ +
                       "\" i " + workbook_->displayName() + ": " + problem);
  };
  if (spec.series.empty()) throw fail("diagrammet har inga dataserier");
  lxw_chart* chart = workbook_add_chart(workbook_->workbook_, lxwChartType(spec.type));
  if (chart == nullptr) throw fail("libxlsxwriter kunde inte skapa det");

  char* sheetName = workbook_->keep(name_);
  std::size_t index = 0;
  for (const XlsxChartSeries& s : spec.series) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (series == nullptr) throw fail("libxlsxwriter kunde inte skapa en dataserie");
    chart_series_set_categories(series, sheetName, static_cast<lxw_row_t>(s.categories.firstRow),
                                static_cast<lxw_col_t>(s.categories.firstCol),
                                static_cast<lxw_row_t>(s.categories.lastRow),
                                static_cast<lxw_col_t>(s.categories.lastCol));
    chart_series_set_values(series, sheetName, static_cast<lxw_row_t>(s.values.firstRow),
                            static_cast<lxw_col_t>(s.values.firstCol),
                            static_cast<lxw_row_t>(s.values.lastRow),
                            static_cast<lxw_col_t>(s.values.lastCol));
    chart_series_set_name_range(series, sheetName, static_cast<lxw_row_t>(s.nameRow),
                                static_cast<lxw_col_t>(s.nameCol));
    styleSeries(series, spec.type, index++, spec.colours);
  }

  if (!spec.title.empty()) chart_title_set_name(chart, workbook_->keep(spec.title));
  // In a bar chart libxlsxwriter swaps the axes: x_axis is the (horizontal) value axis there.
  const bool bar = spec.type == XlsxChartType::Bar;
  lxw_chart_axis* valueAxis = bar ? chart->x_axis : chart->y_axis;
  lxw_chart_axis* categoryAxis = bar ? chart->y_axis : chart->x_axis;
  if (!spec.valueAxisTitle.empty()) {
    chart_axis_set_name(valueAxis, workbook_->keep(spec.valueAxisTitle));
  }
  if (bar) {
    // Excel draws the first category at the bottom; reversed, the bars read in the table's
    // order, and crossing at the (now lowest) last category keeps the value axis at the bottom.
    chart_axis_set_reverse(categoryAxis);
    chart_axis_set_crossing_max(categoryAxis);
  }
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);

  lxw_chart_options options{};
  options.x_scale = spec.widthScale > 0 ? spec.widthScale : 1;
  options.y_scale = spec.heightScale > 0 ? spec.heightScale : 1;
  options.description = spec.altText.empty() ? nullptr : workbook_->keep(spec.altText);
  check(worksheet_insert_chart_opt(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                   chart, &options),
        row, col);
}

void XlsxSheetWriter::writeMergedText(const XlsxCellRange& range, const std::string& text,
                                      double heightPoints, const XlsxCellStyle& style) {
  const std::string cut = text.size() > kMaxCellBytes ? cutToCellLimit(text) : std::string();
  lxw_format* format = workbook_->format(style);
  for (int row = range.firstRow; row <= range.lastRow; ++row) {
    check(worksheet_set_row(sheet_, static_cast<lxw_row_t>(row), heightPoints, nullptr), row,
          range.firstCol);
  }
  if (range.firstRow == range.lastRow && range.firstCol == range.lastCol) {
    writeString(range.firstRow, range.firstCol, text, style);
    return;
  }
  // worksheet_merge_range writes the text as a string, never as a formula.
  check(worksheet_merge_range(
            sheet_, static_cast<lxw_row_t>(range.firstRow), static_cast<lxw_col_t>(range.firstCol),
            static_cast<lxw_row_t>(range.lastRow), static_cast<lxw_col_t>(range.lastCol),
            cut.empty() ? text.c_str() : cut.c_str(), format),
        range.firstRow, range.firstCol);
}

void XlsxSheetWriter::autofilter(const XlsxCellRange& range) {
  check(worksheet_autofilter(
            sheet_, static_cast<lxw_row_t>(range.firstRow), static_cast<lxw_col_t>(range.firstCol),
            static_cast<lxw_row_t>(range.lastRow), static_cast<lxw_col_t>(range.lastCol)),
        range.firstRow, range.firstCol);
}

void XlsxSheetWriter::addTable(const XlsxTableSpec& table) {
  const auto& r = table.range;
  const std::size_t columnCount = static_cast<std::size_t>(r.lastCol - r.firstCol + 1);
  if (r.lastRow <= r.firstRow || r.lastCol < r.firstCol || table.headers.size() != columnCount ||
      (!table.headerStyles.empty() && table.headerStyles.size() != columnCount)) {
    throw OutputError("Kan inte lägga in tabellen \"" + table.name + "\" på bladet \"" + name_ +
                      "\" i " + workbook_->displayName() +
                      ": den behöver en rubrikrad, minst en rad och en rubrik per kolumn");
  }
  std::vector<lxw_table_column> columns(columnCount);
  std::vector<lxw_table_column*> pointers;
  for (std::size_t c = 0; c < columnCount; ++c) {
    columns[c].header = workbook_->keep(table.headers[c]);
    if (!table.headerStyles.empty()) {
      columns[c].header_format = workbook_->format(table.headerStyles[c]);
    }
    pointers.push_back(&columns[c]);
  }
  pointers.push_back(nullptr);  // the library's end of the list

  lxw_table_options options{};
  options.name = workbook_->keep(table.name);
  options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
  options.style_type_number = 1;  // light grey banding: the cells' own formats stay readable
  options.columns = pointers.data();
  check(worksheet_add_table(sheet_, static_cast<lxw_row_t>(r.firstRow),
                            static_cast<lxw_col_t>(r.firstCol), static_cast<lxw_row_t>(r.lastRow),
                            static_cast<lxw_col_t>(r.lastCol), &options),
        r.firstRow, r.firstCol);
}

void XlsxSheetWriter::setColumnWidth(int col, double width) {
  check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                             width, nullptr),
        0, col);
}

void XlsxSheetWriter::freezePanes(int firstScrollingRow, int firstScrollingCol) {
  worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(firstScrollingRow),
                         static_cast<lxw_col_t>(firstScrollingCol));
}

void XlsxSheetWriter::repeatRowsOnPrint(int firstRow, int lastRow) {
  check(worksheet_repeat_rows(sheet_, static_cast<lxw_row_t>(firstRow),
                              static_cast<lxw_row_t>(lastRow)),
        firstRow, 0);
}

void XlsxSheetWriter::setPageSetup(const XlsxPageSetup& setup) {
  worksheet_set_paper(sheet_, static_cast<uint8_t>(setup.paperSize));
  if (setup.orientation == XlsxOrientation::Landscape) {
    worksheet_set_landscape(sheet_);
  } else {
    worksheet_set_portrait(sheet_);
  }
  // Height 0 = as many pages tall as needed.
  if (setup.fitPagesWide > 0) {
    worksheet_fit_to_pages(sheet_, static_cast<uint16_t>(setup.fitPagesWide), 0);
  }
  if (!setup.header.empty()) {
    const lxw_error error = worksheet_set_header(sheet_, setup.header.c_str());
    if (error != LXW_NO_ERROR) {
      throw OutputError("Sidhuvudet \"" + setup.header + "\" kan inte användas på bladet \"" +
                        name_ + "\" i " + workbook_->displayName() + ": " + lxw_strerror(error));
    }
  }
  if (!setup.footer.empty()) {
    const lxw_error error = worksheet_set_footer(sheet_, setup.footer.c_str());
    if (error != LXW_NO_ERROR) {
      throw OutputError("Sidfoten \"" + setup.footer + "\" kan inte användas på bladet \"" + name_ +
                        "\" i " + workbook_->displayName() + ": " + lxw_strerror(error));
    }
  }
}

// ---- XlsxWorkbookWriter ----

XlsxWorkbookWriter::XlsxWorkbookWriter(const std::filesystem::path& file, std::string displayName)
    : displayName_(std::move(displayName)) {
  workbook_ = workbook_new(file.c_str());
  if (workbook_ == nullptr) {
    throw OutputError("Kan inte skapa Excel-filen " + displayName_);
  }
}

XlsxWorkbookWriter::~XlsxWorkbookWriter() {
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

void XlsxWorkbookWriter::setProperties(const XlsxDocumentProperties& properties) {
  properties_ = std::make_unique<XlsxDocumentProperties>(properties);
  lxw_doc_properties lxw{};
  lxw.title = mutableChars(properties_->title);
  lxw.author = mutableChars(properties_->author);
  lxw.company = mutableChars(properties_->company);
  lxw.subject = mutableChars(properties_->subject);
  lxw.keywords = mutableChars(properties_->keywords);
  lxw.created = properties_->created;
  const lxw_error error = workbook_set_properties(workbook_, &lxw);
  if (error != LXW_NO_ERROR) {
    throw OutputError("Kan inte sätta dokumentegenskaperna i " + displayName_ + ": " +
                      lxw_strerror(error));
  }
}

XlsxSheetWriter XlsxWorkbookWriter::addSheet(const std::string& name) {
  const lxw_error invalid = workbook_validate_sheet_name(workbook_, name.c_str());
  if (invalid != LXW_NO_ERROR) {
    throw OutputError("Bladnamnet \"" + name + "\" kan inte användas i " + displayName_ + ": " +
                      lxw_strerror(invalid));
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
  if (sheet == nullptr) {
    throw OutputError("Kan inte lägga till bladet \"" + name + "\" i " + displayName_);
  }
  return XlsxSheetWriter(*this, sheet, name);
}

void XlsxWorkbookWriter::close() {
  lxw_workbook* workbook = std::exchange(workbook_, nullptr);  // workbook_close frees it
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    throw OutputError("Kan inte skriva Excel-filen " + displayName_ + ": " + lxw_strerror(error));
  }
}

char* XlsxWorkbookWriter::keep(const std::string& text) {
  return keptStrings_.emplace_back(text).data();
}

lxw_format* XlsxWorkbookWriter::format(const XlsxCellStyle& style) {
  if (style == XlsxCellStyle{}) return nullptr;  // the default format
  const auto found = formats_.find(style);
  if (found != formats_.end()) return found->second;

  lxw_format* f = workbook_add_format(workbook_);
  if (f == nullptr) throw OutputError("Kan inte skapa ett cellformat i " + displayName_);
  if (style.bold) format_set_bold(f);
  if (style.italic) format_set_italic(f);
  if (style.fontSize > 0) format_set_font_size(f, style.fontSize);
  if (style.topBorder) format_set_top(f, LXW_BORDER_THIN);
  if (style.bottomBorder) format_set_bottom(f, LXW_BORDER_THIN);
  if (style.wrap) format_set_text_wrap(f);
  if (style.alignRight) format_set_align(f, LXW_ALIGN_RIGHT);
  if (style.alignTop) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (style.indent > 0) format_set_indent(f, static_cast<uint8_t>(std::min(style.indent, 15)));
  if (style.unlocked) format_set_unlocked(f);
  if (style.fill != 0) format_set_bg_color(f, static_cast<lxw_color_t>(style.fill));
  if (!style.numberFormat.empty()) format_set_num_format(f, style.numberFormat.c_str());
  formats_.emplace(style, f);
  return f;
}

}  // namespace namnd
