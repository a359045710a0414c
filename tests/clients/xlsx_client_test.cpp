// The workbooks as a real client reads them: openpyxl (Debian's python3-openpyxl) loads each
// report's xlsx with the cached values of any formulas, and every table and chart data table of
// the report model — the Document built in-process by the same code the command runs — must be
// found on a sheet with its header row and then every row, cell for cell: texts equal, numbers
// equal to the displayed tkr, counts and ratios, empty cells empty (issue 9, point 4).

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <sstream>

#include "cli/built_report.hpp"
#include "clients/client_reports.hpp"
#include "clients/client_tools.hpp"
#include "support/test_support.hpp"

namespace namnd::clients {
namespace {

namespace fs = std::filesystem;
using Poco::Dynamic::Var;

// A cell as openpyxl gave it.
using SheetCell = std::variant<std::monostate, std::string, double>;
using SheetRows = std::vector<std::vector<SheetCell>>;

struct Sheet {
  std::string name;
  SheetRows rows;
};

// What a model cell must be on the sheet; `any` for a cell the model does not fix (the blank
// corner of a chart's data table).
struct Expected {
  CellValue value;
  bool any = false;
};

struct ExpectedTable {
  std::string title;
  std::vector<Expected> header;
  std::vector<std::vector<Expected>> rows;
};

std::map<std::string, std::vector<Sheet>> readWorkbooks(const fs::path& python,
                                                        const std::vector<fs::path>& books) {
  std::vector<std::string> args = {testing::repoPath("tests/clients/xlsx_cells.py").string()};
  for (const fs::path& book : books) args.push_back(book.string());
  const ToolRun run = runTool(python.string(), args, 300);
  if (run.exitCode != 0) throw std::runtime_error("xlsx_cells.py: " + run.output);
  const Var parsed = Poco::JSON::Parser().parse(run.output);
  const auto root = parsed.extract<Poco::JSON::Object::Ptr>();
  std::map<std::string, std::vector<Sheet>> result;
  for (const auto& [path, sheetsVar] : *root) {
    const auto sheets = sheetsVar.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t s = 0; s < sheets->size(); ++s) {
      const auto sheet = sheets->getObject(static_cast<unsigned>(s));
      Sheet read{sheet->getValue<std::string>("name"), {}};
      const auto rows = sheet->getArray("rows");
      for (std::size_t r = 0; r < rows->size(); ++r) {
        const auto cells = rows->getArray(static_cast<unsigned>(r));
        std::vector<SheetCell> row;
        for (std::size_t c = 0; c < cells->size(); ++c) {
          const Var cell = cells->get(static_cast<unsigned>(c));
          if (cell.isEmpty())
            row.emplace_back();
          else if (cell.isString())
            row.emplace_back(cell.convert<std::string>());
          else
            row.emplace_back(cell.convert<double>());
        }
        read.rows.push_back(std::move(row));
      }
      result[path].push_back(std::move(read));
    }
  }
  return result;
}

std::vector<ExpectedTable> expectedTables(const Document& document) {
  std::vector<ExpectedTable> tables;
  for (const Section& section : document.sections) {
    if (const auto* table = std::get_if<Table>(&section)) {
      ExpectedTable expected{table->title, {}, {}};
      for (const Column& column : table->columns) expected.header.push_back({column.header});
      for (const Row& row : table->rows) {
        std::vector<Expected> cells;
        for (std::size_t c = 0; c < table->columns.size(); ++c)
          cells.push_back({c < row.cells.size() ? row.cells[c] : CellValue{}});
        expected.rows.push_back(std::move(cells));
      }
      tables.push_back(std::move(expected));
    } else if (const auto* chart = std::get_if<Chart>(&section)) {
      bool anyValue = false;
      for (const ChartSeries& series : chart->series)
        for (const auto& value : series.values) anyValue = anyValue || value.has_value();
      if (!anyValue || chart->categories.empty()) continue;  // "Inga uppgifter att visa."
      ExpectedTable expected{chart->title, {{CellValue{}, true}}, {}};
      for (const ChartSeries& series : chart->series) expected.header.push_back({series.name});
      for (std::size_t i = 0; i < chart->categories.size(); ++i) {
        std::vector<Expected> cells = {{chart->categories[i]}};
        for (const ChartSeries& series : chart->series) {
          const bool present = i < series.values.size() && series.values[i].has_value() &&
                               std::isfinite(*series.values[i]);
          cells.push_back({present ? CellValue{*series.values[i]} : CellValue{}});
        }
        expected.rows.push_back(std::move(cells));
      }
      tables.push_back(std::move(expected));
    }
  }
  return tables;
}

std::string describe(const SheetCell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "(tom)";
  if (const auto* text = std::get_if<std::string>(&cell)) return "\"" + *text + "\"";
  std::ostringstream out;
  out << std::get<double>(cell);
  return out.str();
}

std::string describe(const CellValue& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "(tom)";
  if (const auto* text = std::get_if<std::string>(&cell)) return "\"" + *text + "\"";
  std::ostringstream out;
  if (const auto* integer = std::get_if<std::int64_t>(&cell))
    out << *integer;
  else
    out << std::get<double>(cell);
  return out.str();
}

bool same(const Expected& expected, const SheetCell& read) {
  if (expected.any) return true;
  return std::visit(
      [&](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          const auto* text = std::get_if<std::string>(&read);
          return std::holds_alternative<std::monostate>(read) || (text && text->empty());
        } else if constexpr (std::is_same_v<T, std::string>) {
          // An empty text is a blank cell to Excel and to openpyxl.
          if (value.empty()) return std::holds_alternative<std::monostate>(read);
          const auto* text = std::get_if<std::string>(&read);
          return text && *text == value;
        } else {
          const auto* number = std::get_if<double>(&read);
          const double want = static_cast<double>(value);
          return number && std::fabs(*number - want) <= 1e-9 * std::max(1.0, std::fabs(want));
        }
      },
      expected.value);
}

