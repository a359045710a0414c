#include "reports/nyckeltal/nyckeltal_report.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"

namespace namnd {
namespace {

constexpr std::string_view kDash = "\xE2\x80\x93";  // "–"

// The org rows of a definition: the nämnd, then (depth first) the nodes down to the level asked.
void addRows(const OrgTree& tree, const OrgNode& node, int maxLevel, int depth,
             std::vector<std::pair<const OrgNode*, int>>& rows) {
  rows.emplace_back(&node, depth);
  if (node.level >= maxLevel) return;
  for (const OrgNode* child : tree.children(node.code))
    addRows(tree, *child, maxLevel, depth + 1, rows);
}

std::vector<std::pair<const OrgNode*, int>> rowsOf(const NyckeltalDefinition& d,
                                                   const OrgTree& tree, int reportLevel) {
  int maxLevel = 1;
  if (d.rader == NyckeltalRows::Omraden) maxLevel = reportLevel;
  if (d.rader == NyckeltalRows::Alla) maxLevel = 1'000;
  std::vector<std::pair<const OrgNode*, int>> rows;
  for (const OrgNode* root : tree.nodesAtLevel(1)) addRows(tree, *root, maxLevel, 0, rows);
  return rows;
}

bool isYearly(const NyckeltalDefinition& d) { return d.period != NyckeltalPeriod::Ack; }

std::string label(const ReportTexts& texts, NyckeltalPeriod semantics, Period period) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", period);
  return texts.text("perioder." + std::string(nyckeltalPeriodName(semantics)), values);
}

// The displayed value as a cell of a Percent (ratio) or Decimal column.
CellValue numberCell(std::int64_t scaled, const NyckeltalDefinition& d) {
  const int places = d.decimaler + (d.isPercent() ? 2 : 0);
  return static_cast<double>(scaled) / std::pow(10.0, places);
}

std::optional<std::int64_t> targetScaled(const std::optional<ExactRational>& target, int decimals) {
  if (!target) return std::nullopt;
  return target->roundedScaled(decimals);
}

std::string inputText(const NyckeltalInputValue& input) {
  if (!input.value) return std::string(kDash);
  const auto scaled = input.value->roundedScaled(2);
  if (!scaled) return std::string(kDash);
  return formatDecimal(static_cast<double>(*scaled) / 100.0, 2);
}

// The values of a figure's storheter on one line: "nettokostnad = 1 234,00 kr; invanare = 9 500".
std::string inputsLine(const NyckeltalFigure& figure) {
  std::string line;
  for (const NyckeltalInputValue& input : figure.inputs) {
    line += (line.empty() ? "" : "; ") + input.name + " = " + inputText(input);
    if (input.value && !input.unit.empty()) line += " " + input.unit;
    if (!input.note.empty()) line += " (" + input.note + ")";
  }
  return line;
}

class TableBuilder {
 public:
  TableBuilder(const ReportTexts& texts) : texts_(texts) {}

  // A cell: the number, or "–" with the marker of its reason's footnote. The reasons are the
  // table's first footnotes, so the marker is the number the renderers print before the note
  // ("1)" in the workbook, "1." in the page's list).
  CellValue cell(const NyckeltalFigure& figure, const NyckeltalDefinition& d) {
    if (figure.scaled) return numberCell(*figure.scaled, d);
    auto [it, inserted] = markers_.emplace(figure.problem, static_cast<int>(markers_.size()) + 1);
    if (inserted) {
      PlaceholderValues values{
          {"nummer", std::to_string(it->second)}, {"id", d.id}, {"orsak", figure.problem}};
      footnotes_.push_back(texts_.text("tabell.saknas", values));
    }
    return std::string(kDash) + " " + std::to_string(it->second) + ")";
  }

  void note(const std::string& text) {
    for (const auto& existing : notes_)
      if (existing == text) return;
    notes_.push_back(text);
  }

  const std::vector<std::string>& reasons() const { return footnotes_; }
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  const ReportTexts& texts_;
  std::map<std::string, int> markers_;
  std::vector<std::string> footnotes_;
  std::vector<std::string> notes_;
};

Table definitionTable(const NyckeltalRequest& request, const ReportTexts& texts) {
  const PlaceholderValues none;
  const auto t = [&](const std::string& key) { return texts.text("definitioner." + key, none); };
  Table table{.id = "definitioner", .title = t("rubrik")};
  for (const char* key :
       {"id", "namn", "enhet", "formel", "period", "storheter", "hogre", "beskrivning", "katalog"})
    table.columns.push_back({.header = t(key), .kind = ColumnKind::Text});
  for (const NyckeltalDefinition* d : request.definitions) {
    std::string storheter;
    for (const StorhetDefinition& s : d->storheter)
      storheter += (storheter.empty() ? "" : "; ") + s.name + " = " + s.describe();
    const std::string higher =
        d->hogreArBattre ? (*d->hogreArBattre ? t("ja") : t("nej")) : std::string(kDash);
    table.rows.push_back({.cells = {d->id, d->namn, d->enhet, d->formel.text(),
                                    std::string(nyckeltalPeriodName(d->period)), storheter, higher,
                                    d->beskrivning, d->source}});
  }
  return table;
}

Table underlagTable(const std::vector<NyckeltalResult>& results, const ReportTexts& texts) {
  // The workbook's Underlag sheet: every row, to filter.
  const PlaceholderValues none;
  const auto t = [&](const std::string& key) { return texts.text("underlag." + key, none); };
  Table table{.id = "underlag", .title = t("rubrik")};
  for (const char* key :
       {"id", "organisation", "period", "storhet", "varde", "enhet", "anmarkning"})
    table.columns.push_back({.header = t(key), .kind = ColumnKind::Text});
  const auto add = [&](const NyckeltalResult& r, Period period, const NyckeltalFigure& figure) {
    for (const NyckeltalInputValue& input : figure.inputs)
      table.rows.push_back({.cells = {r.definition->id, r.node->name + " (" + r.node->code + ")",
                                      label(texts, r.definition->period, period), input.name,
                                      inputText(input), input.unit, input.note}});
  };
  for (const NyckeltalResult& r : results) {
    add(r, r.period, r.value);
    add(r, r.comparisonPeriod, r.comparison);
  }
  return table;
}

}  // namespace

