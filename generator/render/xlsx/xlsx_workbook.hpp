#pragma once
// A small RAII adapter around libxlsxwriter's workbook, worksheets and formats. It is the only
// place that includes xlsxwriter.h: every lxw_error becomes an OutputError, no non-finite double
// reaches the library, and strings are always written as strings (never as formulas).

#include <compare>
#include <cstdint>
#include <ctime>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace namnd {

// How one cell looks. Formats are created once per distinct style and shared.
struct XlsxCellStyle {
  bool bold = false;
  bool italic = false;
  double fontSize = 0;  // 0 = the workbook default
  bool topBorder = false;
  bool bottomBorder = false;
  bool wrap = false;
  bool alignRight = false;
  bool alignTop = false;
  int indent = 0;
  bool unlocked = false;     // editable on a protected sheet (the input cells of an underlag)
  std::uint32_t fill = 0;    // background as 0xRRGGBB; 0 = none
  std::string numberFormat;  // US-notation Excel code ("#,##0;-#,##0"); empty = General

  auto operator<=>(const XlsxCellStyle&) const = default;
};

enum class XlsxOrientation { Portrait, Landscape };

struct XlsxPageSetup {
  int paperSize = 9;  // Excel's paper code: 9 = A4, 8 = A3, 1 = Letter
  XlsxOrientation orientation = XlsxOrientation::Landscape;
  int fitPagesWide = 1;  // 0 = no fitting
  std::string footer;    // Excel header/footer codes, "&CSida &P av &N"; empty = none
  std::string header;    // the same codes; a literal "&" is written "&&"; empty = none
};

// A literal text centred in a page header or footer ("&C" + the text): Excel reads "&" there as
// the start of a code ("&P" = page number), so the text's own are doubled, and the whole may hold
// 255 characters, so a longer text is cut. Empty for an empty text.
std::string centredHeaderText(const std::string& text);

enum class XlsxChartType { Column, StackedColumn, Bar, Line };

// A rectangle of cells on the sheet the chart is inserted into; 0-based, inclusive.
struct XlsxCellRange {
  int firstRow = 0;
  int firstCol = 0;
  int lastRow = 0;
  int lastCol = 0;
};

// One series of a native chart; every reference points into the chart's own sheet, so Excel
// redraws the chart when a number in the table is changed.
struct XlsxChartSeries {
  int nameRow = 0;  // the cell holding the legend text (the table's header cell)
  int nameCol = 0;
  XlsxCellRange categories;
  XlsxCellRange values;
};

struct XlsxChartSpec {
  XlsxChartType type = XlsxChartType::Column;
  std::string title;
  std::string valueAxisTitle;  // empty = none
  std::string altText;         // the text alternative Excel offers screen readers
  std::vector<XlsxChartSeries> series;
  double widthScale = 1;  // of Excel's default 480 × 288 pixels
  double heightScale = 1;
  // Series colours, 0xRRGGBB, repeating (render/chart_palette.hpp); empty = the default palette.
  std::vector<std::uint32_t> colours;
};

// An Excel table ("Format as Table") over a header row and the data rows below it: Excel's
// filter and sort buttons, a name to refer to it by, and its own banding.
struct XlsxTableSpec {
  // Letters, digits and "_", starting with a letter, not a cell reference; unique in the
  // workbook (case-insensitively). The caller makes it so; libxlsxwriter's check is an OutputError.
  std::string name;
  XlsxCellRange range;  // the header row is range.firstRow; at least one data row
  // One per column of the range, non-empty and unique (Excel repairs the file otherwise); the
  // header cells are (re)written with them.
  std::vector<std::string> headers;
  std::vector<XlsxCellStyle> headerStyles;  // one per column, or empty = the default look
};

struct XlsxDocumentProperties {
  std::string title;
  std::string author;
  std::string company;
  std::time_t created = 0;  // must be set: 0 would make libxlsxwriter use the wall clock
  std::string subject;      // empty = none
  std::string keywords;     // empty = none
};

class XlsxWorkbookWriter;

