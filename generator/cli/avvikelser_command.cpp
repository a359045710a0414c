#include <algorithm>
#include <filesystem>
#include <ostream>

#include "aggregate/avvikelse_counts.hpp"
#include "cli/arguments.hpp"
#include "cli/built_report.hpp"
#include "cli/commands.hpp"
#include "cli/config_argument.hpp"
#include "cli/report_context.hpp"
#include "core/calendar_date.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "ingest/avvikelse/avvikelse_reader.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "reports/avvikelser/avvikelser_builder.hpp"
#include "reports/avvikelser/avvikelser_view.hpp"
#include "reports/avvikelser/underreporting_basis.hpp"
#include "reports/checks/personal_data_guard.hpp"

namespace namnd {
namespace {

// "2025H1", "2025H2" or "2025".
HalfYearPeriod periodArgument(const Arguments& arguments) {
  const std::string text = arguments.required("period");
  const std::optional<HalfYearPeriod> period = HalfYearPeriod::parse(text);
  if (!period)
    throw UsageError(
        "--period ska vara ett halvår ÅÅÅÅH1 eller ÅÅÅÅH2, eller ett helt år ÅÅÅÅ "
        "(t.ex. 2025H1 eller 2025), inte \"" +
        text + "\"");
  return *period;
}

Period monthOf(const CalendarDate& date) { return Period(date.year, date.month); }

// Per register, as the import commands do: what was read, what the report counts, what it leaves
// to the next report, what it cannot place, and the optional columns the file lacks.
void printRegisters(std::ostream& out, const AvvikelseRegisters& registers,
                    const HalfYearPeriod& period, const OrgTree& tree, int areaLevel,
                    const ReportTexts& texts) {
  for (const AvvikelseRegisterFile& file : registers.files) {
    std::vector<AvvikelseRecord> own;
    for (const AvvikelseRecord& r : registers.records)
      if (r.source == file.name) own.push_back(r);
    const auto counted = std::count_if(
        own.begin(), own.end(), [&](const AvvikelseRecord& r) { return registeredIn(r, period); });
    const auto unplaced = std::count_if(own.begin(), own.end(), [&](const AvvikelseRecord& r) {
      return registeredIn(r, period) && !tree.ancestorAtLevel(r.org, areaLevel);
    });
    out << "Inläst avvikelseregister: " << file.name << " (" << formatInteger(file.rowsRead, " ")
        << (file.rowsRead == 1 ? " rad; " : " rader; ") << formatInteger(counted, " ")
        << " räknas i " << period.code() << ", "
        << formatInteger(countRegisteredAfter(own, period), " ")
        << " är registrerade efter periodens slut och räknas i nästa rapport, "
        << formatInteger(unplaced, " ") << " kan inte placeras i organisationen";
    if (file.duplicates > 0)
      out << ", " << formatInteger(file.duplicates, " ") << " dubbletter räknas en gång";
    out << ")\n";
    const auto missing = static_cast<std::uint16_t>(kAllAvvikelseColumns & ~file.columns);
    if (file.rowsRead > 0 && missing != 0)
      out << "  saknar de frivilliga kolumnerna " << registerColumnNames(texts, file, missing)
          << "\n";
  }
}

}  // namespace

BuiltReport buildAvvikelserFromArguments(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config", "ut", "period"}, {"pdf"});
  const HalfYearPeriod period = periodArgument(arguments);
  // Fail on the config before importing anything, and never write half a report.
  const RunConfig checked = configArgument(arguments);
  if (!checked.avvikelser.present)
    throw ConfigError(checked.configPath.string() +
                      ": \"avvikelser\" saknas: rapporten behöver avvikelseregistren "
                      "(\"register\"), taxonomin (\"taxonomi\") och tjänsteskrivelsens fält "
                      "(handläggare, datum, diarienummer, förslag till beslut, underskrifter)");
  // A volym basis for under-reporting: its file and mått, too, before anything is imported.
  const std::optional<UnderReportingVolymerFile> volymerFile = underReportingVolymerFile(checked);
  std::optional<VolymImport> volymer;
  if (volymerFile) {
    volymer = readVolymer(*openTabularSource(volymerFile->file));
    requireUnderReportingMeasure(checked, *volymerFile, volymer->table);
  }

  const auto context = loadReportContext(checked, monthOf(period.last()), out, LedgerNeed::None);
  const RunConfig& config = context->config;
  // Every version of the organisation: a report registered on a unit that has since moved or
  // closed is still a report of this nämnd.
  const OrgTree versions = readOrgTree(*openTabularSource(config.org));
  AvvikelseRegisters registers = readAvvikelseRegisters(config.avvikelser, versions);
  // A report of a span no register reaches would read "0 avvikelser" as if nothing happened.
  std::optional<CalendarDate> first, last;
  for (const AvvikelseRecord& r : registers.records) {
    if (!first || r.registrerad < *first) first = r.registrerad;
    if (!last || *last < r.registrerad) last = r.registrerad;
  }
  if (!first || *last < period.first() || period.last() < *first)
    throw UsageError("--period " + period.code() + " ligger utanför avvikelseregistren, som " +
                     (first ? "har registreringsdatum " + first->iso() + "–" + last->iso()
                            : std::string("inte har några rapporter")));
  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "avvikelser.json");
  printRegisters(out, registers, period, context->tree, config.reportLevel, texts);
  // What the under-reporting signal is judged by, as the config names it.
  if (const UnderReportingRule rule = config.avvikelser.underReportingRule(); volymerFile)
    out << "Underlag för underrapportering: " << rule.name << " ur "
        << volymerFile->file.displayName << " (\"" << volymerFile->configKey << "\")\n";
  else if (rule.minst > 0)
    out << "Underlag för underrapportering: arbetade timmar ur hr-indata\n";
  // The läkemedel table compares enheter over three years: a node that moved since then is
  // footnoted.
  const HalfYearPeriod earliest{period.year - 2, period.half};
  std::vector<OrgMove> moves =
      orgMoves(versions.asOf(monthOf(earliest.last())), context->tree, config.reportLevel);
  // The per-enhet table counts the period's reports where each enhet is at its end: a node
  // that moved within the period is footnoted there.
  std::vector<OrgMove> movesInPeriod =
      orgMoves(versions.asOf(monthOf(period.first())), context->tree, config.reportLevel);
  const HrTable hours =
      context->store->loadHr(PeriodRange{monthOf(period.first()), monthOf(period.last())});
  const AvvikelserInput input{.config = config,
                              .meta = context->documentMeta(),
                              .period = period,
                              .records = std::move(registers.records),
                              .tree = context->tree,
                              .hours = &hours,
                              .volymer = volymer ? &volymer->table : nullptr,
                              .readerNotes = std::move(registers.notes),
                              .registerFiles = std::move(registers.files),
                              .orgMoves = std::move(moves),
                              .orgMovesSince = earliest,
                              .orgMovesInPeriod = std::move(movesInPeriod)};
  Document document = buildAvvikelserReport(input, texts);
  refusePersonalData(document, config);
  const std::string stem = "avvikelser-" + period.code();
  return {.document = std::move(document),
          .templatesDir = config.templatesDir,
          .outputDir = config.outputDir,
          .stem = stem,
          .pdf = pdfRequest(arguments, config)};
}

ReportOutcome makeAvvikelser(const std::vector<std::string>& args, std::ostream& out) {
  return writeReport(buildAvvikelserFromArguments(args, out), out);
}

int runAvvikelser(const std::vector<std::string>& args, std::ostream& out) {
  makeAvvikelser(args, out);
  return 0;
}

}  // namespace namnd
