#include "ingest/goal_reader.hpp"

#include <algorithm>
#include <map>

#include "core/number_parse.hpp"
#include "ingest/row_check.hpp"

namespace namnd {
namespace {

TableSpec goalSpec(int year) {
  const std::string y = std::to_string(year);
  const std::string y1 = std::to_string(year - 1);
  const std::string y2 = std::to_string(year - 2);
  return {
      {{"malomrade", {"målområde", "malomraden", "område", "omrade"}, true},
       {"vision", {"visionen", "malomradets vision"}, false},
       {"mal", {"nämndsmål", "namndsmal", "mål text"}, false},
       {"matetal", {"mätetal", "matt", "mått", "nyckeltal"}, false},
       {"utfall_ar_2", {"utfall " + y2}, false},
       {"utfall_ar_1", {"utfall " + y1}, false},
       {"mal_ar", {"mål " + y, "malvarde", "målvärde"}, false},
       {"delar_ar", {"delår " + y, "delar " + y, "utfall delar"}, false},
       {"prognos_ar", {"prognos " + y}, false},
       {"status", {"maluppfyllelse", "måluppfyllelse", "bedomning", "bedömning"}, false},
       {"fotnot", {"fotnotsmarkering", "markering"}, false},
       {"fotnotstext", {"fotnot text", "fotnotens text"}, false},
       {"berakning", {"beräkning", "formel", "beräknas som"}, false},
       {"decimaler", {"antal decimaler"}, false},
       {"period", {"avser period", "delår per", "delar per", "värden per", "varden per"}, false}},
      {}};
}

// "* **" → {"*", "**"}.
std::vector<std::string> markersIn(std::string_view text) {
  std::vector<std::string> markers;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ') ++end;
    if (end > i) markers.emplace_back(text.substr(i, end - i));
    i = end;
  }
  return markers;
}

}  // namespace

