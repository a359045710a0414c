#include "render/xlsx/prognosunderlag_workbook.hpp"

#include <ctime>
#include <set>

#include "ingest/prognosunderlag_layout.hpp"
#include "render/atomic_output_file.hpp"
#include "render/xlsx/xlsx_workbook.hpp"

namespace namnd {
namespace {

namespace layout = prognosunderlag_layout;

constexpr std::uint32_t kInputFill = 0xFFF2CC;  // light yellow: "write here"
constexpr std::uint32_t kIdentFill = 0xF2F2F2;  // light grey: "leave this alone"
constexpr int kMaxSheetNameChars = 31;          // Excel's limit

const XlsxCellStyle kTitleStyle{.bold = true, .fontSize = 14};
const XlsxCellStyle kSubtitleStyle{.italic = true};
const XlsxCellStyle kIdentHeadingStyle{.bold = true, .fontSize = 8, .fill = kIdentFill};
const XlsxCellStyle kIdentStyle{.fontSize = 8, .fill = kIdentFill};
const XlsxCellStyle kHeaderStyle{
    .bold = true, .bottomBorder = true, .wrap = true, .alignTop = true};
const XlsxCellStyle kInputHeaderStyle{
    .bold = true, .bottomBorder = true, .wrap = true, .alignTop = true, .fill = kInputFill};
const XlsxCellStyle kTextStyle{.alignTop = true};
const XlsxCellStyle kWrapStyle{.wrap = true, .alignTop = true};
const XlsxCellStyle kAmountStyle{.alignTop = true, .numberFormat = "#,##0"};
const XlsxCellStyle kInputAmountStyle{
    .alignTop = true, .unlocked = true, .fill = kInputFill, .numberFormat = "#,##0"};
const XlsxCellStyle kInputTextStyle{
    .wrap = true, .alignTop = true, .unlocked = true, .fill = kInputFill};
const XlsxCellStyle kSumLabelStyle{.bold = true, .topBorder = true};
const XlsxCellStyle kSumAmountStyle{.bold = true, .topBorder = true, .numberFormat = "#,##0"};

// Öre as kronor. The cell shows whole kronor; the value keeps the öre, so that what the
// enhetschef sees is exactly what the tool computed.
double kronor(std::int64_t ore) { return static_cast<double>(ore) / 100.0; }

std::string cellName(int row, int col) {
  std::string letters;
  for (int n = col + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters + std::to_string(row + 1);
}

// Midnight UTC on the period's last day: a fixed creation time, so that the same data gives
// the same bytes.
std::time_t creationTime(Period period) {
  // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
  const int y = period.month() <= 2 ? period.year() - 1 : period.year();
  const int m = period.month();
  const int d = period.lastDay();
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  return static_cast<std::time_t>(days * 86400);
}

// Appends UTF-8 code points of `text` to `out` until `out` holds `limit` of them.
void appendCodePoints(std::string& out, const std::string& text, int limit) {
  int count = 0;
  for (unsigned char c : out)
    if ((c & 0xC0) != 0x80) ++count;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC0)
      length = 2;
    if (count == limit) return;
    // Characters beyond the BMP count twice in Excel's limit (UTF-16).
    if (length == 4 && count + 2 > limit) return;
    out.append(text, i, length);
    count += length == 4 ? 2 : 1;
    i += length;
  }
}

std::string safeFileCode(const std::string& code) {
  std::string safe;
  for (const char c : code) {
    const bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       c == '-' || c == '_';
    safe += plain ? c : '_';
  }
  return safe;
}

class SheetNames {
 public:
  std::string unique(const std::string& code, const std::string& name) {
    std::string candidate = prognosunderlagSheetName(code, name);
    for (int n = 2; used_.count(lower(candidate)); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      std::string shorter;
      appendCodePoints(shorter, prognosunderlagSheetName(code, name),
                       kMaxSheetNameChars - static_cast<int>(suffix.size()));
      candidate = shorter + suffix;
    }
    used_.insert(lower(candidate));
    return candidate;
  }

