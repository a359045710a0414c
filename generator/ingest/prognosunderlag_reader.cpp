#include "ingest/prognosunderlag_reader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/errors.hpp"
#include "core/number_parse.hpp"
#include "ingest/prognosunderlag_layout.hpp"
#include "ingest/source_file.hpp"
#include "ingest/xlsx/cell_reference.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"

namespace namnd {
namespace {

namespace layout = prognosunderlag_layout;
namespace fs = std::filesystem;

constexpr std::int64_t kMaxOre = 90'000'000'000'000'000;  // as parseAmountOre

bool isWorkbookName(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.rfind("~$", 0) == 0) return false;
  if (name.size() < 5) return false;
  std::string extension = name.substr(name.size() - 5);
  for (char& c : extension)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return extension == ".xlsx";
}

bool isBlank(const XlsxCell& cell) {
  return cell.type == XlsxCell::Type::Empty ||
         (cell.type == XlsxCell::Type::Text && trimSpace(cell.text).empty());
}

// A cell's value as text (a number as the workbook stores it: codes typed as numbers).
std::string cellText(const XlsxRow& row, int col) {
  if (static_cast<std::size_t>(col) >= row.cells.size()) return {};
  const XlsxCell& cell = row.cells[static_cast<std::size_t>(col)];
  if (isBlank(cell)) return {};
  return std::string(trimSpace(cell.text));
}

// A number cell's stored text ("-2778456.5", "1.5E+7") exactly in öre, rounded half away from
// zero at the öre (the first dropped digit decides). nullopt with *error for anything else.
std::optional<std::int64_t> storedNumberToOre(std::string_view text, std::string* error) {
  bool negative = false;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;
  std::int64_t exponent = 0;
  bool point = false;
  bool anyDigit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      anyDigit = true;
      if (!digits.empty() || c != '0') digits += c;
      if (point) --exponent;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negativeExponent = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negativeExponent = text[i++] == '-';
    std::int64_t e = 0;
    const std::size_t start = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
      e = std::min<std::int64_t>(e * 10 + (text[i] - '0'), 1000);
    if (i == start) i = text.size() + 1;  // "1E" is no number
    exponent += negativeExponent ? -e : e;
  }
  if (!anyDigit || i != text.size()) {
    if (error) *error = "inte ett tal";
    return std::nullopt;
  }
  // value = digits · 10^exponent kronor = digits · 10^(exponent + 2) öre.
  std::int64_t shift = exponent + 2;
  char roundingDigit = '0';
  if (shift < 0) {
    const auto dropped = static_cast<std::size_t>(-shift);
    if (dropped > digits.size()) {
      digits.clear();
    } else {
      roundingDigit = digits[digits.size() - dropped];
      digits.resize(digits.size() - dropped);
    }
    shift = 0;
  }
  const auto tooBig = [&]() -> std::optional<std::int64_t> {
    if (error) *error = "talet är för stort";
    return std::nullopt;
  };
  if (static_cast<std::int64_t>(digits.size()) + shift > 18) return tooBig();
  std::int64_t value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  for (std::int64_t k = 0; k < shift; ++k) value *= 10;
  if (roundingDigit >= '5') ++value;
  if (value > kMaxOre) return tooBig();
  return negative ? -value : value;
}

// One sheet's rows, kept (a sheet of an underlag is small).
struct SheetRows {
  std::map<std::int64_t, XlsxRow> byNumber;  // 1-based row number → row

  const XlsxRow* at(int zeroBasedRow) const {
    const auto found = byNumber.find(zeroBasedRow + 1);
    return found == byNumber.end() ? nullptr : &found->second;
  }
  std::string text(int zeroBasedRow, int col) const {
    const XlsxRow* row = at(zeroBasedRow);
    return row ? cellText(*row, col) : std::string();
  }
};

// Reads one import's workbooks; every check throws, so a half-read import never escapes.
class UnderlagReader {
 public:
  UnderlagReader(const OrgTree& versions, std::string kommun)
      : versions_(versions), kommun_(std::move(kommun)) {}