std::vector<NyckeltalResult> computeNyckeltal(const NyckeltalRequest& request,
                                              NyckeltalEvaluator& evaluator, const OrgTree& tree) {
  std::vector<NyckeltalResult> results;
  for (const NyckeltalDefinition* d : request.definitions) {
    const auto rows = rowsOf(*d, tree, request.reportLevel);
    std::optional<ExactRational> target = d->mal;
    if (const auto found = request.targets.find(d->id); found != request.targets.end())
      target = found->second;
    for (const Period period : request.periods) {
      const Period comparison =
          isYearly(*d) ? Period(period.year() - 1, 12) : period.sameMonthLastYear();
      for (const auto& [node, depth] : rows)
        results.push_back({.definition = d,
                           .node = node,
                           .depth = depth,
                           .period = period,
                           .value = evaluator.evaluate(*d, *node, period),
                           .comparisonPeriod = comparison,
                           .comparison = evaluator.evaluate(*d, *node, comparison),
                           .target = target});
    }
  }
  return results;
}

Document buildNyckeltalDocument(const std::vector<NyckeltalResult>& results,
                                const NyckeltalRequest& request, DocumentMeta meta,
                                const ReportTexts& texts, NyckeltalLayout layout) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", request.periods.back());
  meta.periodLabel = texts.text("periodtext", values);
  meta.documentDate = values.at("period.datum");
  Document document{.kind = "nyckeltal", .title = texts.text("titel", values), .meta = meta};

  const PlaceholderValues none;
  for (const NyckeltalDefinition* d : request.definitions) {
    const bool hasTarget =
        std::any_of(results.begin(), results.end(),
                    [&](const NyckeltalResult& r) { return r.definition == d && r.target; });
    const ColumnKind kind = d->isPercent() ? ColumnKind::Percent : ColumnKind::Decimal;
    Table table{.id = "nyckeltal_" + d->id,
                .title = d->namn,
                .unitNote = texts.text("tabell.enhet", {{"enhet", d->enhet}})};
    table.columns = {
        {.header = texts.text("tabell.organisation", none), .kind = ColumnKind::Text},
        {.header = texts.text("tabell.period", none), .kind = ColumnKind::Text},
        {.header = texts.text("tabell.varde", none), .kind = kind, .decimals = d->decimaler},
        {.header = texts.text("tabell.foregaende", none), .kind = kind, .decimals = d->decimaler}};
    if (hasTarget)
      table.columns.push_back(
          {.header = texts.text("tabell.mal", none), .kind = kind, .decimals = d->decimaler});
    TableBuilder builder(texts);
    std::vector<std::string> inputs;  // the page's footnotes with each row's storheter
    for (const NyckeltalResult& r : results) {
      if (r.definition != d) continue;
      if (layout == NyckeltalLayout::Page)
        for (const auto& [figure, period] :
             {std::pair{&r.value, r.period}, std::pair{&r.comparison, r.comparisonPeriod}})
          inputs.push_back(
              texts.text("tabell.underlag", {{"id", d->id},
                                             {"org", r.node->name},
                                             {"kod", r.node->code},
                                             {"period", label(texts, d->period, period)},
                                             {"varden", inputsLine(*figure)}}));
      Row row{.kind = r.depth == 0 ? RowKind::Total : RowKind::Item, .level = r.depth};
      row.cells = {r.node->name, label(texts, d->period, r.period), builder.cell(r.value, *d),
                   builder.cell(r.comparison, *d)};
      if (hasTarget) {
        const auto target = targetScaled(r.target, d->decimaler);
        row.cells.push_back(target
                                ? CellValue(static_cast<double>(*target) /
                                            std::pow(10.0, d->decimaler + (d->isPercent() ? 2 : 0)))
                                : CellValue(std::monostate{}));
      }
      table.rows.push_back(std::move(row));
      for (const auto& [figure, period] :
           {std::pair{&r.value, r.period}, std::pair{&r.comparison, r.comparisonPeriod}})
        for (const std::string& note : figure->notes)
          if (figure->scaled)
            builder.note(
                texts.text("tabell.anmarkning", {{"id", d->id},
                                                 {"org", r.node->name},
                                                 {"period", label(texts, d->period, period)},
                                                 {"anmarkning", note}}));
    }
    // Reasons first (their markers are their numbers), then the formula, notes and inputs.
    table.footnotes = builder.reasons();
    table.footnotes.push_back(
        texts.text(layout == NyckeltalLayout::Page ? "tabell.formel_sida" : "tabell.formel",
                   {{"id", d->id}, {"namn", d->namn}, {"formel", d->formel.text()}}));
    for (const std::string& note : builder.notes()) table.footnotes.push_back(note);
    table.footnotes.insert(table.footnotes.end(), inputs.begin(), inputs.end());
    document.sections.push_back(std::move(table));
  }
  document.sections.push_back(definitionTable(request, texts));
  if (layout == NyckeltalLayout::Workbook)
    document.sections.push_back(underlagTable(results, texts));
  return document;
}

}  // namespace namnd
