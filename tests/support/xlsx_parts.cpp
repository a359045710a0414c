#include "support/xlsx_parts.hpp"

#include <istream>
#include <iterator>
#include <regex>

#include "ingest/xlsx/zip_package.hpp"

namespace namnd::testing {

std::optional<std::string> xlsxPart(const std::filesystem::path& workbook,
                                    const std::string& name) {
  const ZipPackage package = ZipPackage::openFile(workbook, workbook.string(), ZipLimits{});
  if (!package.contains(name)) return std::nullopt;
  std::string content;
  package.readPart(name, [&](std::istream& in) {
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  return content;
}

std::string sheetXml(const std::filesystem::path& workbook, const std::string& sheet) {
  const std::string book = xlsxPart(workbook, "xl/workbook.xml").value_or("");
  const std::string rels = xlsxPart(workbook, "xl/_rels/workbook.xml.rels").value_or("");
  std::string escaped;
  for (const char c : sheet) {
    if (c == '&')
      escaped += "&amp;";
    else if (c == '<')
      escaped += "&lt;";
    else if (c == '>')
      escaped += "&gt;";
    else if (c == '"')
      escaped += "&quot;";
    else
      escaped += c;
  }
  const auto at = book.find("<sheet name=\"" + escaped + "\"");
  if (at == std::string::npos) return "";
  std::smatch id;
  const std::string element = book.substr(at, book.find("/>", at) - at);
  if (!std::regex_search(element, id, std::regex("r:id=\"([^\"]+)\""))) return "";
  std::smatch target;
  const std::regex re("<Relationship Id=\"" + id[1].str() + "\"[^>]*Target=\"([^\"]+)\"");
  if (!std::regex_search(rels, target, re)) return "";
  return xlsxPart(workbook, "xl/" + target[1].str()).value_or("");
}

std::vector<XlsxFormula> formulasIn(const std::string& xml) {
  std::vector<XlsxFormula> formulas;
  // A blank cell closes itself ("<c r=\"B2\" s=\"1\"/>"); its body is empty.
  const std::regex cell("<c r=\"([A-Z]+[0-9]+)\"[^>]*?(?:/>|>([\\s\\S]*?)</c>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), cell); it != std::sregex_iterator();
       ++it) {
    const std::string body = (*it)[2];
    std::smatch f;
    if (!std::regex_search(body, f, std::regex("<f>([^<]*)</f>"))) continue;
    std::smatch v;
    const bool cached = std::regex_search(body, v, std::regex("<v>([^<]*)</v>"));
    formulas.push_back({(*it)[1], f[1], cached ? v[1].str() : ""});
  }
  return formulas;
}

CellRef parseCellRef(const std::string& ref) {
  CellRef result;
  std::size_t i = 0;
  int col = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  result.col = col - 1;
  result.row = std::stoi(ref.substr(i)) - 1;
  return result;
}

}  // namespace namnd::testing

namespace namnd::testing {

std::map<int, double> columnWidths(const std::string& xml) {
  std::map<int, double> widths;
  const std::regex col("<col min=\"([0-9]+)\" max=\"([0-9]+)\" width=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), col); it != std::sregex_iterator();
       ++it) {
    for (int c = std::stoi((*it)[1]); c <= std::stoi((*it)[2]); ++c) {
      widths[c - 1] = std::stod((*it)[3]);
    }
  }
  return widths;
}

}  // namespace namnd::testing