  void readWorkbook(const fs::path& file, const std::string& displayName) {
    const XlsxWorkbook book = XlsxWorkbook::open(file, displayName);
    for (const std::string& sheet : book.sheetNames()) {
      SheetRows rows;
      book.readSheet(sheet, [&](const XlsxRow& row) {
        if (std::any_of(row.cells.begin(), row.cells.end(),
                        [](const XlsxCell& cell) { return !isBlank(cell); }))
          rows.byNumber[row.rowNumber] = row;
      });
      if (rows.byNumber.empty()) continue;  // a blank sheet someone added: nothing to misread
      readSheet(displayName + " [" + sheet + "]", rows);
      ++sheets_;
    }
    ++workbooks_;
  }

  PrognosImport finish(const std::string& displayName, const std::string& fileHash) {
    if (sheets_ == 0)
      throw InputError({displayName, 0, ""}, "inget av bladen är ett ifyllt prognosunderlag");
    PrognosImport result;
    ImportSummary& summary = result.summary;
    summary.kind = SourceKind::Prognos;
    summary.sourcePath = displayName;
    summary.fileHash = fileHash;
    summary.rowsRead = rowsRead_;
    summary.rowsAccepted = static_cast<std::int64_t>(snapshot_.entries.size());
    for (const PrognosEntry& entry : snapshot_.entries) {
      const std::int64_t ore = entry.avvikelseOre ? *entry.avvikelseOre : *entry.prognosOre;
      summary.acceptedOre += ore;
      summary.addToPeriod(snapshot_.period.code(), ore);
    }
    summary.notes.push_back("Prognosunderlag för " + snapshot_.period.toString() + ": " +
                            std::to_string(workbooks_) + " arbetsböcker, " +
                            std::to_string(sheets_) + " blad, " +
                            std::to_string(snapshot_.entries.size()) + " prognoser (" +
                            std::to_string(wholeUnitEntries_) + " för hela enheter), varav " +
                            std::to_string(carried_) + " med oförändrad föregående prognos.");
    result.snapshots.push_back(std::move(snapshot_));
    return result;
  }

 private:
  static std::string columnLabel(int col) {
    return columnName(col) + " (" +
           std::string(layout::kShortNames[static_cast<std::size_t>(col)]) + ")";
  }

