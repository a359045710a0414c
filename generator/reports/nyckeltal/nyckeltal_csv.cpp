#include "reports/nyckeltal/nyckeltal_csv.hpp"

namespace namnd {
namespace {

std::string field(const std::string& text) {
  if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string nyckeltalCsv(const std::vector<NyckeltalResult>& results, const std::string& kommun) {
  std::string csv = "kommun;period;id;org;v\xC3\xA4rde\n";
  for (const NyckeltalResult& r : results) {
    csv += field(kommun) + ";" + r.period.toString() + ";" + field(r.definition->id) + ";" +
           field(r.node->code) + ";";
    if (r.value.scaled) csv += scaledDecimalText(*r.value.scaled, r.definition->decimaler);
    csv += "\n";
  }
  return csv;
}

}  // namespace namnd
