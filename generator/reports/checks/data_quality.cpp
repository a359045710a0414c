#include "reports/checks/data_quality.hpp"

#include <map>
#include <set>

#include "core/number_format.hpp"
#include "core/swedish_calendar.hpp"

namespace namnd {
namespace {

std::string kr(std::int64_t ore) { return formatOreAsKronor(ore) + "\xC2\xA0kr"; }

void add(CheckSection& checks, std::string description, std::string detail, CheckStatus status) {
  checks.items.push_back({std::move(description), std::move(detail), status});
}

// Σ of the accepted rows of one kind's files within the ack range, from the totals each reader
// kept per period: independent of the cube the report was built from.
std::int64_t sourceTotal(const std::vector<ImportSummary>& log, SourceKind kind,
                         const PeriodRange& range) {
  std::int64_t sum = 0;
  for (const ImportSummary& file : log)
    if (file.kind == kind)
      for (const auto& total : file.periodTotals)
        if (range.contains(Period(total.period / 100, total.period % 100))) sum += total.ore;
  return sum;
}

void addBalance(CheckSection& checks, const std::string& what, std::int64_t source,
                std::int64_t reported, std::int64_t unmapped) {
  const bool balanced = source == reported + unmapped;
  add(checks, "Avstämning " + what + ": Σ indata = Σ redovisat + Σ ej placerat",
      kr(source) + (balanced ? " = " : " ≠ ") + kr(reported) + " + " + kr(unmapped),
      balanced ? CheckStatus::Ok : CheckStatus::Error);
}

// The import log holds the whole year's budget; the report's helår budget is the budget as known
// at the end of its period, so revisions valid after it are the third part of the balance.
void addHelarBalance(CheckSection& checks, const OrgRollup& rollup, std::int64_t source) {
  if (rollup.laterRevisions == 0) {
    addBalance(checks, "budget helår", source, rollup.reported.helarBudget,
               rollup.unmapped.helarBudget);
    return;
  }
  const std::int64_t reported = rollup.reported.helarBudget;
  const std::int64_t unmapped = rollup.unmapped.helarBudget;
  const bool balanced = source == reported + unmapped + rollup.laterRevisions;
  add(checks,
      "Avstämning budget helår: Σ indata = Σ redovisat + Σ ej placerat + Σ revideringar som gäller "
      "först efter " +
          swedishMonthAndYear(rollup.through.year(), rollup.through.month()),
      kr(source) + (balanced ? " = " : " ≠ ") + kr(reported) + " + " + kr(unmapped) + " + " +
          kr(rollup.laterRevisions) + " (budgeten som den var känd vid periodens slut)",
      balanced ? CheckStatus::Ok : CheckStatus::Error);
}

void addFileChecks(CheckSection& checks, const std::vector<ImportSummary>& log,
                   std::size_t maxListed) {
  for (const ImportSummary& file : log) {
    const auto rejected = static_cast<std::int64_t>(file.rejected.size());
    add(checks, "Inläst " + std::string(sourceKindName(file.kind)) + ": " + file.sourcePath,
        formatInteger(file.rowsRead) + " rader lästa, " + formatInteger(file.rowsAccepted) +
            " godkända, " + formatInteger(rejected) + " avvisade; Σ godkänt " +
            kr(file.acceptedOre) + ", Σ avvisat " + kr(file.rejectedOre) + " (Σ indata " +
            kr(file.acceptedOre + file.rejectedOre) + ")",
        CheckStatus::Ok);
    if (!file.rejected.empty()) {
      std::string where;
      for (std::size_t i = 0; i < file.rejected.size() && i < maxListed; ++i)
        where +=
            (i ? "; " : "") + file.rejected[i].where.describe() + ": " + file.rejected[i].reason;
      if (file.rejected.size() > maxListed)
        where +=
            "; och " + formatInteger(rejected - static_cast<std::int64_t>(maxListed)) + " till";
      add(checks, formatInteger(rejected) + " avvisade rader i " + file.sourcePath, where,
          CheckStatus::Warning);
    }
    for (const std::string& warning : file.warnings)
      add(checks, "Att granska i " + file.sourcePath, warning, CheckStatus::Warning);
    for (const std::string& note : file.notes)
      add(checks, "Om inläsningen av " + file.sourcePath, note, CheckStatus::Ok);
  }
}

// Ledger rows in another year than most of their file's rows, and months that two ledger
// files both cover (the same month imported twice counts twice).
void addCoverageChecks(CheckSection& checks, const std::vector<ImportSummary>& log) {
  std::map<int, std::vector<std::string>> filesPerPeriod;
  for (const ImportSummary& file : log) {
    if (file.kind != SourceKind::Huvudbok || file.periodTotals.empty()) continue;
    std::map<int, std::int64_t> rowsPerYear;
    for (const auto& total : file.periodTotals) {
      rowsPerYear[total.period / 100] += total.rows;
      filesPerPeriod[total.period].push_back(file.sourcePath);
    }
    int mainYear = rowsPerYear.begin()->first;
    for (const auto& [year, rows] : rowsPerYear)
      if (rows > rowsPerYear[mainYear]) mainYear = year;
    std::int64_t outsideRows = 0, outsideOre = 0;
    for (const auto& total : file.periodTotals)
      if (total.period / 100 != mainYear) {
        outsideRows += total.rows;
        outsideOre += total.ore;
      }
    if (outsideRows > 0)
      add(checks, "Rader utanför året i " + file.sourcePath,
          formatInteger(outsideRows) + " rader (Σ " + kr(outsideOre) + ") ligger utanför " +
              std::to_string(mainYear) + ", det år som filens övriga rader gäller",
          CheckStatus::Warning);
  }
  for (const auto& [period, files] : filesPerPeriod) {
    if (files.size() < 2) continue;
    std::string names;
    for (const std::string& f : files) names += (names.empty() ? "" : ", ") + f;
    add(checks, "Perioden " + std::to_string(period) + " finns i flera huvudboksfiler",
        names + ": beloppen räknas från alla filerna; är det samma period inläst två gånger?",
        CheckStatus::Warning);
  }
}

void addBudgetCoverage(CheckSection& checks, const OrgRollup& rollup, std::size_t maxListed) {
  std::vector<std::string> budgetOnly, utfallOnly;
  for (const auto& [code, f] : rollup.byCode) {
    if (f.helarBudget != 0 && f.ackUtfall == 0)
      budgetOnly.push_back(code + " (" + kr(f.helarBudget) + ")");
    if (f.ackUtfall != 0 && f.helarBudget == 0)
      utfallOnly.push_back(code + " (" + kr(f.ackUtfall) + ")");
  }
  const auto list = [&](const std::vector<std::string>& codes) {
    std::string text;
    for (std::size_t i = 0; i < codes.size() && i < maxListed; ++i)
      text += (i ? ", " : "") + codes[i];
    if (codes.size() > maxListed)
      text += " och " + std::to_string(codes.size() - maxListed) + " till";
    return text;
  };
  if (!budgetOnly.empty())
    add(checks,
        "Ansvar med budget men utan utfall januari–" +
            swedishMonthAndYear(rollup.through.year(), rollup.through.month()),
        list(budgetOnly), CheckStatus::Warning);
  if (!utfallOnly.empty())
    add(checks, "Ansvar med utfall men utan budget " + std::to_string(rollup.through.year()),
        list(utfallOnly), CheckStatus::Warning);
}

// `consequence` says which amounts follow the period's organisation, so that nobody reads the
// months before the move as booked under the old parent.
void addMoves(CheckSection& checks, const std::vector<OrgMove>& moves, const std::string& when,
              const std::string& consequence) {
  for (const OrgMove& move : moves)
    add(checks, "Organisationsändring " + when + ": " + move.code + " " + move.name,
        "flyttad från " + move.fromParent + " (" + move.fromArea + ") till " + move.toParent +
            " (" + move.toArea + "); " + consequence,
        CheckStatus::Ok);
}

}  // namespace

void addDataQualityChecks(CheckSection& checks, const DataQualityInput& input,
                          std::size_t maxListed) {
  const OrgRollup& rollup = input.rollup;
  const PeriodRange ack = PeriodRange::ack(rollup.through);
  addBalance(checks, "ack utfall", sourceTotal(input.importLog, SourceKind::Huvudbok, ack),
             rollup.reported.ackUtfall, rollup.unmapped.ackUtfall);
  addBalance(checks, "ack budget", sourceTotal(input.importLog, SourceKind::Budget, ack),
             rollup.reported.ackBudget, rollup.unmapped.ackBudget);
  addHelarBalance(checks, rollup,
                  sourceTotal(input.importLog, SourceKind::Budget,
                              PeriodRange::wholeYear(rollup.through.year())));
  const std::string months =
      "januari–" + swedishMonthAndYear(rollup.through.year(), rollup.through.month());
  add(checks, "Kommunbidrag ack " + months,
      kr(rollup.source.ackBudget) + " (den periodiserade budgeten " + months + ")",
      CheckStatus::Ok);
  for (const auto& [code, figures] : rollup.unmappedCodes)
    add(checks, "Ansvar " + code + " finns inte i organisationen på rapportnivån",
        "ack utfall " + kr(figures.ackUtfall) + ", ack budget " + kr(figures.ackBudget) +
            ", budget helår " + kr(figures.helarBudget) + " redovisas inte på någon rad",
        CheckStatus::Warning);
  for (const auto& [konto, ore] : input.unmappedAccounts)
    add(checks, "Konto " + konto + " saknar rad i kontoplanen",
        kr(ore) + " kan inte fördelas på kostnadsslag", CheckStatus::Warning);
  for (const std::string& problem : input.tree.problems())
    add(checks, "Organisationen har en nod utan förälder", problem, CheckStatus::Warning);
  const std::string atEnd = "organisationen i slutet av " +
                            swedishMonthAndYear(rollup.through.year(), rollup.through.month());
  addMoves(checks, input.movesThisYear, "under året",
           "årets alla belopp, även månaderna före flytten, redovisas enligt " + atEnd);
  addMoves(checks, input.movesSinceLastYear, "sedan samma månad förra året",
           "föregående års belopp redovisas också enligt " + atEnd);
  addBudgetCoverage(checks, rollup, maxListed);
  addCoverageChecks(checks, input.importLog);
  addFileChecks(checks, input.importLog, maxListed);
}

}  // namespace namnd