  void readSheet(const std::string& where, const SheetRows& rows) {
    using namespace layout;
    // The identification block: without it this is no underlag of ours.
    if (rows.text(kFormatRow, 0) != kFormatLabel || rows.text(kUnitRow, 0) != kUnitLabel ||
        rows.text(kPeriodRow, 0) != kPeriodLabel || rows.text(kKommunRow, 0) != kKommunLabel)
      throw InputError({where, 0, ""},
                       "bladet är inte ett prognosunderlag från namnd prognosunderlag "
                       "(uppgifterna för inläsning i A5:B9 saknas)");
    const std::string format = rows.text(kFormatRow, 1);
    if (format != kFormatVersion)
      throw InputError({where, kFormatRow + 1, "B"},
                       "formatet \"" + format +
                           "\" kan inte läsas; skriv ett nytt underlag med "
                           "namnd prognosunderlag (format \"" +
                           std::string(kFormatVersion) + "\")");

    const std::string kommun = rows.text(kKommunRow, 1);
    if (kommun != kommun_)
      throw InputError({where, kKommunRow + 1, "B"},
                       "underlaget gäller " + quoted(kommun) + ", inte " + kommun_);

    const std::string periodText = rows.text(kPeriodRow, 1);
    const auto period = Period::parse(periodText);
    if (!period)
      throw InputError({where, kPeriodRow + 1, "B"},
                       "perioden " + quoted(periodText) + " är inte en månad ÅÅÅÅMM");
    if (!firstWhere_.empty() && *period != snapshot_.period)
      throw InputError({where, kPeriodRow + 1, "B"},
                       "underlaget gäller " + period->toString() + ", men " + firstWhere_ +
                           " gäller " + snapshot_.period.toString() +
                           "; en inläsning tar underlag för en enda månad");
    if (firstWhere_.empty()) {
      firstWhere_ = where;
      snapshot_.period = *period;
      tree_ = versions_.asOf(*period);
    }

    const std::string unitCode = rows.text(kUnitRow, 1);
    const OrgNode* unit = tree_.find(unitCode);
    if (!unit)
      throw InputError(
          {where, kUnitRow + 1, "B"},
          "enheten " + quoted(unitCode) + " finns inte i organisationen " + period->toString());
    if (const auto [it, inserted] = units_.emplace(unitCode, where); !inserted)
      throw InputError({where, kUnitRow + 1, "B"},
                       "enheten " + unitCode + " finns redan i " + it->second);

    // The header row: the first row after the block whose column A says "Ansvar".
    const XlsxRow* header = nullptr;
    for (const auto& [number, row] : rows.byNumber)
      if (number > kPreviousRow + 1 && cellText(row, kAnsvar) == kHeaders[kAnsvar]) {
        header = &row;
        break;
      }
    if (!header) throw InputError({where, 0, ""}, "rubrikraden (\"Ansvar\" i kolumn A) saknas");
    for (int col = 0; col < kColumnCount; ++col)
      if (cellText(*header, col) != kHeaders[static_cast<std::size_t>(col)])
        throw InputError({where, header->rowNumber, columnName(col)},
                         "rubriken ska vara " +
                             quoted(std::string(kHeaders[static_cast<std::size_t>(col)])) +
                             ", inte " + quoted(cellText(*header, col)));

    // The unit row, when the writer put one (the unit has ansvar), then the ansvar rows:
    // consecutive rows with a code in column A.
    std::int64_t number = header->rowNumber + 1;
    std::optional<RowInput> unitRow;
    if (const auto found = rows.byNumber.find(number);
        found != rows.byNumber.end() && cellText(found->second, kNamn) == kWholeUnitLabel) {
      unitRow = readUnitRow(where, *unit, found->second);
      ++number;
    }
    std::vector<RowInput> ansvarRows;
    for (;; ++number) {
      const auto found = rows.byNumber.find(number);
      if (found == rows.byNumber.end() || cellText(found->second, kAnsvar).empty()) break;
      if (auto input = readAnsvarRow(where, *unit, found->second))
        ansvarRows.push_back(std::move(*input));
    }
    takePrognoses(where, unitRow, ansvarRows);
  }

  // What one row says: the prognosis typed, the previous one shown, the comments.
  struct RowInput {
    std::int64_t rowNumber = 0;
    std::string code;
    std::optional<std::int64_t> avvikelse;  // typed
    std::optional<std::int64_t> prognos;    // typed
    std::optional<std::int64_t> previous;   // shown as last month's
    std::string kommentar;
    std::string atgard;
    bool typed() const { return avvikelse || prognos; }
  };

  RowInput readInput(const std::string& where, const XlsxRow& row) {
    using namespace layout;
    ++rowsRead_;
    RowInput input{.rowNumber = row.rowNumber,
                   .code = cellText(row, kAnsvar),
                   .avvikelse = amount(where, row, kInputAvvikelse),
                   .prognos = amount(where, row, kInputPrognos),
                   .kommentar = cellText(row, kInputKommentar),
                   .atgard = cellText(row, kInputAtgard)};
    if (input.avvikelse && input.prognos)
      throw InputError(
          {where, row.rowNumber, columnName(kInputAvvikelse) + " och " + columnName(kInputPrognos)},
          "både avvikelse och helårsutfall är ifyllda; fyll i bara en av dem");
    input.previous = amount(where, row, kPreviousAvvikelse);
    return input;
  }

  RowInput readUnitRow(const std::string& where, const OrgNode& unit, const XlsxRow& row) {
    using namespace layout;
    RowInput input = readInput(where, row);
    if (input.code != unit.code)
      throw InputError({where, row.rowNumber, columnLabel(kAnsvar)},
                       "raden för hela enheten ska ha enhetens kod " + unit.code + ", inte " +
                           quoted(input.code));
    return input;
  }

