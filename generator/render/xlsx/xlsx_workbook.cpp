#include "render/xlsx/xlsx_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/errors.hpp"

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

}  // namespace

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
  check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               text.c_str(), workbook_->format(style)),
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

void XlsxSheetWriter::writeFormula(int row, int col, const std::string& formula,
                                   double cachedValue, const XlsxCellStyle& style) {
  check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row),
                                    static_cast<lxw_col_t>(col), formula.c_str(),
                                    workbook_->format(style),
                                    std::isfinite(cachedValue) ? cachedValue : 0.0),
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
  check(worksheet_data_validation_range(sheet_, static_cast<lxw_row_t>(firstRow),
                                        static_cast<lxw_col_t>(col),
                                        static_cast<lxw_row_t>(lastRow),
                                        static_cast<lxw_col_t>(col), &validation),
        firstRow, col);
}

void XlsxSheetWriter::protect() { worksheet_protect(sheet_, nullptr, nullptr); }

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
