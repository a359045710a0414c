#include "render/html/html_renderer.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "render/atomic_output_file.hpp"
#include "render/html/page_logo.hpp"
#include "render/html/svg_chart.hpp"
#include "render/html/template_file.hpp"
#include "render/template_kind.hpp"
#include "render/text_width.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

constexpr int kMaxIndentClass = 6;  // style.css defines indent-0 … indent-6
// A table that does not fit an A4 portrait page at a readable size gets the class "wide", which
// style.css prints on a landscape page. Its width is estimated in characters of the print font
// (9.5 pt): about 105 fit across a portrait page. A number column is as wide as its widest
// number or the longest word of its header; a text column wraps its longer cells.
constexpr std::size_t kPortraitCharacters = 105;
constexpr std::size_t kCellPadding = 3;
constexpr std::size_t kTextColumnWraps = 32;
// A chart's data table has a category column and one per series.
constexpr std::size_t kWideChartColumns = 6;

fs::path pageTemplate(const fs::path& templatesDir, const std::string& kind) {
  if (isSafeTemplateKind(kind)) {
    const fs::path own = templatesDir / "html" / (kind + ".mustache");
    if (fs::exists(own)) return own;
  }
  return templatesDir / "html" / "document.mustache";
}

// Mustache sections treat every string as true, so conditions are explicit booleans.
data flag(bool value) { return data(value ? data::type::bool_true : data::type::bool_false); }

bool isNumeric(ColumnKind kind) { return kind != ColumnKind::Text; }

// The displayed text of a cell. Not-finite doubles show as empty, as in the workbook.
std::string cellText(const CellValue& value, const Column& column) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else {
          const double asDouble = static_cast<double>(v);
          if (!std::isfinite(asDouble)) return "";
          if (column.kind == ColumnKind::Percent) return formatPercent(asDouble, column.decimals);
          if constexpr (std::is_same_v<T, std::int64_t>) {
            if (column.kind != ColumnKind::Decimal)
              return column.showPlusSign ? formatSignedInteger(v) : formatInteger(v);
          }
          return formatDecimal(asDouble, column.decimals);
        }
      },
      value);
}

data cellData(const CellValue& value, const Column& column, std::string extraClass) {
  const std::string text = cellText(value, column);
  std::string cssClass = isNumeric(column.kind) ? "num" : "text";
  // A negative number keeps its minus sign; the class only adds emphasis.
  const bool negative = column.markNegative && isNumeric(column.kind) &&
                        !std::holds_alternative<std::string>(value) && text.starts_with("-");
  if (negative) cssClass += " neg";
  if (!extraClass.empty()) cssClass += " " + extraClass;
  data cell;
  cell.set("text", text);
  cell.set("cssClass", cssClass);
  return cell;
}

std::string rowClass(RowKind kind) {
  switch (kind) {
    case RowKind::Item:
      return "item";
    case RowKind::Subtotal:
      return "subtotal";
    case RowKind::Total:
      return "total";
  }
  return "item";
}

enum class EntryKind { Table, Text, Check, Chart, PartStart, PartEnd };

// What an entry of the page's list is; every flag is set, so that Mustache never looks one up
// in the enclosing context.
data entry(EntryKind kind) {
  data d;
  d.set("isTable", flag(kind == EntryKind::Table));
  d.set("isText", flag(kind == EntryKind::Text));
  d.set("isCheck", flag(kind == EntryKind::Check));
  d.set("isChart", flag(kind == EntryKind::Chart));
  d.set("isPartStart", flag(kind == EntryKind::PartStart));
  d.set("isPartEnd", flag(kind == EntryKind::PartEnd));
  d.set("isWide", flag(false));
  return d;
}

data idData(data section, const std::string& id) {
  section.set("id", id);
  section.set("hasId", flag(!id.empty()));  // an empty id attribute is invalid HTML
  return section;
}

data footnoteData(data d, const std::vector<std::string>& notes) {
  data footnotes(data::type::list);
  for (const std::string& note : notes) footnotes.push_back(data("text", note));
  d.set("footnotes", footnotes);
  d.set("hasFootnotes", flag(!notes.empty()));
  return d;
}

bool isWideTable(const Table& table) {
  std::size_t characters = 0;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& column = table.columns[c];
    const std::size_t headerWord = longestWord(column.header);
    std::size_t widest = 0;
    for (const Row& row : table.rows) {
      if (c < row.cells.size())
        widest = std::max(widest, codePoints(cellText(row.cells[c], column)));
    }
    if (column.kind == ColumnKind::Text) widest = std::min(widest, kTextColumnWraps);
    characters += std::max(widest, headerWord) + kCellPadding;
  }
  return characters > kPortraitCharacters;
}

// Whether a section prints on a landscape page (see kPortraitCharacters).
bool printsWide(const Section& section) {
  if (const auto* table = std::get_if<Table>(&section)) {
    return !table->pageSummary && isWideTable(*table);
  }
  if (const auto* chart = std::get_if<Chart>(&section)) {
    return chart->series.size() + 1 > kWideChartColumns;
  }
  return false;
}