  // nullopt for the row of amounts booked directly on a unit with ansvar beneath it, which
  // takes no prognosis of its own (one for the unit's code means the whole unit).
  std::optional<RowInput> readAnsvarRow(const std::string& where, const OrgNode& unit,
                                        const XlsxRow& row) {
    using namespace layout;
    RowInput input = readInput(where, row);
    const OrgNode* node = tree_.find(input.code);
    if (!node || tree_.ancestorAtLevel(input.code, unit.level) != &unit)
      throw InputError(
          {where, row.rowNumber, columnLabel(kAnsvar)},
          "ansvar " + quoted(input.code) + " hör inte till enheten " + unit.code + " " + unit.name);
    if (const auto [it, inserted] = ansvar_.emplace(input.code, where); !inserted)
      throw InputError({where, row.rowNumber, columnLabel(kAnsvar)},
                       "ansvar " + input.code + " finns redan i " + it->second);
    if (node != &unit || tree_.children(unit.code).empty()) return input;
    if (input.typed() || !input.kommentar.empty() || !input.atgard.empty())
      throw InputError({where, row.rowNumber, columnLabel(kInputAvvikelse)},
                       "beloppen bokade direkt på enheten har ingen egen prognos; ange "
                       "prognosen för hela enheten på raden \"" +
                           std::string(kWholeUnitLabel) + "\" eller per ansvar");
    return std::nullopt;
  }

  // A sheet's prognosis: either the unit row's or the ansvar rows'. A number typed decides
  // which; with nothing typed, every prognosis shown is carried as it was.
  void takePrognoses(const std::string& where, const std::optional<RowInput>& unitRow,
                     const std::vector<RowInput>& ansvarRows) {
    const bool unitTyped = unitRow && unitRow->typed();
    std::vector<const RowInput*> typedAnsvar;
    for (const RowInput& input : ansvarRows)
      if (input.typed()) typedAnsvar.push_back(&input);
    if (unitTyped && !typedAnsvar.empty()) {
      std::string ansvarList;
      for (const RowInput* input : typedAnsvar)
        ansvarList += (ansvarList.empty() ? "" : ", ") + input->code + " (rad " +
                      std::to_string(input->rowNumber) + ")";
      throw InputError({where, unitRow->rowNumber, columnLabel(layout::kInputAvvikelse)},
                       "prognos är ifylld både för hela enheten (rad " +
                           std::to_string(unitRow->rowNumber) + ") och för ansvar " + ansvarList +
                           "; ange prognosen antingen per ansvar eller för hela enheten");
    }
    // A new prognosis per ansvar replaces one given for the whole unit, and the other way round.
    if (unitRow) take(where, *unitRow, /*carry=*/typedAnsvar.empty(), /*wholeUnit=*/true);
    for (const RowInput& input : ansvarRows)
      take(where, input, /*carry=*/!unitTyped, /*wholeUnit=*/false);
  }

  // The row's entry: the prognosis typed, else (when `carry`) the previous one unchanged — last
  // month's prognosis still holds — with the row's kommentar and åtgärd.
  void take(const std::string& where, const RowInput& input, bool carry, bool wholeUnit) {
    PrognosEntry entry{.node = input.code, .kommentar = input.kommentar, .atgard = input.atgard};
    if (input.avvikelse) {
      entry.avvikelseOre = input.avvikelse;
    } else if (input.prognos) {
      entry.prognosOre = input.prognos;
    } else if (input.previous && carry) {
      entry.avvikelseOre = input.previous;
      ++carried_;
    } else if (!input.previous && (!entry.kommentar.empty() || !entry.atgard.empty())) {
      throw InputError({where, input.rowNumber, columnLabel(layout::kInputAvvikelse)},
                       std::string("kommentar eller åtgärd utan prognos; fyll i avvikelse eller "
                                   "helårsutfall för ") +
                           (wholeUnit ? "enheten" : "ansvaret") + ", annars går texten förlorad");
    } else {
      return;  // nothing said about the row, or its previous prognosis was replaced
    }
    if (wholeUnit) ++wholeUnitEntries_;
    snapshot_.entries.push_back(std::move(entry));
  }