const SheetCell& cellAt(const SheetRows& rows, std::size_t row, std::size_t column) {
  static const SheetCell kEmpty;
  if (row >= rows.size() || column >= rows[row].size()) return kEmpty;
  return rows[row][column];
}

// Where the table's header row is on some sheet and every row under it matches: empty when it
// does; else what differs at the best-matching place (or that the header is nowhere).
std::string findTable(const ExpectedTable& table, const std::vector<Sheet>& sheets) {
  std::string best = "rubrikraden finns inte på något blad";
  std::size_t bestMatched = 0;
  bool headerSeen = false;
  for (const Sheet& sheet : sheets) {
    for (std::size_t top = 0; top < sheet.rows.size(); ++top) {
      bool header = true;
      for (std::size_t c = 0; c < table.header.size() && header; ++c)
        header = same(table.header[c], cellAt(sheet.rows, top, c));
      if (!header) continue;
      std::size_t matched = 0;
      std::string difference;
      for (std::size_t r = 0; r < table.rows.size() && difference.empty(); ++r) {
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
          const SheetCell& read = cellAt(sheet.rows, top + 1 + r, c);
          if (same(table.rows[r][c], read)) continue;
          difference = "blad \"" + sheet.name + "\" rad " + std::to_string(top + 2 + r) +
                       " kolumn " + std::to_string(c + 1) + ": modellen " +
                       describe(table.rows[r][c].value) + ", openpyxl " + describe(read);
          break;
        }
        if (difference.empty()) ++matched;
      }
      if (difference.empty()) return "";
      if (!headerSeen || matched >= bestMatched) {
        best = difference;
        bestMatched = matched;
        headerSeen = true;
      }
    }
  }
  return best;
}

TEST(OpenpyxlReadsTheWorkbooks, EveryTableOfTheModelCellForCell) {
  const auto python = debianPython({"openpyxl"});
  if (!python)
    GTEST_SKIP() << missingTool("Debians python3 med openpyxl (/usr/bin/python3)",
                                "python3-openpyxl");
  const ReportsFolder& reports = reportsFolder();

  using Builder = BuiltReport (*)(const std::vector<std::string>&, std::ostream&);
  const std::map<std::string, Builder> builders = {
      {"manadsrapport", buildManadsrapportFromArguments},
      {"delarsrapport", buildDelarsrapportFromArguments},
      {"avvikelser", buildAvvikelserFromArguments},
      {"kontroll", buildKontrollFromArguments}};

  std::vector<fs::path> books;
  for (const ClientReport& report : clientReports()) books.push_back(reports.file(report, ".xlsx"));
  const auto workbooks = readWorkbooks(*python, books);

  int tablesChecked = 0;
  int numbersChecked = 0;
  for (const ClientReport& report : clientReports()) {
    SCOPED_TRACE(report.stem);
    std::vector<std::string> args = {"--config", reports.config().string()};
    args.insert(args.end(), report.args.begin(), report.args.end());
    std::ostringstream log;
    const BuiltReport built = builders.at(report.command)(args, log);
    ASSERT_EQ(built.stem, report.stem);
    const auto book = workbooks.find(reports.file(report, ".xlsx").string());
    ASSERT_NE(book, workbooks.end());
    for (const ExpectedTable& table : expectedTables(built.document)) {
      EXPECT_EQ(findTable(table, book->second), "") << "tabellen \"" << table.title << "\"";
      ++tablesChecked;
      for (const auto& row : table.rows)
        for (const Expected& cell : row)
          if (std::holds_alternative<std::int64_t>(cell.value) ||
              std::holds_alternative<double>(cell.value))
            ++numbersChecked;
    }
  }
  // The example kommun's four reports have dozens of tables and thousands of numbers; a model
  // without them would pass the loop above by checking nothing.
  std::cout << tablesChecked << " tabeller och " << numbersChecked << " tal jämförda\n";
  EXPECT_GT(tablesChecked, 20);
  EXPECT_GT(numbersChecked, 1000);
}

}  // namespace
}  // namespace namnd::clients
