// The XLSX reader: zip container (directory, inflate, zip-bomb limits), relationships,
// workbook.xml, sharedStrings.xml and the sheet's rows, then the tabular layer on top.
//
// An input that starts with "PK" is taken as a whole .xlsx file. Anything else is taken as XML
// parts separated by NUL bytes — sheet1.xml, sharedStrings.xml, workbook.xml — that the harness
// packs into a valid zip itself, so that mutations reach the XML parsers instead of failing the
// zip's CRC check. Every workbook is read from memory and from disk; both must agree.

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "ingest/table/xlsx_source.hpp"
#include "ingest/xlsx/excel_date.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr std::string_view kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";
constexpr std::string_view kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(</Relationships>)";
constexpr std::string_view kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>)";

std::vector<std::string_view> splitParts(std::string_view text) {
  std::vector<std::string_view> parts;
  while (parts.size() < 2) {
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) break;
    parts.push_back(text.substr(0, nul));
    text.remove_prefix(nul + 1);
  }
  parts.push_back(text);
  return parts;
}

std::string packParts(std::string_view input) {
  const std::vector<std::string_view> parts = splitParts(input);
  std::vector<std::pair<std::string, std::string_view>> entries = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kPackageRels},
      {"xl/_rels/workbook.xml.rels", kWorkbookRels},
      {"xl/worksheets/sheet1.xml", parts[0]},
      {"xl/workbook.xml", parts.size() > 2 && !parts[2].empty() ? parts[2] : kWorkbook},
  };
  if (parts.size() > 1) entries.push_back({"xl/sharedStrings.xml", parts[1]});
  std::ostringstream zipped;
  Poco::Zip::Compress zip(zipped, true);
  for (const auto& [name, content] : entries) {
    std::istringstream in{std::string(content)};
    // The sheet is deflated (the bounded inflate path), the small parts stored.
    const auto method = name == "xl/worksheets/sheet1.xml" ? Poco::Zip::ZipCommon::CM_DEFLATE
                                                           : Poco::Zip::ZipCommon::CM_STORE;
    zip.addFile(in, Poco::DateTime(2025, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX), method,
                Poco::Zip::ZipCommon::CL_SUPERFAST);
  }
  zip.close();
  return zipped.str();
}

namnd::ZipLimits smallLimits() {
  namnd::ZipLimits limits;
  limits.maxEntryBytes = 8 << 20;  // fuzz inputs are small; keep bombs cheap to refuse
  return limits;
}

// Every row of every sheet through XlsxWorkbook.
void readWorkbook(const std::shared_ptr<const std::string>& bytes) {
  const namnd::XlsxWorkbook book =
      namnd::XlsxWorkbook::openBytes(bytes, "fuzz.xlsx", smallLimits());
  for (const std::string& sheet : book.sheetNames()) {
    book.readSheet(sheet, [&](const namnd::XlsxRow& row) {
      for (const namnd::XlsxCell& cell : row.cells)
        if (cell.type == namnd::XlsxCell::Type::Number)
          (void)namnd::excelSerialToIsoDate(cell.number, book.dateSystem());
    });
  }
}

namnd::TableSpec lenientSpec() {
  namnd::TableSpec spec;
  for (const char* name : {"konto", "ansvar", "belopp", "datum", "text"})
    spec.columns.push_back(namnd::ColumnSpec{name, {}, false, ""});
  return spec;
}

// The records through XlsxSource, as text.
std::vector<std::string> readSource(namnd::XlsxSource& source, const namnd::TableSpec& spec) {
  std::vector<std::string> records;
  source.read(spec, [&](const namnd::Record& record) {
    std::string line = std::to_string(record.line());
    for (const auto& column : spec.columns) {
      const namnd::ColumnId id = spec.id(column.name);
      std::string error;
      const auto ore = record.amountOre(id, &error);
      line += '|' + std::string(record.text(id)) + '=' + (ore ? std::to_string(*ore) : error) +
              '/' + record.dateText(id) + '@' + record.at(id).describe();
    }
    if (const auto problem = record.shapeProblem()) line += "|form:" + *problem;
    records.push_back(std::move(line));
  });
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 256 * 1024) return 0;
  const std::string_view input = namnd::fuzz::asText(data, size);
  const auto bytes = std::make_shared<const std::string>(
      input.starts_with("PK") ? std::string(input) : packParts(input));

  namnd::fuzz::expectTypedErrors("xlsx_fuzzer", [&] { readWorkbook(bytes); });

  const namnd::TableSpec spec = lenientSpec();
  std::vector<std::string> fromMemory;
  std::vector<std::string> fromDisk;
  const std::string memoryOutcome = namnd::fuzz::expectTypedErrors("xlsx_fuzzer", [&] {
    namnd::XlsxSource source(bytes, "fuzz.xlsx", "");
    fromMemory = readSource(source, spec);
  });
  const auto file = namnd::fuzz::writeScratchFile("fuzz.xlsx", *bytes);
  const std::string diskOutcome = namnd::fuzz::expectTypedErrors("xlsx_fuzzer", [&] {
    namnd::XlsxSource source(file, "fuzz.xlsx", "");
    fromDisk = readSource(source, spec);
  });
  // Both must accept or refuse the workbook, with the same records. The messages may differ:
  // Poco reports a broken archive differently from a stream than from a file.
  if (memoryOutcome.empty() != diskOutcome.empty() || fromMemory != fromDisk)
    namnd::fuzz::finding("xlsx_fuzzer", "minnet gav [" + memoryOutcome + "] och " +
                                            std::to_string(fromMemory.size()) +
                                            " poster, disken gav [" + diskOutcome + "] och " +
                                            std::to_string(fromDisk.size()));
  return 0;
}