// A worksheet of a XlsxWorkbookWriter; valid as long as the workbook is. Rows and columns are
// 0-based.
class XlsxSheetWriter {
 public:
  void writeString(int row, int col, const std::string& text, const XlsxCellStyle& style = {});
  // A non-finite value is written as an empty cell.
  void writeNumber(int row, int col, double value, const XlsxCellStyle& style = {});
  void writeBlank(int row, int col, const XlsxCellStyle& style);
  // A formula ("=SUM(B2:B9)", US notation) with the value Excel would compute, so that readers
  // that do not recalculate (and our tests) see the number.
  void writeFormula(int row, int col, const std::string& formula, double cachedValue,
                    const XlsxCellStyle& style = {});

  // Only numbers may be typed into the cells (a decimal number, any sign); Excel shows
  // `message` (Swedish) when something else is entered.
  void allowOnlyNumbers(int firstRow, int lastRow, int col, const std::string& message);
  // Protects the sheet without a password: cells whose style is `unlocked` stay editable.
  void protect();

  // A native chart with its top left corner in the cell (row, col). Series look different
  // without colour too: bars get distinct fill patterns, lines distinct dashes and markers.
  // OutputError when the spec has no series.
  void insertChart(int row, int col, const XlsxChartSpec& chart);

  // One cell over the rectangle (first cell `text`, wrapped, top-aligned), `heightPoints` tall
  // in each of its rows (Excel does not fit a merged cell's height itself).
  void writeMergedText(const XlsxCellRange& range, const std::string& text, double heightPoints,
                       const XlsxCellStyle& style);
  // Filter buttons on the first row of the range (its header row). One per sheet.
  void autofilter(const XlsxCellRange& range);
  // A named Excel table with filter buttons on its header row and no total row. It must not
  // overlap another table, a filter range or merged cells.
  void addTable(const XlsxTableSpec& table);

  void setColumnWidth(int col, double width);
  void freezePanes(int firstScrollingRow, int firstScrollingCol);
  void repeatRowsOnPrint(int firstRow, int lastRow);
  void setPageSetup(const XlsxPageSetup& setup);

 private:
  friend class XlsxWorkbookWriter;
  XlsxSheetWriter(XlsxWorkbookWriter& workbook, lxw_worksheet* sheet, std::string name)
      : workbook_(&workbook), sheet_(sheet), name_(std::move(name)) {}
  void check(int error, int row, int col) const;

  XlsxWorkbookWriter* workbook_;
  lxw_worksheet* sheet_;
  std::string name_;
};

class XlsxWorkbookWriter {
 public:
  // `file` is where the workbook is written on close(); `displayName` names the output in
  // messages (the final path when `file` is a temp file).
  XlsxWorkbookWriter(const std::filesystem::path& file, std::string displayName);
  // Frees the workbook without writing anything when close() was not called.
  ~XlsxWorkbookWriter();

  XlsxWorkbookWriter(const XlsxWorkbookWriter&) = delete;
  XlsxWorkbookWriter& operator=(const XlsxWorkbookWriter&) = delete;

  void setProperties(const XlsxDocumentProperties& properties);

  // `name` must already be a valid, unique sheet name (OutputError otherwise).
  XlsxSheetWriter addSheet(const std::string& name);

  // Writes the file. OutputError on failure.
  void close();

  const std::string& displayName() const { return displayName_; }

 private:
  friend class XlsxSheetWriter;
  lxw_format* format(const XlsxCellStyle& style);
  // A copy of `text` that lives until the workbook is closed or freed.
  char* keep(const std::string& text);

  lxw_workbook* workbook_ = nullptr;
  std::string displayName_;
  std::map<XlsxCellStyle, lxw_format*> formats_;  // owned by the workbook
  // Keeps the property strings alive until close (the library does not promise to copy them).
  std::unique_ptr<XlsxDocumentProperties> properties_;
  // The same for chart texts (titles, alt texts, sheet names); a deque never moves its elements.
  std::deque<std::string> keptStrings_;
};

}  // namespace namnd
