#include "reports/checks/personal_data_guard.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int twoDigits(std::string_view digits, std::size_t at) {
  return (digits[at] - '0') * 10 + (digits[at + 1] - '0');
}

// YYMMDD of a personnummer: a month, and a day (or a samordningsnummer's day + 60).
bool possibleDate(std::string_view tenDigits) {
  const int month = twoDigits(tenDigits, 2);
  const int day = twoDigits(tenDigits, 4);
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

// The Luhn check over the ten digits, as Skatteverket computes the control digit.
bool luhn(std::string_view tenDigits) {
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    int d = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 == 0;
}

std::size_t digitRun(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && isDigit(text[end])) ++end;
  return end - at;
}

// Calls found(tenDigits, start, length) for every personnummer-like number in `text`, in order,
// until it returns false.
void forEachPersonnummer(
    std::string_view text,
    const std::function<bool(const std::string&, std::size_t, std::size_t)>& found) {
  for (std::size_t at = 0; at < text.size();) {
    if (!isDigit(text[at]) || (at > 0 && isDigit(text[at - 1]))) {
      ++at;
      continue;
    }
    const std::size_t start = at;
    const std::size_t run = digitRun(text, at);
    std::string digits;
    bool separated = false;
    if (run == 12 || run == 10) {
      digits = std::string(text.substr(at, run));
    } else if ((run == 8 || run == 6) && at + run + 5 <= text.size() &&
               (text[at + run] == '-' || text[at + run] == '+') &&
               digitRun(text, at + run + 1) == 4) {
      digits = std::string(text.substr(at, run)) + std::string(text.substr(at + run + 1, 4));
      separated = true;
    }
    at += separated ? run + 5 : run;
    if (digits.empty()) continue;
    if (digits.size() == 12) {
      const int century = twoDigits(digits, 0);
      if (century < 18 || century > 20) continue;
      digits.erase(0, 2);
    }
    if (!possibleDate(digits)) continue;
    if (!separated && !luhn(digits)) continue;
    if (!found(digits, start, at - start)) return;
  }
}

// The text with every personnummer in it masked: for messages, which end up in logs.
std::string masked(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  forEachPersonnummer(text, [&](const std::string& digits, std::size_t start, std::size_t length) {
    out.append(text.substr(copied, start - copied));
    out += maskedPersonnummer(digits);
    copied = start + length;
    return true;
  });
  out.append(text.substr(copied));
  return out;
}