GoalImport readGoals(TabularSource& source, int year) {
  const TableSpec spec = goalSpec(year);
  GoalImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Budget;
  summary.sourcePath = source.displayName();
  bool first = true;
  // Per (area, goal): the line of each footnote marker's definition.
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::string, std::int64_t>> defined;
  struct PendingMarker {
    std::size_t area, goal;
    std::string marker;
    SourceLocation where;
  };
  std::vector<PendingMarker> used;

  source.read(spec, [&](const Record& record) {
    if (first) {
      for (std::size_t c = 0; c < kGoalValueCount; ++c)
        result.hasColumn[c] = record.has(kGoalValueColumns[c]);
      first = false;
    }
    RowCheck row(record, summary);
    const auto areaName = row.code("malomrade");
    const std::string_view vision = record.text("vision");
    const std::string_view mal = record.text("mal");
    const std::string_view matetal = record.text("matetal");
    const std::string_view fotnot = record.text("fotnot");
    const std::string_view fotnotstext = record.text("fotnotstext");
    std::array<std::string, kGoalValueCount> values;
    bool anyValue = false;
    for (std::size_t c = 0; c < kGoalValueCount; ++c) {
      values[c] = std::string(record.text(kGoalValueColumns[c]));
      anyValue = anyValue || !values[c].empty();
    }
    GoalArea* area = nullptr;
    if (areaName) {
      const auto found = std::find_if(result.areas.begin(), result.areas.end(),
                                      [&](const GoalArea& a) { return a.name == *areaName; });
      if (found != result.areas.end()) {
        area = &*found;
        if (!vision.empty() && !area->vision.empty() && area->vision != vision)
          row.fail(record.at("vision"),
                   "målområdet " + std::string(*areaName) + " har redan en annan vision");
      }
    }
    if (!fotnotstext.empty()) {
      if (fotnot.empty()) row.fail(record.at("fotnot"), "fotnotsraden saknar markering");
      if (!matetal.empty())
        row.fail(record.at("matetal"),
                 "en fotnotsrad har inget mätetal (skriv markeringen i kolumnen fotnot på "
                 "mätetalets rad och fotnoten på en egen rad)");
    } else if (matetal.empty() && anyValue) {
      row.fail(record.at("matetal"), "mätetal saknas för värdena på raden");
    }
    const std::string_view berakningText = record.text("berakning");
    std::optional<VolymFormula> berakning;
    int decimals = 0;
    if (!berakningText.empty()) {
      std::string error;
      berakning = parseVolymFormula(berakningText, &error);
      if (!berakning)
        row.fail(record.at("berakning"),
                 "ogiltig beräkning \"" + std::string(berakningText) + "\": " + error +
                     " (skriv t.ex. senaste(anstallda), summa(placeringsdygn) eller "
                     "andel(heltidsanstallda, anstallda))");
      else if (matetal.empty())
        row.fail(record.at("matetal"), "mätetal saknas för beräkningen på raden");
      else if (!values[kGoalDelar].empty())
        row.fail(record.at("delar_ar"), "delåret är både ifyllt (\"" + values[kGoalDelar] +
                                            "\") och beräknat (" + std::string(berakningText) +
                                            "): lämna cellen tom");
    }
    if (const std::string_view typed = record.text("decimaler"); !typed.empty()) {
      const auto parsed = parseWholeNumber(typed);
      if (!parsed || *parsed < 0 || *parsed > 4)
        row.fail(record.at("decimaler"),
                 "ogiltigt antal decimaler \"" + std::string(typed) + "\" (0–4 väntades)");
      else
        decimals = static_cast<int>(*parsed);
    }
    std::optional<Period> period;
    if (!record.text("period").empty()) period = row.month("period");
    if (!row.accept(std::nullopt)) return;

    if (!area) {
      result.areas.push_back({std::string(*areaName), "", {}});
      area = &result.areas.back();
    }
    if (area->vision.empty()) area->vision = std::string(vision);
    auto goalIt = std::find_if(area->goals.begin(), area->goals.end(),
                               [&](const Goal& g) { return g.mal == mal; });
    if (goalIt == area->goals.end()) {
      area->goals.push_back({std::string(mal), "", {}, {}});
      goalIt = area->goals.end() - 1;
    }
    const std::size_t areaIndex = static_cast<std::size_t>(area - result.areas.data());
    const std::size_t goalIndex = static_cast<std::size_t>(goalIt - area->goals.begin());
    if (!fotnotstext.empty()) {
      auto& markers = defined[{areaIndex, goalIndex}];
      if (const auto earlier = markers.find(std::string(fotnot)); earlier != markers.end()) {
        // Accepted above as a row; the duplicate is a rejection of its own.
        --summary.rowsAccepted;
        summary.rejected.push_back({record.at("fotnot"), "fotnoten " + std::string(fotnot) +
                                                             " finns redan på rad " +
                                                             std::to_string(earlier->second)});
        return;
      }
      markers.emplace(std::string(fotnot), record.line());
      goalIt->footnotes.push_back({std::string(fotnot), std::string(fotnotstext)});
      return;
    }
    if (matetal.empty()) {
      if (!record.text("status").empty()) goalIt->status = std::string(record.text("status"));
      return;
    }
    for (const std::string& marker : markersIn(fotnot))
      used.push_back({areaIndex, goalIndex, marker, record.at("fotnot")});
    goalIt->measures.push_back({std::string(matetal), std::string(fotnot), std::move(values),
                                std::string(record.text("status")),
                                SourceLocation{source.displayName(), record.line(), ""},
                                std::move(berakning), decimals, record.at("berakning"), period,
                                record.at("period")});
  });

  // One period for the whole file may be written on one row (or on every row); rows of a file
  // with several periods must each say theirs when they have a typed Delår.
  std::vector<Period> periods;
  for (const GoalArea& area : result.areas)
    for (const Goal& goal : area.goals)
      for (const GoalMeasure& measure : goal.measures)
        if (measure.period &&
            std::find(periods.begin(), periods.end(), *measure.period) == periods.end())
          periods.push_back(*measure.period);
  for (GoalArea& area : result.areas)
    for (Goal& goal : area.goals)
      for (GoalMeasure& measure : goal.measures) {
        if (measure.period) continue;
        if (periods.size() == 1) {
          measure.period = periods.front();
        } else if (periods.size() > 1 && !measure.values[kGoalDelar].empty()) {
          --summary.rowsAccepted;
          summary.rejected.push_back(
              {measure.periodWhere,
               "period saknas: filen har delårsvärden för flera månader, ange på raden vilken "
               "månad delåret avser (ÅÅÅÅMM)"});
        }
      }

  for (const PendingMarker& marker : used) {
    const auto markers = defined.find({marker.area, marker.goal});
    if (markers == defined.end() || !markers->second.contains(marker.marker))
      summary.rejected.push_back(
          {marker.where, "fotnoten " + marker.marker + " saknar text: lägg till en rad med " +
                             "fotnot " + marker.marker + " och fotnotstext för samma mål"});
  }
  return result;
}

}  // namespace namnd