 private:
  // Excel compares sheet names without regard to case (ASCII is enough to avoid a clash here:
  // unit codes are what makes names differ).
  static std::string lower(std::string text) {
    for (char& c : text)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
  }
  std::set<std::string> used_;
};

// One row of the table: an ansvar row, or the unit row (labelled `name`). A row that takes no
// prognosis (amounts booked directly on a unit with ansvar) has no input cells.
void writeRow(XlsxSheetWriter& sheet, int row, const PrognosunderlagRow& r,
              const std::string& name) {
  using namespace layout;
  sheet.writeString(row, kAnsvar, r.code, kTextStyle);
  sheet.writeString(row, kNamn, name, kWrapStyle);
  sheet.writeNumber(row, kAckUtfall, kronor(r.figures.ackUtfall), kAmountStyle);
  sheet.writeNumber(row, kAckBudget, kronor(r.figures.ackBudget), kAmountStyle);
  sheet.writeNumber(row, kAvvikelse, kronor(r.figures.ackAvvikelse()), kAmountStyle);
  sheet.writeNumber(row, kBudgetHelar, kronor(r.figures.helarBudget), kAmountStyle);
  if (r.previousAvvikelseOre)
    sheet.writeNumber(row, kPreviousAvvikelse, kronor(*r.previousAvvikelseOre), kAmountStyle);
  if (!r.previousKommentar.empty())
    sheet.writeString(row, kPreviousKommentar, r.previousKommentar, kWrapStyle);
  sheet.writeNumber(row, kProposal, kronor(r.proposal.avvikelseOre), kAmountStyle);
  sheet.writeString(row, kMethod, r.methodText, kWrapStyle);
  if (!r.takesPrognosis) return;
  sheet.writeBlank(row, kInputAvvikelse, kInputAmountStyle);
  sheet.writeBlank(row, kInputPrognos, kInputAmountStyle);
  if (r.kommentar.empty())
    sheet.writeBlank(row, kInputKommentar, kInputTextStyle);
  else
    sheet.writeString(row, kInputKommentar, r.kommentar, kInputTextStyle);
  if (r.atgard.empty())
    sheet.writeBlank(row, kInputAtgard, kInputTextStyle);
  else
    sheet.writeString(row, kInputAtgard, r.atgard, kInputTextStyle);
}

void writeUnitSheet(XlsxSheetWriter& sheet, const Prognosunderlag& underlag,
                    const PrognosunderlagUnit& unit) {
  using namespace layout;
  sheet.writeString(0, 0, unit.title, kTitleStyle);
  sheet.writeString(1, 0, underlag.subtitle, kSubtitleStyle);

  sheet.writeString(kIdentHeadingRow, 0, std::string(kIdentHeading), kIdentHeadingStyle);
  sheet.writeBlank(kIdentHeadingRow, 1, kIdentHeadingStyle);
  const auto ident = [&](int row, std::string_view label, const std::string& value) {
    sheet.writeString(row, 0, std::string(label), kIdentStyle);
    sheet.writeString(row, 1, value, kIdentStyle);
  };
  ident(kKommunRow, kKommunLabel, underlag.kommun);
  ident(kPeriodRow, kPeriodLabel, underlag.period.toString());
  ident(kUnitRow, kUnitLabel, unit.code);
  sheet.writeString(kUnitRow, 2, unit.name, kIdentStyle);
  ident(kFormatRow, kFormatLabel, std::string(kFormatVersion));
  ident(kPreviousRow, kPreviousLabel,
        underlag.previousPeriod ? underlag.previousPeriod->toString() : "ingen");

  int row = kFirstFreeRow;
  for (const std::string& line : underlag.instructions) sheet.writeString(row++, 0, line);
  const int headerRow = row + (underlag.instructions.empty() ? 0 : 1);

  for (int col = 0; col < kColumnCount; ++col)
    sheet.writeString(headerRow, col, std::string(kHeaders[static_cast<std::size_t>(col)]),
                      col >= kInputAvvikelse ? kInputHeaderStyle : kHeaderStyle);

  // The unit row first (a prognosis for the whole unit), then the ansvar rows.
  row = headerRow + 1;
  const int unitRow = unit.wholeUnit ? row++ : -1;
  if (unit.wholeUnit) writeRow(sheet, unitRow, *unit.wholeUnit, std::string(kWholeUnitLabel));
  const int firstData = row;
  for (const PrognosunderlagRow& r : unit.rows) writeRow(sheet, row++, r, r.name);
  const int lastData = row - 1;

  // One blank row, then the sums (formulas, so they follow if Excel recalculates). The unit
  // row's figures and proposal are the unit's total, an alternative to the ansvar rows': the
  // sums add the ansvar rows only. Its previous prognosis is the part of last month's given for
  // the unit as a whole, which the sum of previous prognoses adds (a snapshot has either).
  const int sumRow = row + 1;
  sheet.writeString(sumRow, kAnsvar, unit.sumLabel, kSumLabelStyle);
  sheet.writeBlank(sumRow, kNamn, kSumLabelStyle);
  std::int64_t previousTotal = 0;
  std::int64_t proposalTotal = 0;
  for (const PrognosunderlagRow& r : unit.rows) {
    previousTotal += r.previousAvvikelseOre.value_or(0);
    proposalTotal += r.proposal.avvikelseOre;
  }
  if (unit.wholeUnit) previousTotal += unit.wholeUnit->previousAvvikelseOre.value_or(0);
  const auto sum = [&](int col, std::int64_t ore, int first) {
    if (lastData < first) {  // nothing to add: a unit shown for its unit-level prognosis only
      sheet.writeNumber(sumRow, col, kronor(ore), kSumAmountStyle);
      return;
    }
    sheet.writeFormula(sumRow, col,
                       "=SUM(" + cellName(first, col) + ":" + cellName(lastData, col) + ")",
                       kronor(ore), kSumAmountStyle);
  };
  sum(kAckUtfall, unit.total.ackUtfall, firstData);
  sum(kAckBudget, unit.total.ackBudget, firstData);
  sum(kAvvikelse, unit.total.ackAvvikelse(), firstData);
  sum(kBudgetHelar, unit.total.helarBudget, firstData);
  sum(kPreviousAvvikelse, previousTotal, unit.wholeUnit ? unitRow : firstData);
  sheet.writeBlank(sumRow, kPreviousKommentar, kSumLabelStyle);
  sum(kProposal, proposalTotal, firstData);
  sheet.writeBlank(sumRow, kMethod, kSumLabelStyle);
  // The new prognosis, summed as the enhetschef types it: over the unit row too, as it is given
  // either there or per ansvar (like the previous one). The input cells are written empty.
  sum(kInputAvvikelse, 0, unit.wholeUnit ? unitRow : firstData);
  sum(kInputPrognos, 0, unit.wholeUnit ? unitRow : firstData);
  for (int col = kInputKommentar; col < kColumnCount; ++col)
    sheet.writeBlank(sumRow, col, kSumLabelStyle);

  const std::string numbersOnly =
      "Skriv ett belopp i kronor, till exempel -250000 för ett underskott på 250 000 kr.";
  const int firstInput = unit.wholeUnit ? unitRow : firstData;
  if (lastData >= firstInput) {
    sheet.allowOnlyNumbers(firstInput, lastData, kInputAvvikelse, numbersOnly);
    sheet.allowOnlyNumbers(firstInput, lastData, kInputPrognos, numbersOnly);
  }

  const double widths[kColumnCount] = {10, 28, 14, 14, 14, 14, 16, 30, 16, 20, 18, 18, 40, 40};
  for (int col = 0; col < kColumnCount; ++col) sheet.setColumnWidth(col, widths[col]);
  sheet.freezePanes(headerRow + 1, kNamn + 1);
  sheet.repeatRowsOnPrint(headerRow, headerRow);
  sheet.setPageSetup({.paperSize = 9,
                      .orientation = XlsxOrientation::Landscape,
                      .fitPagesWide = 1,
                      .footer = "&CSida &P av &N",
                      .header = centredHeaderText(unit.title)});
  sheet.protect();
}

void writeWorkbook(const std::filesystem::path& file, const Prognosunderlag& underlag,
                   const std::vector<const PrognosunderlagUnit*>& units, const std::string& title,
                   const std::string& author) {
  AtomicOutputFile out(file);
  {
    XlsxWorkbookWriter workbook(out.tempPath(), file.string());
    workbook.setProperties({title, author, underlag.kommun, creationTime(underlag.period)});
    SheetNames names;
    for (const PrognosunderlagUnit* unit : units) {
      XlsxSheetWriter sheet = workbook.addSheet(names.unique(unit->code, unit->name));
      writeUnitSheet(sheet, underlag, *unit);
    }
    workbook.close();
  }
  out.commit();
}

}  // namespace