std::string columnLetters(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

bool looksLikeZip(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[2] = {};
  in.read(head, 2);
  return in && head[0] == 'P' && head[1] == 'K';
}

// Where in the file the number is: a line of a text file (CSV, SIE, Markdown, the config) or a
// cell of a workbook. Nothing when the file does not hold it or cannot be read.
std::optional<SourceLocation> findIn(const fs::path& file, const std::string& displayName,
                                     const std::string& tenDigits) {
  std::optional<SourceLocation> location;
  // Whether `text` holds this very number (not just any personnummer).
  const auto holds = [&](std::string_view text) {
    bool hit = false;
    forEachPersonnummer(text, [&](const std::string& digits, std::size_t, std::size_t) {
      hit = digits == tenDigits;
      return !hit;
    });
    return hit;
  };
  try {
    if (looksLikeZip(file)) {
      const XlsxWorkbook workbook = XlsxWorkbook::open(file, displayName);
      for (const std::string& sheet : workbook.sheetNames()) {
        workbook.readSheet(sheet, [&](const XlsxRow& row) {
          for (std::size_t c = 0; c < row.cells.size() && !location; ++c)
            if (holds(row.cells[c].text))
              location = SourceLocation{displayName + " (bladet " + sheet + ")", row.rowNumber,
                                        columnLetters(c)};
        });
        if (location) return location;
      }
      return location;
    }
    std::ifstream in(file, std::ios::binary);
    std::string line;
    for (std::int64_t number = 1; std::getline(in, line); ++number)
      if (holds(line)) return SourceLocation{displayName, number, ""};
  } catch (const std::exception&) {
    // A file that cannot be searched (it was read for the report, so this is rare) is skipped:
    // the error below still names the place in the report.
  }
  return location;
}

// Every input file the config names, then the config itself.
std::vector<std::pair<fs::path, std::string>> searchedFiles(const RunConfig& config) {
  std::vector<std::pair<fs::path, std::string>> files;
  const auto add = [&](const InputFile& input) {
    if (fs::is_directory(input.path)) {
      std::vector<fs::path> inside;
      for (const auto& entry : fs::directory_iterator(input.path))
        if (entry.is_regular_file()) inside.push_back(entry.path());
      std::sort(inside.begin(), inside.end());
      for (const fs::path& file : inside)
        files.emplace_back(file, input.displayName + "/" + file.filename().string());
    } else {
      files.emplace_back(input.path, input.displayName);
    }
  };
  const auto addAll = [&](const std::vector<InputFile>& inputs) {
    for (const InputFile& input : inputs) add(input);
  };
  const auto addOptional = [&](const std::optional<InputFile>& input) {
    if (input) add(*input);
  };
  add(config.org);
  add(config.kontoplan);
  addAll(config.huvudbok);
  addAll(config.budget);
  addAll(config.prognos);
  addAll(config.hr);
  addOptional(config.manadsrapport.comments);
  const DelarsrapportSettings& delar = config.delarsrapport;
  for (const auto* input : {&delar.comments, &delar.investeringar, &delar.budgetram, &delar.mal,
                            &delar.verksamhetsmatt, &delar.volymer, &delar.prognosPerKostnadsslag})
    addOptional(*input);
  addAll(config.avvikelser.registers);
  addOptional(config.nyckeltal.katalog);
  addOptional(config.nyckeltal.grundkatalog);
  files.emplace_back(config.configPath, config.configPath.filename().string());
  return files;
}

[[noreturn]] void refuse(const std::string& tenDigits, const std::string& where,
                         const RunConfig& config) {
  const std::string reason = "texten ser ut att innehålla ett personnummer (" +
                             maskedPersonnummer(tenDigits) +
                             "), som inte får komma med i en rapport: det skulle stå i " +
                             masked(where) + ". Ta bort det ur indata; ingen fil har skrivits";
  for (const auto& [file, displayName] : searchedFiles(config))
    if (auto location = findIn(file, displayName, tenDigits))
      throw InputError(std::move(*location), reason);
  throw InputError(SourceLocation{"rapporten (källan hittades inte bland indatafilerna)"}, reason);
}

// Checks texts one at a time; the place is described only for a hit.
class Scan {
 public:
  explicit Scan(const RunConfig& config) : config_(config) {}

  template <typename Describe>
  void text(std::string_view value, Describe&& where) const {
    std::optional<std::string> hit = findPersonnummer(value);
    if (hit) refuse(*hit, where(), config_);
  }

 private:
  const RunConfig& config_;
};

std::string quotedTitle(const std::string& title) { return "\"" + title + "\""; }

void scanTable(const Scan& scan, const Table& table) {
  const std::string name = "tabellen " + quotedTitle(table.title);
  scan.text(table.title, [&] { return name + " (rubriken)"; });
  scan.text(table.unitNote, [&] { return name + " (enheten)"; });
  for (const Column& column : table.columns)
    scan.text(column.header, [&] { return name + " (en kolumnrubrik)"; });
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (std::size_t c = 0; c < table.rows[r].cells.size(); ++c)
      if (const auto* text = std::get_if<std::string>(&table.rows[r].cells[c]))
        scan.text(*text, [&] {
          const std::string column =
              c < table.columns.size() ? quotedTitle(table.columns[c].header) : std::to_string(c);
          return name + ", rad " + std::to_string(r + 1) + ", kolumn " + column;
        });
  for (std::size_t f = 0; f < table.footnotes.size(); ++f)
    scan.text(table.footnotes[f], [&] { return name + ", fotnot " + std::to_string(f + 1); });
  if (table.pageSummary) scan.text(*table.pageSummary, [&] { return name + " (sammanfattning)"; });
}

void scanText(const Scan& scan, const TextSection& section) {
  const std::string name = "avsnittet " + quotedTitle(section.title);
  scan.text(section.title, [&] { return name + " (rubriken)"; });
  for (std::size_t p = 0; p < section.paragraphs.size(); ++p)
    scan.text(section.paragraphs[p], [&] { return name + ", stycke " + std::to_string(p + 1); });
  for (std::size_t b = 0; b < section.bullets.size(); ++b)
    scan.text(section.bullets[b], [&] { return name + ", punkt " + std::to_string(b + 1); });
}

void scanChecks(const Scan& scan, const CheckSection& section) {
  const std::string name = "avsnittet " + quotedTitle(section.title);
  scan.text(section.title, [&] { return name + " (rubriken)"; });
  for (std::size_t i = 0; i < section.items.size(); ++i) {
    const auto where = [&] { return name + ", kontroll " + std::to_string(i + 1); };
    scan.text(section.items[i].description, where);
    scan.text(section.items[i].detail, where);
  }
}

void scanChart(const Scan& scan, const Chart& chart) {
  const std::string name = "diagrammet " + quotedTitle(chart.title);
  const auto where = [&] { return name; };
  for (const std::string* text : {&chart.title, &chart.description, &chart.valueAxis})
    scan.text(*text, where);
  for (const std::string& category : chart.categories) scan.text(category, where);
  for (const ChartSeries& series : chart.series) scan.text(series.name, where);
  for (const std::string& footnote : chart.footnotes) scan.text(footnote, where);
}

}  // namespace