data tableData(const Table& table) {
  data d = entry(EntryKind::Table);
  d.set("title", table.title);
  d.set("isWide", flag(isWideTable(table)));
  d.set("unitNote", table.unitNote);
  d.set("hasUnitNote", flag(!table.unitNote.empty()));

  data columns(data::type::list);
  for (const Column& column : table.columns) {
    data c;
    c.set("header", column.header);
    c.set("cssClass", isNumeric(column.kind) ? "num" : "text");
    columns.push_back(c);
  }
  d.set("columns", columns);

  // Rows render only when there is a first cell to head them.
  data rows(data::type::list);
  const std::size_t columnCount = table.columns.size();
  for (const Row& row : table.rows) {
    if (columnCount == 0) break;
    const auto cellAt = [&](std::size_t i) {
      return i < row.cells.size() ? row.cells[i] : CellValue{};
    };
    data r;
    const int indent = std::clamp(row.level, 0, kMaxIndentClass);
    r.set("cssClass", rowClass(row.kind) + " level-" + std::to_string(indent));
    r.set("first", cellData(cellAt(0), table.columns[0], "indent-" + std::to_string(indent)));
    data rest(data::type::list);
    for (std::size_t i = 1; i < columnCount; ++i) {
      rest.push_back(cellData(cellAt(i), table.columns[i], ""));
    }
    r.set("rest", rest);
    rows.push_back(r);
  }
  d.set("rows", rows);

  return idData(footnoteData(d, table.footnotes), table.id);
}

data textData(const TextSection& text) {
  data d = entry(EntryKind::Text);
  d.set("title", text.title);
  data paragraphs(data::type::list);
  for (const std::string& p : text.paragraphs) paragraphs.push_back(data("text", p));
  d.set("paragraphs", paragraphs);
  data bullets(data::type::list);
  for (const std::string& b : text.bullets) bullets.push_back(data("text", b));
  d.set("bullets", bullets);
  d.set("hasBullets", flag(!text.bullets.empty()));
  return idData(d, text.id);
}

data checkData(const CheckSection& checks) {
  data d = entry(EntryKind::Check);
  d.set("title", checks.title);
  data items(data::type::list);
  for (const CheckItem& item : checks.items) {
    data i;
    i.set("description", item.description);
    i.set("detail", item.detail);
    switch (item.status) {
      case CheckStatus::Ok:
        i.set("status", "OK");
        i.set("statusClass", "status-ok");
        break;
      case CheckStatus::Warning:
        i.set("status", "Varning");
        i.set("statusClass", "status-warning");
        break;
      case CheckStatus::Error:
        i.set("status", "Fel");
        i.set("statusClass", "status-error");
        break;
    }
    items.push_back(i);
  }
  d.set("items", items);
  return idData(d, checks.id);
}

// A chart is a figure (the SVG and its text alternative as caption) followed by its data as a
// table, so that nothing depends on seeing the picture; "Inga uppgifter att visa." when there
// is nothing to draw. `idPrefix` keeps the SVG's element ids unique in the page.
data chartData(const Chart& chart, const std::string& idPrefix, const ChartPalette& palette) {
  data d = entry(EntryKind::Chart);
  d.set("title", chart.title);
  d.set("isWide", flag(printsWide(chart)));
  d.set("description", chart.description);
  d.set("hasDescription", flag(!chart.description.empty()));
  d.set("unitNote", chart.valueAxis);
  d.set("hasUnitNote", flag(!chart.valueAxis.empty()));
  const bool hasData = chartHasData(chart);
  d.set("hasData", flag(hasData));
  d.set("svg", renderSvgChart(chart, idPrefix, palette));

  data columns(data::type::list);
  for (const ChartSeries& series : chart.series) columns.push_back(data("header", series.name));
  d.set("columns", columns);

  const Column valueColumn{"", ColumnKind::Decimal, std::clamp(chart.decimals, 0, 10)};
  data rows(data::type::list);
  for (std::size_t c = 0; hasData && c < chart.categories.size(); ++c) {
    data r;
    r.set("category", chart.categories[c]);
    data cells(data::type::list);
    for (const ChartSeries& series : chart.series) {
      const std::optional<double> value =
          c < series.values.size() ? series.values[c] : std::nullopt;
      cells.push_back(cellData(value ? CellValue{*value} : CellValue{}, valueColumn, ""));
    }
    r.set("cells", cells);
    rows.push_back(r);
  }
  d.set("rows", rows);
  return idData(footnoteData(d, chart.footnotes), chart.id);
}

// Whether the part starting at `index` has a section before the next part or the end.
bool partHasSections(const std::vector<Section>& sections, std::size_t index) {
  return index + 1 < sections.size() && !std::holds_alternative<PartHeading>(sections[index + 1]);
}

