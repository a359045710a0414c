#include "ingest/xlsx/sheet_rows.hpp"

#include <Poco/SAX/DefaultHandler.h>

#include <charconv>
#include <cmath>
#include <string_view>

#include "core/errors.hpp"
#include "ingest/xlsx/cell_reference.hpp"
#include "ingest/xlsx/xml_attributes.hpp"
#include "ingest/xlsx/xml_part_parser.hpp"

namespace namnd {
namespace {

std::string_view trimAsciiSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

template <typename Number>
bool parseWhole(std::string_view text, Number& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

// What the t attribute of <c> says the value is.
enum class CellKind { Number, SharedString, InlineString, FormulaString, Boolean, Error, IsoDate };

class SheetHandler final : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const ZipPackage& package, const SheetEntry& sheet,
               const std::vector<std::string>& sharedStrings,
               const std::function<void(const XlsxRow&)>& onRow)
      : package_(package), sheet_(sheet), sharedStrings_(sharedStrings), onRow_(onRow) {}

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
                    const Poco::XML::XMLString&, const Poco::XML::Attributes& attributes) override {
    if (localName == "sheetData") {
      inSheetData_ = true;
    } else if (!inSheetData_) {
      return;
    } else if (localName == "c") {
      if (inRow_) startCell(attributes);
    } else if (localName == "v") {
      inValue_ = inCell_;
    } else if (localName == "is") {
      inInlineString_ = inCell_;
    } else if (localName == "t") {
      inText_ = inInlineString_ && phoneticDepth_ == 0;
    } else if (localName == "rPh") {
      if (inInlineString_) ++phoneticDepth_;
    } else if (localName == "row") {
      startRow(attributes);
    }
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& localName,
                  const Poco::XML::XMLString&) override {
    if (!inSheetData_) return;
    if (localName == "v") {
      inValue_ = false;
    } else if (localName == "t") {
      inText_ = false;
    } else if (localName == "rPh") {
      if (inInlineString_) --phoneticDepth_;
    } else if (localName == "is") {
      inInlineString_ = false;
    } else if (localName == "c") {
      if (inCell_) finishCell();
    } else if (localName == "row") {
      if (inRow_) finishRow();
    } else if (localName == "sheetData") {
      inSheetData_ = false;
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (inValue_ || inText_) value_.append(ch + start, static_cast<std::size_t>(length));
  }

 private:
  void startRow(const Poco::XML::Attributes& attributes) {
    std::int64_t number = lastRowNumber_ + 1;  // rows without r follow the previous one
    if (const std::string* r = findAttribute(attributes, "r")) {
      if (!parseWhole(trimAsciiSpace(*r), number)) number = 0;
    }
    if (number < 1 || number > kXlsxMaxRows) {
      throw InputError({package_.displayName(), lastRowNumber_ + 1},
                       inSheet() + "radnumret är ogiltigt (en rad efter rad " +
                           std::to_string(lastRowNumber_) + ")");
    }
    row_.rowNumber = number;
    row_.cells.clear();  // keeps the capacity for the next row
    nextColumn_ = 0;
    inRow_ = true;
  }

  void finishRow() {
    while (!row_.cells.empty() && row_.cells.back().type == XlsxCell::Type::Empty) {
      row_.cells.pop_back();  // a later duplicate reference may have emptied the last cell
    }
    inRow_ = false;
    lastRowNumber_ = row_.rowNumber;
    onRow_(row_);
  }

  void startCell(const Poco::XML::Attributes& attributes) {
    if (const std::string* r = findAttribute(attributes, "r")) {
      const std::optional<CellReference> reference = parseCellReference(trimAsciiSpace(*r));
      if (!reference) {
        throw InputError({package_.displayName(), row_.rowNumber},
                         inSheet() + "cellreferensen \"" + *r + "\" är ogiltig");
      }
      column_ = reference->column;
    } else {
      column_ = nextColumn_;  // cells without r follow the previous one
      if (column_ >= kXlsxMaxColumns) {
        throw InputError(
            {package_.displayName(), row_.rowNumber},
            inSheet() + "raden har fler än " + std::to_string(kXlsxMaxColumns) + " kolumner");
      }
    }
    nextColumn_ = column_ + 1;

    const std::string* t = findAttribute(attributes, "t");
    kind_ = t ? kindOf(*t) : CellKind::Number;
    value_.clear();
    inCell_ = true;
  }

  CellKind kindOf(const std::string& t) const {
    if (t == "n") return CellKind::Number;
    if (t == "s") return CellKind::SharedString;
    if (t == "inlineStr") return CellKind::InlineString;
    if (t == "str") return CellKind::FormulaString;
    if (t == "b") return CellKind::Boolean;
    if (t == "e") return CellKind::Error;
    if (t == "d") return CellKind::IsoDate;
    throw cellError("celltypen t=\"" + t + "\" är okänd");
  }

  void finishCell() {
    inCell_ = false;
    XlsxCell cell;
    fillCell(cell);
    const auto column = static_cast<std::size_t>(column_);
    if (cell.type == XlsxCell::Type::Empty) {
      if (column < row_.cells.size()) row_.cells[column] = XlsxCell{};  // a duplicate reference
      return;  // gaps are filled when a later cell arrives; trailing ones never appear
    }
    if (column >= row_.cells.size()) row_.cells.resize(column + 1);
    row_.cells[column] = std::move(cell);
  }

  void fillCell(XlsxCell& cell) const {
    const std::string_view trimmed = trimAsciiSpace(value_);
    switch (kind_) {
      case CellKind::Number:
        if (trimmed.empty()) return;  // a formula without cached value, or a styled blank
        cell.type = XlsxCell::Type::Number;
        cell.text.assign(trimmed);
        cell.number = parseNumber(trimmed);
        return;
      case CellKind::SharedString: {
        if (trimmed.empty()) return;
        std::size_t index = 0;
        if (!parseWhole(trimmed, index) || index >= sharedStrings_.size()) {
          throw cellError("index " + std::string(trimmed) +
                          " finns inte i tabellen över delade strängar (" +
                          std::to_string(sharedStrings_.size()) + " poster)");
        }
        setText(cell, XlsxCell::Type::Text, sharedStrings_[index]);
        return;
      }
      case CellKind::InlineString:
      case CellKind::FormulaString:
      case CellKind::IsoDate:
        setText(cell, XlsxCell::Type::Text, value_);  // whitespace is part of the text
        return;
      case CellKind::Boolean:
        if (trimmed.empty()) return;
        if (trimmed != "1" && trimmed != "true" && trimmed != "0" && trimmed != "false") {
          throw cellError("värdet " + quotedValue(trimmed) + " är inget sanningsvärde");
        }
        cell.type = XlsxCell::Type::Boolean;
        cell.text.assign(1, trimmed == "1" || trimmed == "true" ? '1' : '0');
        return;
      case CellKind::Error:
        setText(cell, XlsxCell::Type::Error, trimmed);
        return;
    }
  }

  static void setText(XlsxCell& cell, XlsxCell::Type type, std::string_view text) {
    if (text.empty()) return;
    cell.type = type;
    cell.text.assign(text);
  }

  double parseNumber(std::string_view text) const {
    std::string_view digits = text;
    if (digits.front() == '+') digits.remove_prefix(1);  // from_chars does not take a plus
    double number = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (ec != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(number)) {
      throw cellError("värdet " + quotedValue(text) + " är inget giltigt tal");
    }
    return number;
  }

  InputError cellError(const std::string& reason) const {
    return InputError({package_.displayName(), row_.rowNumber, columnName(column_)},
                      inSheet() + reason);
  }

  std::string inSheet() const { return "bladet \"" + sheet_.name + "\": "; }

  const ZipPackage& package_;
  const SheetEntry& sheet_;
  const std::vector<std::string>& sharedStrings_;
  const std::function<void(const XlsxRow&)>& onRow_;

  XlsxRow row_;
  std::int64_t lastRowNumber_ = 0;
  int nextColumn_ = 0;

  int column_ = 0;
  CellKind kind_ = CellKind::Number;
  std::string value_;  // text of <v> or of the inline string's <t> elements

  bool inSheetData_ = false;
  bool inRow_ = false;
  bool inCell_ = false;
  bool inValue_ = false;
  bool inInlineString_ = false;
  bool inText_ = false;
  int phoneticDepth_ = 0;
};

}  // namespace

void readSheetRows(const ZipPackage& package, const SheetEntry& sheet,
                   const std::vector<std::string>& sharedStrings,
                   const std::function<void(const XlsxRow&)>& onRow) {
  SheetHandler handler(package, sheet, sharedStrings, onRow);
  parseXmlPart(package, sheet.partName, handler);
}

}  // namespace namnd
