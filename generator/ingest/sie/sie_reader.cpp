#include "ingest/sie/sie_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/number_parse.hpp"
#include "ingest/sie/sie_encoding.hpp"
#include "ingest/sie/sie_fields.hpp"
#include "ingest/sie/sie_label.hpp"
#include "ingest/sie/sie_lexer.hpp"
#include "ingest/sie/sie_period_rows.hpp"
#include "ingest/sie/sie_text_stream.hpp"

namespace namnd {
namespace {

constexpr std::size_t kListedDifferences = 10;  // notes list at most this many, then a count
constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view trimLine(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return line;
}

std::string kronor(std::int64_t ore) { return formatOreAsKronor(ore, " ") + " kr"; }

// 20250131 → "2025-01-31", into a buffer that is reused.
void writeIsoDate(const SieDate& date, std::string& out) {
  out.resize(10);
  const auto digits = [&](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  digits(0, date.year, 4);
  out[4] = '-';
  digits(5, date.month, 2);
  out[7] = '-';
  digits(8, date.day, 2);
}

// A label's name for the notes, upper-cased; a runaway "label" (a long line) is cut short.
std::string labelName(std::string_view text) {
  constexpr std::size_t kLongest = 24;
  std::size_t length = std::min(text.size(), kLongest);
  while (length < text.size() && length > 0 &&
         (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
    --length;  // not inside a UTF-8 sequence
  std::string result(text.substr(0, length));
  if (length < text.size()) result += "…";
  for (char& c : result)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return result;
}

// Result accounts (classes 3–8) are what #RES states and what a nämnd report shows.
bool isResultAccount(std::string_view konto) {
  return !konto.empty() && konto[0] >= '3' && konto[0] <= '8';
}

bool isIdentificationLabel(SieLabel label) {
  return label == SieLabel::Flagga || label == SieLabel::Sietyp || label == SieLabel::Program ||
         label == SieLabel::Format || label == SieLabel::Gen || label == SieLabel::Ksumma;
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Whether the first word of `text` (after blanks and line breaks) is an identification label.
bool startsWithIdentificationLabel(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && isBlank(text[pos])) ++pos;
  std::size_t end = pos;
  while (end < text.size() && !isBlank(text[end])) ++end;
  return isIdentificationLabel(sieLabel(text.substr(pos, end - pos)));
}

// Dimensions the standard defines (kostnadsställe, kostnadsbärare, projekt, anställd, kund,
// leverantör, faktura): objects of these need no #DIM.
bool isStandardDimension(int dim) { return dim == 1 || dim == 2 || (dim >= 6 && dim <= 10); }

// Why a field did not parse, with the SIE format the field should have.
std::string badDate(std::string_view what, std::string_view text) {
  return "ogiltigt " + std::string(what) + " " + quotedValue(text) + " (ÅÅÅÅMMDD väntades)";
}

// One reading of the file: lines in, cubes and notes out.
class SiePass {
 public:
  SiePass(const SourceFile& file, const SieDimensionMap& dims);

  // The next line (UTF-8, without its line break).
  void addLine(std::string_view line);
  // After the last line: the checks that need the whole file, then the cubes and the notes.
  // `newlines` is the file's number of line breaks.
  SieImport finish(std::string encodingNote, std::int64_t newlines);

 private:
  enum class VerState { Outside, AwaitingOpen, Inside };
  enum class UtfallSource { None, Trans, Psaldo };

  [[noreturn]] void fail(std::int64_t line, const std::string& reason) const {
    throw InputError({file_.displayName, line, ""}, reason);
  }
  void rejectLedger(std::string_view column, std::string reason) {
    result_.ledger.rejected.push_back(
        {{file_.displayName, line_, std::string(column)}, std::move(reason)});
  }
  std::string_view token(std::size_t i) const {
    const auto tokens = lexer_.tokens();
    return i < tokens.size() ? tokens[i].text : std::string_view();
  }
  bool isObjectList(std::size_t i) const {
    const auto tokens = lexer_.tokens();
    return i < tokens.size() && tokens[i].kind == SieTokenKind::ObjectList;
  }

  void checkFirstText(std::string_view line);
  [[noreturn]] void failNotSie(std::int64_t line) const {
    fail(line, "inte en SIE-fil: den första raden ska vara #FLAGGA eller #SIETYP");
  }
  void readLine(std::string_view line);
  void readRecord(SieLabel label);
  void readInsideVer(SieLabel label);
  void openVer();
  void closeVer();
  void readTrans();
  std::string recordKey() const;
  void readPeriodRow(SieLabel label);
  void readRar();
  void readRes();
  void finishUtfall();
  void finishBudget();
  void addPeriodRowsWithNotes(const std::string& label, std::string note,
                              const std::vector<SiePeriodRow>& rows,
                              const std::vector<RejectedRow>& rejected, Measure measure, Cube& cube,
                              ImportSummary& summary);
  void noteResReconciliation();
  void notePsaldoAgainstTrans(const SiePeriodRowsAdded& psaldo);
  void noteCounts();

  const SourceFile& file_;
  const SieDimensionMap& dims_;
  SieImport result_;
  SieLexer lexer_;
  std::int64_t line_ = 0;

  bool sawText_ = false;  // a line that is not blank
  bool sawFlagga_ = false;
  bool sawSietyp_ = false;
  bool sawKsumma_ = false;
  std::optional<SieDate> yearStart_;  // #RAR 0
  std::optional<SieDate> yearEnd_;

  VerState verState_ = VerState::Outside;
  UtfallSource utfallSource_ = UtfallSource::None;
  std::int64_t verLine_ = 0;
  std::optional<SieDate> verDate_;
  std::string verDateText_;
  std::string verNumber_;  // "A 123": serie and number of the open #VER
  std::string verText_;
  std::int64_t verCount_ = 0;
  std::string pendingRtransKey_;  // an #RTRANS whose identical #TRANS copy may follow
  bool rtransPending_ = false;

  std::int64_t rtransRows_ = 0;
  std::int64_t rtransCopiesSkipped_ = 0;
  std::int64_t rtransWithoutCopy_ = 0;
  std::int64_t btransRows_ = 0;
  std::int64_t transWithoutAnsvar_ = 0;
  std::int64_t transOutsideYear_ = 0;
  std::vector<int> unmappedDims_;

  LargestTransactions kept_;
  std::string keptDate_;  // reused for the date of a kept row

  std::vector<SiePeriodRow> psaldo_;
  std::vector<RejectedRow> psaldoRejected_;
  std::vector<SiePeriodRow> pbudget_;
  std::vector<RejectedRow> pbudgetRejected_;
  std::int64_t psaldoOtherYears_ = 0;
  std::int64_t pbudgetOtherYears_ = 0;

  std::map<std::string, std::int64_t> res_;  // #RES 0 per konto
  std::int64_t badResRows_ = 0;
  std::int64_t badRarRows_ = 0;
  std::map<std::string, std::int64_t> balanceRecords_;  // #IB, #UB, #OIB, #OUB → count
  std::map<std::string, std::int64_t> unknownLabels_;
  std::set<int> declaredDims_;
  std::map<int, std::int64_t> objektDims_;  // #OBJEKT dimension → first line
  std::int64_t strayLines_ = 0;
  std::int64_t firstStrayLine_ = 0;
  std::string badSietyp_;
};

SiePass::SiePass(const SourceFile& file, const SieDimensionMap& dims) : file_(file), dims_(dims) {
  result_.ledger.kind = SourceKind::Huvudbok;
  result_.budget.kind = SourceKind::Budget;
  result_.ledger.sourcePath = result_.budget.sourcePath = file_.displayName;
  result_.ledger.fileHash = result_.budget.fileHash = file_.sha256;
}

void SiePass::addLine(std::string_view line) {
  ++line_;
  if (!sawText_) checkFirstText(line);
  readLine(line);
}

// Whether the file is SIE at all is told by its first text: an identification label. A byte
// order mark left on the first line (after the one the decoding dropped) is not text.
void SiePass::checkFirstText(std::string_view line) {
  if (line_ == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  sawText_ = true;
  if (!startsWithIdentificationLabel(line)) failNotSie(line_);
}

void SiePass::readLine(std::string_view raw) {
  std::string_view line = trimLine(raw);
  if (line.empty()) return;
  if (verState_ == VerState::AwaitingOpen) {
    if (line != "{")
      fail(line_, "'{' väntades på raden efter #VER på rad " + std::to_string(verLine_));
    verState_ = VerState::Inside;
    return;
  }
  if (line == "}") {
    if (verState_ == VerState::Inside) {
      closeVer();
    } else {
      strayLines_ += 1;
      if (firstStrayLine_ == 0) firstStrayLine_ = line_;
    }
    return;
  }
  if (line[0] != '#') {
    if (verState_ == VerState::Inside) {
      ++result_.ledger.rowsRead;
      rejectLedger("", "raden i verifikationen börjar inte med en etikett som #TRANS");
    } else {
      strayLines_ += 1;
      if (firstStrayLine_ == 0) firstStrayLine_ = line_;
    }
    return;
  }
  // Some exporters open the verification on the #VER line itself.
  bool opensVer = false;
  if (line.size() > 2 && line.back() == '{' &&
      (line[line.size() - 2] == ' ' || line[line.size() - 2] == '\t')) {
    const std::size_t space = line.find_first_of(" \t");
    if (sieLabel(line.substr(0, space)) == SieLabel::Ver) {
      opensVer = true;
      line = trimLine(line.substr(0, line.size() - 1));
    }
  }
  if (!lexer_.tokenize(line)) fail(line_, std::string(lexer_.error()));
  const SieLabel label = sieLabel(lexer_.tokens()[0].text);
  if (verState_ == VerState::Inside) {
    readInsideVer(label);
  } else {
    readRecord(label);
    if (opensVer && verState_ == VerState::AwaitingOpen) verState_ = VerState::Inside;
  }
}

void SiePass::readInsideVer(SieLabel label) {
  if (rtransPending_) {
    rtransPending_ = false;
    if (label == SieLabel::Trans && recordKey() == pendingRtransKey_) {
      ++rtransCopiesSkipped_;  // the copy the standard adds for readers without #RTRANS
      return;
    }
    ++rtransWithoutCopy_;
  }
  switch (label) {
    case SieLabel::Trans:
      readTrans();
      return;
    case SieLabel::Rtrans:
      ++rtransRows_;
      readTrans();
      pendingRtransKey_ = recordKey();
      rtransPending_ = true;
      return;
    case SieLabel::Btrans:
      ++btransRows_;  // a removed row: never part of the result
      return;
    case SieLabel::Unknown:
      ++unknownLabels_[labelName(lexer_.tokens()[0].text)];
      return;
    default:
      fail(verLine_, "verifikationen (#VER) på rad " + std::to_string(verLine_) +
                         " stängs inte med '}' före rad " + std::to_string(line_) + " (" +
                         std::string(lexer_.tokens()[0].text) + ")");
  }
}

void SiePass::readRecord(SieLabel label) {
  switch (label) {
    case SieLabel::Flagga:
      sawFlagga_ = true;
      return;
    case SieLabel::Sietyp: {
      sawSietyp_ = true;
      const std::string_view type = token(1);
      if (type.size() == 1 && type[0] >= '1' && type[0] <= '4')
        result_.sieType = type[0] - '0';
      else
        badSietyp_ = std::string(type);
      return;
    }
    case SieLabel::Fnamn:
      result_.company = std::string(token(1));
      return;
    case SieLabel::Ksumma:
      sawKsumma_ = true;
      return;
    case SieLabel::Rar:
      readRar();
      return;
    case SieLabel::Dim:
    case SieLabel::Underdim:
      if (const auto dim = parseDimension(token(1))) declaredDims_.insert(*dim);
      return;
    case SieLabel::Objekt:
      if (const auto dim = parseDimension(token(1))) objektDims_.emplace(*dim, line_);
      return;
    case SieLabel::Ib:
    case SieLabel::Ub:
    case SieLabel::Oib:
    case SieLabel::Oub:
      ++balanceRecords_[labelName(lexer_.tokens()[0].text)];
      return;
    case SieLabel::Res:
      readRes();
      return;
    case SieLabel::Psaldo:
    case SieLabel::Pbudget:
      readPeriodRow(label);
      return;
    case SieLabel::Ver:
      openVer();
      return;
    case SieLabel::Trans:
    case SieLabel::Rtrans:
      ++result_.ledger.rowsRead;
      rejectLedger("", std::string(lexer_.tokens()[0].text) +
                           " står utanför en verifikation (#VER följd av { … })");
      return;
    case SieLabel::Btrans:
      ++btransRows_;
      return;
    case SieLabel::Unknown:
      ++unknownLabels_[labelName(lexer_.tokens()[0].text)];
      return;
    default:
      return;  // #PROGRAM, #GEN, #KONTO, #KTYP, #SRU …: known, not needed for the cubes
  }
}

void SiePass::openVer() {
  ++verCount_;
  verState_ = VerState::AwaitingOpen;
  verLine_ = line_;
  verDateText_ = std::string(token(3));  // #VER serie vernr verdatum vertext regdatum sign
  verDate_ = parseSieDate(verDateText_);
  const std::string_view serie = token(1);
  const std::string_view number = token(2);
  verNumber_.assign(serie);
  if (!serie.empty() && !number.empty()) verNumber_ += ' ';
  verNumber_ += number;
  verText_.assign(token(4));
}

void SiePass::closeVer() {
  if (rtransPending_) ++rtransWithoutCopy_;
  rtransPending_ = false;
  verState_ = VerState::Outside;
}

// What makes a row the #TRANS copy of the #RTRANS before it: konto, objects, amount (by value,
// so that "50" and "50.00" agree) and transdat.
std::string SiePass::recordKey() const {
  std::string key(token(1));
  key += '\x1f';
  if (isObjectList(2)) {
    for (const std::string_view item : lexer_.items(lexer_.tokens()[2])) {
      key += item;
      key += '\x1e';
    }
  }
  key += '\x1f';
  const auto ore = parseAmountOre(token(3));
  key += ore ? std::to_string(*ore) : std::string(token(3));
  key += '\x1f';
  key += token(4);
  return key;
}

// #TRANS kontonr {objektlista} belopp transdat transtext kvantitet sign
void SiePass::readTrans() {
  ImportSummary& summary = result_.ledger;
  ++summary.rowsRead;
  const std::string_view konto = isObjectList(1) ? std::string_view() : token(1);
  if (konto.empty()) return rejectLedger("konto", "kontonummer saknas");
  if (!isObjectList(2))
    return rejectLedger("objektlista", "objektlistan ({} eller {dimension objekt …}) saknas");
  SieObjectCodes objects;
  if (auto error = pickObjects(lexer_.items(lexer_.tokens()[2]), dims_, objects, unmappedDims_))
    return rejectLedger("objektlista", std::move(*error));
  const std::string_view amountText = token(3);
  std::string amountError;
  const auto ore = parseAmountOre(amountText, &amountError);
  if (!ore)
    return rejectLedger("belopp",
                        "ogiltigt belopp " + quotedValue(amountText) + ": " + amountError);
  const std::string_view transdat = token(4);
  std::optional<SieDate> date;
  if (!transdat.empty()) {
    date = parseSieDate(transdat);
    if (!date) return rejectLedger("transdat", badDate("transaktionsdatum", transdat));
  } else {
    date = verDate_;
    if (!date)
      return rejectLedger("verdatum", badDate("verifikationsdatum", verDateText_) +
                                          " i #VER på rad " + std::to_string(verLine_) +
                                          ", och raden har inget eget datum");
  }
  result_.utfall.add(objects.ansvar, konto, objects.verksamhet, objects.projekt, date->period(),
                     Measure::Utfall, *ore);
  ++summary.rowsAccepted;
  summary.acceptedOre += *ore;
  // The counter-entries on balance accounts (bank, skulder) explain nothing in a nämnd report.
  if (isResultAccount(konto))
    kept_.offerByContent(objects.ansvar, date->period(), *ore, [&] {
      writeIsoDate(*date, keptDate_);
      const std::string_view transtext = token(5);
      return TransactionTexts{
          konto,     objects.verksamhet, objects.projekt,
          keptDate_, verNumber_,         transtext.empty() ? verText_ : transtext,
          {}};
    });
  if (dims_.ansvar != 0 && objects.ansvar.empty()) ++transWithoutAnsvar_;
  if (yearStart_ && yearEnd_ &&
      (date->number() < yearStart_->number() || date->number() > yearEnd_->number()))
    ++transOutsideYear_;
}

// #PSALDO/#PBUDGET årsnr period kontonr {objektlista} saldo kvantitet
void SiePass::readPeriodRow(SieLabel label) {
  const bool budget = label == SieLabel::Pbudget;
  std::vector<RejectedRow>& rejected = budget ? pbudgetRejected_ : psaldoRejected_;
  const auto reject = [&](std::string_view column, std::string reason) {
    rejected.push_back({{file_.displayName, line_, std::string(column)}, std::move(reason)});
  };
  const std::string_view yearText = token(1);
  const auto year = parseWholeNumber(yearText);
  if (!year)
    return reject("årsnr", "ogiltigt årsnummer \"" + std::string(yearText) +
                               "\" (0 = räkenskapsåret, -1 = året före …)");
  if (*year != 0) {
    ++(budget ? pbudgetOtherYears_ : psaldoOtherYears_);
    return;
  }
  const std::string_view periodText = token(2);
  const auto period = Period::parse(periodText);
  if (!period)
    return reject("period", "ogiltig period " + quotedValue(periodText) + " (ÅÅÅÅMM väntades)");
  if (yearStart_ && yearEnd_ &&
      (period->code() < yearStart_->number() / 100 || period->code() > yearEnd_->number() / 100))
    return reject("period", "perioden " + period->toString() + " ligger utanför räkenskapsåret " +
                                yearStart_->toString() + "–" + yearEnd_->toString() + " (#RAR 0)");
  const std::string_view konto = isObjectList(3) ? std::string_view() : token(3);
  if (konto.empty()) return reject("konto", "kontonummer saknas");
  if (!isObjectList(4))
    return reject("objektlista", "objektlistan ({} eller {dimension objekt}) saknas");
  SieObjectCodes objects;
  std::vector<int> otherDims;  // a period row's other dimensions are a split, not "unused"
  if (auto error = pickObjects(lexer_.items(lexer_.tokens()[4]), dims_, objects, otherDims))
    return reject("objektlista", std::move(*error));
  const std::string_view column = budget ? "belopp" : "saldo";
  const std::string_view amountText = token(5);
  std::string amountError;
  const auto ore = parseAmountOre(amountText, &amountError);
  if (!ore)
    return reject(column, "ogiltigt belopp " + quotedValue(amountText) + ": " + amountError);

  SiePeriodRow row;
  row.line = line_;
  row.konto = std::string(konto);
  row.period = period->code();
  row.ore = *ore;
  if (objects.empty) {
    row.objects = SiePeriodRow::Objects::Total;
  } else if (objects.hasAnsvar) {
    row.objects = SiePeriodRow::Objects::Ansvar;
    row.ansvar = std::string(objects.ansvar);
    row.verksamhet = std::string(objects.verksamhet);
    row.projekt = std::string(objects.projekt);
  } else {
    row.objects = SiePeriodRow::Objects::Other;
  }
  (budget ? pbudget_ : psaldo_).push_back(std::move(row));
}

// #RAR årsnr start slut: the current year's dates check the periods and dates read.
void SiePass::readRar() {
  const auto year = parseWholeNumber(token(1));
  const auto start = parseSieDate(token(2));
  const auto end = parseSieDate(token(3));
  if (!year || !start || !end || start->number() > end->number()) {
    ++badRarRows_;
    return;
  }
  if (*year == 0) {
    yearStart_ = start;
    yearEnd_ = end;
  }
}

// #RES årsnr kontonr saldo kvantitet
void SiePass::readRes() {
  const auto year = parseWholeNumber(token(1));
  const std::string_view konto = token(2);
  const auto ore = parseAmountOre(token(3));
  if (!year || konto.empty() || !ore) {
    ++badResRows_;
    return;
  }
  if (*year == 0) res_[std::string(konto)] += *ore;
}

SieImport SiePass::finish(std::string encodingNote, std::int64_t newlines) {
  if (!sawText_) failNotSie(newlines + 1);
  if (verState_ != VerState::Outside)
    fail(verLine_, "filen tar slut innan verifikationen (#VER) på rad " + std::to_string(verLine_) +
                       " har stängts med '}': filen är avkortad");
  if (!sawFlagga_ && !sawSietyp_)
    fail(0, "filen saknar både #FLAGGA och #SIETYP och kan inte läsas som SIE");
  result_.notes.push_back(std::move(encodingNote));
  if (!sawSietyp_)
    result_.notes.push_back("#SIETYP saknas; filens innehåll avgör vad som läses.");
  else if (!badSietyp_.empty())
    result_.notes.push_back("#SIETYP \"" + badSietyp_ + "\" är okänd (1, 2, 3 eller 4 väntades).");
  finishUtfall();
  finishBudget();
  noteResReconciliation();
  noteCounts();
  return std::move(result_);
}

void SiePass::finishUtfall() {
  ImportSummary& summary = result_.ledger;
  const bool hasTrans = verCount_ > 0 || summary.rowsRead > 0;
  const bool hasPsaldo = !psaldo_.empty() || !psaldoRejected_.empty();
  if (hasTrans) {
    utfallSource_ = UtfallSource::Trans;
    result_.keptRows = kept_.take();
    result_.notes.push_back("Utfallet kommer från #TRANS i " + formatInteger(verCount_, " ") +
                            " verifikationer (#VER).");
    if (hasPsaldo) {
      Cube scratch;  // only for the comparison: #TRANS is the utfall
      notePsaldoAgainstTrans(addPeriodRows(psaldo_, Measure::Utfall, scratch));
      if (!psaldoRejected_.empty())
        result_.notes.push_back(
            formatInteger(static_cast<std::int64_t>(psaldoRejected_.size()), " ") +
            " #PSALDO kunde inte tolkas (första på rad " +
            std::to_string(psaldoRejected_.front().where.line) +
            "); de ingår inte i kontrollen mot #TRANS.");
    }
    return;
  }
  if (!hasPsaldo) {
    result_.notes.push_back(
        "Filen har varken verifikationer (#VER) eller periodsaldon (#PSALDO) för räkenskapsåret, "
        "så den ger inget utfall per månad.");
    return;
  }
  utfallSource_ = UtfallSource::Psaldo;
  addPeriodRowsWithNotes("#PSALDO",
                         "#PSALDO användes eftersom filen saknar verifikationer (#VER): ", psaldo_,
                         psaldoRejected_, Measure::Utfall, result_.utfall, result_.ledger);
}

void SiePass::finishBudget() {
  if (pbudget_.empty() && pbudgetRejected_.empty()) {
    result_.notes.push_back("Filen har ingen budget (#PBUDGET) för räkenskapsåret.");
    return;
  }
  addPeriodRowsWithNotes("#PBUDGET", "Budgeten kommer från #PBUDGET: ", pbudget_, pbudgetRejected_,
                         Measure::Budget, result_.budgetCube, result_.budget);
}

// #PSALDO and #PBUDGET alike: the rows into the cube, the counts into the summary, and a note
// on which rows were used (per ansvar or the {} totals) so that nothing counts twice.
void SiePass::addPeriodRowsWithNotes(const std::string& label, std::string note,
                                     const std::vector<SiePeriodRow>& rows,
                                     const std::vector<RejectedRow>& rejected, Measure measure,
                                     Cube& cube, ImportSummary& summary) {
  const SiePeriodRowsAdded added = addPeriodRows(rows, measure, cube);
  summary.rejected.insert(summary.rejected.end(), rejected.begin(), rejected.end());
  summary.rowsAccepted = added.ansvarRows + added.totalRows;
  summary.rowsRead = summary.rowsAccepted + static_cast<std::int64_t>(rejected.size());
  summary.acceptedOre = added.addedOre;
  const std::string perAnsvar =
      "raderna per ansvar (dimension " + std::to_string(dims_.ansvar) + ")";
  if (added.ansvarRows > 0 && added.totalRows > 0)
    note += perAnsvar + ", och totalraderna {} för konton och månader utan sådana rader.";
  else if (added.ansvarRows > 0)
    note += perAnsvar + ".";
  else
    note += "totalraderna {} (utan ansvar).";
  if (added.replacedTotalRows > 0)
    note += " " + formatInteger(added.replacedTotalRows, " ") +
            " totalrader {} ersattes av raderna per ansvar, så att inget räknas två gånger.";
  if (added.otherRows > 0)
    note += " " + formatInteger(added.otherRows, " ") +
            " rader för andra dimensioner användes inte (de delar upp samma belopp på annat sätt).";
  result_.notes.push_back(note);
  if (added.restCells > 0)
    result_.notes.push_back("Totalraderna {} i " + label + " är större än summan per ansvar för " +
                            formatInteger(added.restCells, " ") + " konton och månader; " +
                            kronor(added.restOre) + " lades på tomt ansvar (oplacerat).");
}

// #RES states each result account's year result: it must equal the Σ of the utfall read.
void SiePass::noteResReconciliation() {
  if (res_.empty()) return;
  if (utfallSource_ == UtfallSource::None) {
    result_.notes.push_back(
        "#RES (årets resultat per konto) finns, men ger inget utfall per månad och lästes inte.");
    return;
  }
  // Summed by konto id first (no string per cube cell), then named.
  std::vector<std::int64_t> byKonto(result_.utfall.codeCount(), 0);
  std::vector<std::string_view> kontoOf(result_.utfall.codeCount());
  result_.utfall.forEachUnordered([&](const CubeCell& cell) {
    byKonto[cell.ids.konto] += cell.ore;
    kontoOf[cell.ids.konto] = cell.konto;
  });
  std::map<std::string, std::int64_t> utfall;
  for (std::size_t id = 0; id < kontoOf.size(); ++id) {
    const std::string_view konto = kontoOf[id];
    if (konto.data() == nullptr) continue;  // not a konto of any cell
    if (isResultAccount(konto) || res_.contains(std::string(konto)))
      utfall[std::string(konto)] += byKonto[id];
  }
  const std::string source = utfallSource_ == UtfallSource::Trans ? "#TRANS" : "#PSALDO";
  std::set<std::string> kontos;
  for (const auto& [konto, ore] : res_) kontos.insert(konto);
  for (const auto& [konto, ore] : utfall) kontos.insert(konto);
  std::vector<std::string> differences;
  for (const std::string& konto : kontos) {
    const std::int64_t stated = res_.contains(konto) ? res_.at(konto) : 0;
    const std::int64_t read = utfall.contains(konto) ? utfall.at(konto) : 0;
    if (stated != read)
      differences.push_back("konto " + konto + ": #RES " + kronor(stated) + ", " + source + " " +
                            kronor(read) + " (skillnad " + kronor(read - stated) + ")");
  }
  if (differences.empty()) {
    result_.notes.push_back("#RES stämmer med summan av " + source + " för alla " +
                            formatInteger(static_cast<std::int64_t>(kontos.size()), " ") +
                            " resultatkonton.");
    return;
  }
  for (std::size_t i = 0; i < differences.size() && i < kListedDifferences; ++i)
    result_.notes.push_back("#RES skiljer från summan av " + source + " för " + differences[i] +
                            ".");
  if (differences.size() > kListedDifferences)
    result_.notes.push_back("… och " + std::to_string(differences.size() - kListedDifferences) +
                            " konton till där #RES skiljer.");
}

// Both #TRANS and #PSALDO: #TRANS is the utfall; #PSALDO is a check per month.
void SiePass::notePsaldoAgainstTrans(const SiePeriodRowsAdded& psaldo) {
  // Summed by (konto id, month) first: a string and a map lookup per cube cell would cost more
  // than the rest of the check; the few distinct keys are named afterwards.
  std::unordered_map<std::uint64_t, std::int64_t> byId;
  std::vector<std::string_view> kontoOf(result_.utfall.codeCount());
  result_.utfall.forEachUnordered([&](const CubeCell& cell) {
    if (!isResultAccount(cell.konto)) return;
    kontoOf[cell.ids.konto] = cell.konto;
    byId[(std::uint64_t{cell.ids.konto} << 32) | static_cast<std::uint32_t>(cell.period.code())] +=
        cell.ore;
  });
  std::map<std::pair<std::string, int>, std::int64_t> trans;
  for (const auto& [key, ore] : byId)
    trans[{std::string(kontoOf[key >> 32]), static_cast<int>(key & 0xffffffffu)}] += ore;
  struct PeriodDifference {
    std::int64_t ore = 0;
    std::int64_t kontos = 0;
  };
  std::map<int, PeriodDifference> periods;
  const auto compare = [&](const std::pair<std::string, int>& key, std::int64_t transOre,
                           std::int64_t psaldoOre) {
    if (transOre == psaldoOre) return;
    PeriodDifference& d = periods[key.second];
    d.ore += transOre - psaldoOre;
    ++d.kontos;
  };
  for (const auto& [key, ore] : psaldo.kontoPeriodTotals)
    if (isResultAccount(key.first)) compare(key, trans.contains(key) ? trans.at(key) : 0, ore);
  for (const auto& [key, ore] : trans)
    if (!psaldo.kontoPeriodTotals.contains(key)) compare(key, ore, 0);
  if (periods.empty()) {
    result_.notes.push_back(
        "#PSALDO stämmer med summan av #TRANS för varje månad och resultatkonto.");
    return;
  }
  for (const auto& [period, d] : periods)
    result_.notes.push_back(
        "Period " + std::to_string(period) + ": Σ #TRANS − Σ #PSALDO = " + kronor(d.ore) +
        " på resultatkonton (antal konton som skiljer: " + formatInteger(d.kontos, " ") + ").");
}

void SiePass::noteCounts() {
  std::vector<std::string>& notes = result_.notes;
  if (rtransRows_ > 0)
    notes.push_back(formatInteger(rtransRows_, " ") + " tillagda rader (#RTRANS) räknades; " +
                    formatInteger(rtransCopiesSkipped_, " ") +
                    " likadana #TRANS-kopior efter dem hoppades över.");
  if (rtransWithoutCopy_ > 0)
    notes.push_back(formatInteger(rtransWithoutCopy_, " ") +
                    " #RTRANS följdes inte av sin #TRANS-kopia; raden efter lästes som vanligt.");
  if (btransRows_ > 0)
    notes.push_back(formatInteger(btransRows_, " ") + " borttagna rader (#BTRANS) räknades inte.");
  if (transWithoutAnsvar_ > 0)
    notes.push_back(formatInteger(transWithoutAnsvar_, " ") + " #TRANS saknar ansvar (dimension " +
                    std::to_string(dims_.ansvar) + ") och redovisas som oplacerade.");
  if (!unmappedDims_.empty()) {
    std::sort(unmappedDims_.begin(), unmappedDims_.end());
    std::string dims;
    for (const int dim : unmappedDims_) dims += (dims.empty() ? "" : ", ") + std::to_string(dim);
    notes.push_back("Objekt i dimension " + dims +
                    " används inte (inte kopplade till ansvar, verksamhet eller projekt).");
  }
  if (transOutsideYear_ > 0)
    notes.push_back(formatInteger(transOutsideYear_, " ") +
                    " #TRANS har datum utanför räkenskapsåret " + yearStart_->toString() + "–" +
                    yearEnd_->toString() + " (#RAR 0); de lästes med sitt datum.");
  if (!balanceRecords_.empty()) {
    std::string list;
    for (const auto& [label, count] : balanceRecords_)
      list += (list.empty() ? "" : ", ") + label + " " + formatInteger(count, " ");
    notes.push_back("Balansposter lästes men ingår inte i utfallet: " + list + ".");
  }
  if (psaldoOtherYears_ > 0)
    notes.push_back(formatInteger(psaldoOtherYears_, " ") +
                    " #PSALDO för andra år än räkenskapsåret (årsnr ≠ 0) lästes inte.");
  if (pbudgetOtherYears_ > 0)
    notes.push_back(formatInteger(pbudgetOtherYears_, " ") +
                    " #PBUDGET för andra år än räkenskapsåret (årsnr ≠ 0) lästes inte.");
  if (badResRows_ > 0)
    notes.push_back(formatInteger(badResRows_, " ") +
                    " #RES kunde inte tolkas och ingår inte i avstämningen.");
  if (badRarRows_ > 0)
    notes.push_back(formatInteger(badRarRows_, " ") + " #RAR kunde inte tolkas.");
  if (!unknownLabels_.empty()) {
    std::string list;
    for (const auto& [label, count] : unknownLabels_)
      list += (list.empty() ? "" : ", ") + label + " (" + formatInteger(count, " ") + ")";
    notes.push_back("Okända poster hoppades över, som standarden föreskriver: " + list + ".");
  }
  std::string undeclared;
  for (const auto& [dim, line] : objektDims_)
    if (!isStandardDimension(dim) && !declaredDims_.contains(dim))
      undeclared += (undeclared.empty() ? "" : ", ") + std::to_string(dim) + " (rad " +
                    std::to_string(line) + ")";
  if (!undeclared.empty())
    notes.push_back("#OBJEKT för dimensioner utan #DIM: " + undeclared + ".");
  if (strayLines_ > 0)
    notes.push_back(formatInteger(strayLines_, " ") +
                    " rader utanför verifikationerna saknar etikett och hoppades över (första på "
                    "rad " +
                    std::to_string(firstStrayLine_) + ").");
  if (sawKsumma_) notes.push_back("Kontrollsumman (#KSUMMA) kontrolleras inte.");
}

}  // namespace

SieImport readSie(const SourceFile& file, const SieDimensionMap& dims, std::size_t blockBytes) {
  std::optional<SieEncoding> encoding;  // set for the second reading
  for (int reading = 1;; ++reading) {
    SieTextStream text(file, blockBytes, encoding);
    SiePass pass(file, dims);
    if (text.read([&](std::string_view line) { pass.addLine(line); }) ==
        SieTextStream::Outcome::Read)
      return pass.finish(text.note(), text.newlines());
    // The second reading decodes as the whole file said: only a file that changed in between
    // can disagree again.
    if (reading == 2)
      throw InputError({file.displayName, 0, ""},
                       "filen ändrades medan den lästes; läs in den igen när den är färdigskriven");
    encoding = text.encoding();
  }
}

bool looksLikeSie(std::string_view bytes) {
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  return startsWithIdentificationLabel(bytes);
}

}  // namespace namnd