// The page's list: the sections in order, each with its heading element ("h2", or "h3" inside a
// part), and around a part's sections a start entry (the part's <section> and its h2) and an end
// entry. A part with an empty title only ends the one before; a part without sections is left
// out, so that no heading stands without content. Texts directly before a wide section, and a
// part's heading before them, print on the wide section's landscape page, so that no heading is
// left alone at the foot of a portrait page.
data sectionList(const std::vector<Section>& sections, const ChartPalette& palette) {
  std::vector<bool> onWidePage(sections.size() + 1, false);
  const auto isPart = [&sections](std::size_t i) {
    return i < sections.size() && std::holds_alternative<PartHeading>(sections[i]);
  };
  for (std::size_t i = sections.size(); i-- > 0;) {
    if (isPart(i)) {
      onWidePage[i] = onWidePage[i + 1];
    } else if (std::holds_alternative<TextSection>(sections[i])) {
      onWidePage[i] = !isPart(i + 1) && onWidePage[i + 1];  // a new part starts a new page
    } else {
      onWidePage[i] = printsWide(sections[i]);
    }
  }
  const auto nextPrintsWide = [&onWidePage](std::size_t i) { return onWidePage[i + 1]; };
  data list(data::type::list);
  bool inPart = false;
  int charts = 0;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (const auto* part = std::get_if<PartHeading>(&sections[i])) {
      if (inPart) list.push_back(entry(EntryKind::PartEnd));
      inPart = !part->title.empty() && partHasSections(sections, i);
      if (inPart) {
        data start = entry(EntryKind::PartStart);
        start.set("title", part->title);
        start.set("isWide", flag(nextPrintsWide(i)));
        list.push_back(idData(start, part->id));
      }
      continue;
    }
    data d = std::visit(
        [&charts, &palette](const auto& s) -> data {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, Table>) {
            if (s.pageSummary) {
              std::vector<std::string> paragraphs{*s.pageSummary};
              paragraphs.insert(paragraphs.end(), s.footnotes.begin(), s.footnotes.end());
              return textData(TextSection{s.id, s.title, paragraphs, {}});
            }
            return tableData(s);
          } else if constexpr (std::is_same_v<T, TextSection>) {
            return textData(s);
          } else if constexpr (std::is_same_v<T, Chart>) {
            return chartData(s, "diagram-" + std::to_string(++charts), palette);
          } else if constexpr (std::is_same_v<T, CheckSection>) {
            return checkData(s);
          } else {
            static_assert(std::is_same_v<T, PartHeading>);
            return data();  // handled above
          }
        },
        sections[i]);
    d.set("heading", inPart ? "h3" : "h2");
    if (std::holds_alternative<TextSection>(sections[i]) && onWidePage[i]) {
      d.set("isWide", flag(true));
    }
    list.push_back(d);
  }
  if (inPart) list.push_back(entry(EntryKind::PartEnd));
  return list;
}

data documentData(const Document& doc, const std::string& css, const std::string& logo,
                  const ChartPalette& palette) {
  data d;
  d.set("title", doc.title);
  d.set("kind", doc.kind);
  d.set("css", css);
  d.set("logo", logo);
  d.set("hasLogo", flag(!logo.empty()));

  data meta;
  meta.set("kommun", doc.meta.kommun);
  meta.set("namnd", doc.meta.namnd);
  meta.set("forvaltning", doc.meta.forvaltning);
  meta.set("author", doc.meta.author);
  meta.set("periodLabel", doc.meta.periodLabel);
  meta.set("documentDate", doc.meta.documentDate);
  d.set("meta", meta);

  // The line below the heading: kommun, nämnd, period (the CSS puts separators between them).
  data metaItems(data::type::list);
  bool hasMeta = false;
  for (const std::string* item : {&doc.meta.kommun, &doc.meta.namnd, &doc.meta.periodLabel}) {
    if (item->empty()) continue;
    metaItems.push_back(data("text", *item));
    hasMeta = true;
  }
  d.set("metaItems", metaItems);
  d.set("hasMeta", flag(hasMeta));

  // The document header block (a tjänsteskrivelse's förvaltning, handläggare, datum, dnr).
  data headerFields(data::type::list);
  for (const HeaderField& field : doc.meta.header) {
    data f;
    f.set("label", field.label);
    f.set("value", field.value);
    headerFields.push_back(f);
  }
  d.set("headerFields", headerFields);
  d.set("hasHeaderBlock", flag(!doc.meta.header.empty()));

  d.set("sections", sectionList(doc.sections, palette));
  return d;
}

}  // namespace

void renderHtml(const Document& doc, const fs::path& templatesDir, const fs::path& outFile) {
  const fs::path templateFile = pageTemplate(templatesDir, doc.kind);
  const std::string css = pageStyleSheet(templatesDir);
  const std::string logo = inlineLogo(templatesDir, doc.meta.kommun);

  mustache page(readTemplateFile(templateFile));
  if (!page.is_valid()) {
    throw OutputError("Mallen " + templateFile.string() +
                      " kan inte tolkas: " + page.error_message());
  }
  const std::string html =
      page.render(documentData(doc, css, logo, loadChartPalette(templatesDir)));
  // Some template errors (e.g. an unclosed section inside a list) only show while rendering.
  if (!page.is_valid()) {
    throw OutputError("Mallen " + templateFile.string() +
                      " kan inte tolkas: " + page.error_message());
  }

  AtomicOutputFile out(outFile);
  out.write(html);
  out.commit();
}

}  // namespace namnd
