#include "ingest/investment_reader.hpp"

#include <map>

#include "ingest/row_check.hpp"

namespace namnd {

InvestmentImport readInvestments(TabularSource& source) {
  static const TableSpec kSpec = {
      {{"projekt", {"projektkod", "projektnr", "projektnummer"}, true},
       {"namn", {"projektnamn", "benamning", "benämning", "investering"}, true},
       {"budget", {"budget kr", "arsbudget", "årsbudget"}, true},
       {"grupp", {"summarad", "summering", "grupp text"}, false},
       {"ombudgetering", {"ombudg", "ombudgeterat", "tillaggsbudget"}, false},
       {"prognos", {"helarsprognos", "helårsprognos", "prognos kr"}, false},
       {"utfall", {"utfall kr", "ack utfall", "bokfort", "bokfört"}, false},
       {"period", {"utfall period", "utfall tom", "utfall till och med"}, false},
       {"kommentar", {"kommentarer", "text"}, false}},
      {}};

  InvestmentImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Budget;
  summary.sourcePath = source.displayName();
  std::map<std::string, std::int64_t, std::less<>> lineOfProjekt;

  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, summary);
    const auto budget = row.amount("budget");
    std::optional<std::int64_t> ombudgetering = 0;
    if (!record.text("ombudgetering").empty()) ombudgetering = row.amount("ombudgetering");
    std::optional<std::int64_t> prognos;
    if (!record.text("prognos").empty()) prognos = row.amount("prognos");
    std::optional<std::int64_t> utfall;
    std::optional<Period> utfallPeriod;
    if (!record.text("utfall").empty()) {
      utfall = row.amount("utfall");
      if (record.text("period").empty())
        row.fail(record.at("period"),
                 "period saknas: ange till och med vilken månad utfallet gäller (ÅÅÅÅMM)");
      else
        utfallPeriod = row.month("period");
    }
    const auto projekt = row.code("projekt");
    const std::string_view namn = record.text("namn");
    if (namn.empty()) row.fail(record.at("namn"), "namn saknas");
    if (projekt) {
      if (const auto earlier = lineOfProjekt.find(*projekt); earlier != lineOfProjekt.end())
        row.fail(record.at("projekt"), "projekt " + std::string(*projekt) + " finns redan på rad " +
                                           std::to_string(earlier->second));
    }
    if (!row.accept(budget)) return;
    lineOfProjekt.emplace(std::string(*projekt), record.line());
    result.projects.push_back({std::string(*projekt), std::string(namn),
                               std::string(record.text("grupp")), *budget, *ombudgetering, prognos,
                               utfall, utfallPeriod, std::string(record.text("kommentar")),
                               SourceLocation{source.displayName(), record.line(), ""}});
  });
  return result;
}

}  // namespace namnd
