#include "ingest/xlsx/xlsx_reader.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "ingest/xlsx/shared_strings.hpp"
#include "ingest/xlsx/sheet_rows.hpp"
#include "ingest/xlsx/workbook_index.hpp"
#include "ingest/xlsx/zip_package.hpp"

namespace namnd {
namespace {

bool equalIgnoringAsciiCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

struct XlsxWorkbook::Impl {
  explicit Impl(ZipPackage zip) : package(std::move(zip)), index(readWorkbookIndex(package)) {
    if (!index.sharedStringsPart.empty()) {
      sharedStrings = readSharedStrings(package, index.sharedStringsPart);
    }
  }

  const SheetEntry& findSheet(std::string_view name) const;

  ZipPackage package;
  WorkbookIndex index;
  std::vector<std::string> sharedStrings;
};

const SheetEntry& XlsxWorkbook::Impl::findSheet(std::string_view name) const {
  const std::vector<SheetEntry>& sheets = index.sheets;
  auto found = sheets.end();
  if (name.empty()) {
    found = std::find_if(sheets.begin(), sheets.end(),
                         [](const SheetEntry& sheet) { return sheet.isWorksheet; });
    if (found == sheets.end()) {
      throw InputError({package.displayName()}, "arbetsboken har inga blad med celler");
    }
  } else {
    found = std::find_if(sheets.begin(), sheets.end(),
                         [&](const SheetEntry& sheet) { return sheet.name == name; });
    if (found == sheets.end()) {
      found = std::find_if(sheets.begin(), sheets.end(), [&](const SheetEntry& sheet) {
        return equalIgnoringAsciiCase(sheet.name, name);
      });
    }
  }
  if (found == sheets.end()) {
    std::string existing;
    for (const SheetEntry& sheet : sheets) {
      if (!existing.empty()) existing += ", ";
      existing += "\"" + sheet.name + "\"";
    }
    throw InputError({package.displayName()}, "bladet \"" + std::string(name) +
                                                  "\" finns inte. Arbetsbokens blad: " + existing);
  }
  if (!found->isWorksheet) {
    throw InputError({package.displayName()},
                     "bladet \"" + found->name + "\" är inget kalkylblad (t.ex. ett diagramblad)");
  }
  return *found;
}

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

XlsxWorkbook XlsxWorkbook::open(const std::filesystem::path& file, std::string displayName,
                                const ZipLimits& limits) {
  return XlsxWorkbook(
      std::make_unique<Impl>(ZipPackage::openFile(file, std::move(displayName), limits)));
}

XlsxWorkbook XlsxWorkbook::openBytes(std::shared_ptr<const std::string> bytes,
                                     std::string displayName, const ZipLimits& limits) {
  return XlsxWorkbook(std::make_unique<Impl>(
      ZipPackage::openBytes(std::move(bytes), std::move(displayName), limits)));
}

const std::string& XlsxWorkbook::displayName() const { return impl_->package.displayName(); }

std::vector<std::string> XlsxWorkbook::sheetNames() const {
  std::vector<std::string> names;
  names.reserve(impl_->index.sheets.size());
  for (const SheetEntry& sheet : impl_->index.sheets) names.push_back(sheet.name);
  return names;
}

ExcelDateSystem XlsxWorkbook::dateSystem() const { return impl_->index.dateSystem; }

void XlsxWorkbook::readSheet(std::string_view sheetName,
                             const std::function<void(const XlsxRow&)>& onRow) const {
  const SheetEntry& sheet = impl_->findSheet(sheetName);
  readSheetRows(impl_->package, sheet, impl_->sharedStrings, onRow);
}

}  // namespace namnd