PrognosunderlagSplit prognosunderlagSplit(const std::string& configValue) {
  return configValue == "en_bok" ? PrognosunderlagSplit::OneWorkbook
                                 : PrognosunderlagSplit::PerUnit;
}

std::string prognosunderlagSheetName(const std::string& code, const std::string& name) {
  std::string full = name.empty() ? code : code + " " + name;
  for (char& c : full)
    if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') c = '-';
  std::string result;
  appendCodePoints(result, full, kMaxSheetNameChars);
  // Excel refuses a name that starts or ends with an apostrophe, and a blank one.
  while (!result.empty() && (result.back() == '\'' || result.back() == ' ')) result.pop_back();
  while (!result.empty() && result.front() == '\'') result.erase(result.begin());
  return result.empty() ? "Enhet" : result;
}

std::vector<std::filesystem::path> writePrognosunderlag(const Prognosunderlag& underlag,
                                                        const std::filesystem::path& folder,
                                                        PrognosunderlagSplit split,
                                                        const std::string& author) {
  std::vector<std::filesystem::path> written;
  if (underlag.units.empty()) return written;
  const std::string stem = "prognosunderlag-" + underlag.period.toString();
  if (split == PrognosunderlagSplit::OneWorkbook) {
    std::vector<const PrognosunderlagUnit*> units;
    for (const PrognosunderlagUnit& unit : underlag.units) units.push_back(&unit);
    const std::filesystem::path file = folder / (stem + ".xlsx");
    writeWorkbook(file, underlag, units, "Prognosunderlag " + underlag.period.toString(), author);
    written.push_back(file);
    return written;
  }
  std::set<std::string> usedNames;
  for (const PrognosunderlagUnit& unit : underlag.units) {
    std::string name = stem + "-" + safeFileCode(unit.code);
    // Two codes that differ only in characters a file name cannot hold.
    for (int n = 2; usedNames.count(name); ++n)
      name = stem + "-" + safeFileCode(unit.code) + "-" + std::to_string(n);
    usedNames.insert(name);
    const std::filesystem::path file = folder / (name + ".xlsx");
    writeWorkbook(file, underlag, {&unit}, unit.title, author);
    written.push_back(file);
  }
  return written;
}

}  // namespace namnd