std::optional<std::string> findPersonnummer(std::string_view text) {
  std::optional<std::string> first;
  forEachPersonnummer(text, [&](const std::string& digits, std::size_t, std::size_t) {
    first = digits;
    return false;
  });
  return first;
}

std::string maskedPersonnummer(const std::string& tenDigits) {
  return tenDigits.substr(0, 6) + "-****";
}

void refusePersonalData(const Document& document, const RunConfig& config) {
  const Scan scan(config);
  const auto header = [] { return std::string("rapportens huvud"); };
  scan.text(document.title, header);
  const DocumentMeta& meta = document.meta;
  for (const std::string* text :
       {&meta.kommun, &meta.namnd, &meta.forvaltning, &meta.author, &meta.periodLabel})
    scan.text(*text, header);
  for (const HeaderField& field : meta.header) {
    scan.text(field.label, header);
    scan.text(field.value, header);
  }
  for (const Section& section : document.sections)
    std::visit(
        [&](const auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, Table>)
            scanTable(scan, s);
          else if constexpr (std::is_same_v<T, TextSection>)
            scanText(scan, s);
          else if constexpr (std::is_same_v<T, CheckSection>)
            scanChecks(scan, s);
          else if constexpr (std::is_same_v<T, PartHeading>)
            scan.text(s.title, [&] { return "delen " + quotedTitle(s.title) + " (rubriken)"; });
          else
            scanChart(scan, s);
        },
        section);
}

void refusePersonalData(const Prognosunderlag& underlag, const RunConfig& config) {
  const Scan scan(config);
  const auto header = [] { return std::string("prognosunderlagets huvud"); };
  scan.text(underlag.kommun, header);
  scan.text(underlag.subtitle, header);
  for (const std::string& line : underlag.instructions) scan.text(line, header);
  for (const PrognosunderlagUnit& unit : underlag.units) {
    const std::string name = "prognosunderlaget " + quotedTitle(unit.title);
    const auto whole = [&] { return name; };
    for (const std::string* text : {&unit.name, &unit.title, &unit.sumLabel})
      scan.text(*text, whole);
    std::vector<const PrognosunderlagRow*> rows;
    for (const PrognosunderlagRow& row : unit.rows) rows.push_back(&row);
    if (unit.wholeUnit) rows.push_back(&*unit.wholeUnit);
    for (const PrognosunderlagRow* row : rows) {
      const auto where = [&] { return name + ", raden " + row->code; };
      for (const std::string* text :
           {&row->name, &row->previousKommentar, &row->methodText, &row->kommentar, &row->atgard})
        scan.text(*text, where);
    }
  }
}

}  // namespace namnd