  // The amount in öre of a number cell; nullopt when it is empty. A text that reads as an
  // amount ("-250 000") is taken; anything else is an error.
  static std::optional<std::int64_t> amount(const std::string& where, const XlsxRow& row, int col) {
    if (static_cast<std::size_t>(col) >= row.cells.size()) return std::nullopt;
    const XlsxCell& cell = row.cells[static_cast<std::size_t>(col)];
    if (isBlank(cell)) return std::nullopt;
    std::string error;
    std::optional<std::int64_t> ore;
    switch (cell.type) {
      case XlsxCell::Type::Number:
        ore = storedNumberToOre(cell.text, &error);
        break;
      case XlsxCell::Type::Text:
        ore = parseAmountOre(cell.text, &error);
        break;
      default:
        error = "cellen innehåller inget tal";
    }
    if (!ore)
      throw InputError({where, row.rowNumber, columnLabel(col)},
                       quoted(cell.text) + " är inte ett belopp i kronor: " + error);
    return ore;
  }

  static std::string quoted(const std::string& text) { return "\"" + text + "\""; }

  const OrgTree& versions_;
  std::string kommun_;
  OrgTree tree_;            // as of the period of the first sheet
  std::string firstWhere_;  // the first sheet read, which set the period
  PrognosSnapshot snapshot_{Period(2000, 1), {}};
  std::map<std::string, std::string> units_;   // unit code → where it was read
  std::map<std::string, std::string> ansvar_;  // ansvar code → where it was read
  std::int64_t rowsRead_ = 0;
  int workbooks_ = 0;
  int sheets_ = 0;
  int carried_ = 0;
  int wholeUnitEntries_ = 0;  // entries from unit rows
};

std::string memberName(const std::string& folderDisplay, const fs::path& file) {
  std::string name = folderDisplay;
  if (!name.empty() && name.back() != '/') name += '/';
  return name + file.filename().string();
}

}  // namespace

std::vector<fs::path> prognosunderlagFiles(const fs::path& fileOrFolder,
                                           const std::string& displayName) {
  std::error_code error;
  if (fs::is_regular_file(fileOrFolder, error)) return {fileOrFolder};
  if (!fs::is_directory(fileOrFolder, error))
    throw InputError({displayName, 0, ""}, "varken en fil eller en mapp");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fileOrFolder, error))
    if (entry.is_regular_file() && isWorkbookName(entry.path().filename().string()))
      files.push_back(entry.path());
  if (error) throw InputError({displayName, 0, ""}, "mappen kan inte läsas: " + error.message());
  if (files.empty())
    throw InputError({displayName, 0, ""},
                     "mappen innehåller inga ifyllda prognosunderlag (.xlsx)");
  // Byte order of the names: the same on every system.
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename().string() < b.filename().string();
  });
  return files;
}

SourceFile hashPrognosunderlag(const fs::path& fileOrFolder, const std::string& displayName) {
  std::error_code error;
  if (fs::is_regular_file(fileOrFolder, error)) return hashSourceFile(fileOrFolder, displayName);
  std::string listing;
  for (const fs::path& file : prognosunderlagFiles(fileOrFolder, displayName)) {
    listing += file.filename().string() + '\n';
    listing += hashSourceFile(file, memberName(displayName, file)).sha256 + '\n';
  }
  return {fileOrFolder, displayName, sha256Hex(listing), {}};
}

PrognosImport readPrognosunderlag(const fs::path& fileOrFolder, const std::string& displayName,
                                  const std::string& fileHash, const OrgTree& orgVersions,
                                  const std::string& kommun) {
  std::error_code error;
  const bool folder = !fs::is_regular_file(fileOrFolder, error);
  UnderlagReader reader(orgVersions, kommun);
  for (const fs::path& file : prognosunderlagFiles(fileOrFolder, displayName))
    reader.readWorkbook(file, folder ? memberName(displayName, file) : displayName);
  return reader.finish(displayName, fileHash);
}

}  // namespace namnd
