#pragma once
// The renderer-neutral report model. Report builders produce a Document; renderers (xlsx, html)
// turn it into files. Nothing here knows libxlsxwriter or HTML.
//
// Values are as displayed: amounts are already rounded to the table's unit (tkr) by the report
// builder, following the configured rounding mode. Renderers never round money.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace namnd {

enum class ColumnKind {
  Text,     // std::string
  Amount,   // std::int64_t in the table's unit (tkr), formatted "#,##0"
  Percent,  // double ratio (0.154 = 15,4 %), `decimals` places
  Decimal,  // double, `decimals` places
  Count,    // std::int64_t, no unit
};

struct Column {
  std::string header;
  ColumnKind kind = ColumnKind::Text;
  int decimals = 0;
  // False where a negative is a sign convention (Intäkter are negative), not an underskott:
  // the page then shows the minus sign without the emphasis of a negative deviation.
  bool markNegative = true;
  // A change against an earlier period: a positive value is written with its plus sign ("+18"),
  // as a reader expects a change to be shown. Integer cells only.
  bool showPlusSign = false;
};

// A cell is empty, a text, an integer (Amount/Count) or a double (Percent/Decimal). A double is
// always finite: builders put std::monostate where a ratio has no value.
using CellValue = std::variant<std::monostate, std::string, std::int64_t, double>;

enum class RowKind { Item, Subtotal, Total };

struct Row {
  RowKind kind = RowKind::Item;
  int level = 0;                 // indentation depth within the table
  std::vector<CellValue> cells;  // one per column
};

struct Table {
  std::string id;        // stable identifier, used for sheet names and anchors ("omraden")
  std::string title;     // "Verksamhetsområden"
  std::string unitNote;  // "Belopp i tkr"
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> footnotes;
  // Set for a table meant for the workbook only (hundreds of rows to filter): a page shows this
  // sentence and the footnotes instead of the rows.
  std::optional<std::string> pageSummary;
};

struct TextSection {
  std::string id;
  std::string title;
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
};

enum class CheckStatus { Ok, Warning, Error };

struct CheckItem {
  std::string description;  // "Σ huvudbok = Σ redovisat + Σ ej mappat"
  std::string detail;       // "173 605 400,00 kr = 173 605 400,00 kr + 0,00 kr"
  CheckStatus status = CheckStatus::Ok;
};

struct CheckSection {
  std::string id;
  std::string title;  // "Kontroller"
  std::vector<CheckItem> items;
};

enum class ChartKind {
  Column,         // vertical bars, series side by side
  StackedColumn,  // vertical bars, series stacked
  Bar,            // horizontal bars (long category names)
  Line,           // a trend over time
};

struct ChartSeries {
  std::string name;                           // legend text: "Övertidsersättning, timmar"
  std::vector<std::optional<double>> values;  // one per category; nullopt = no value
};

// A chart with its data: renderers draw it (a native Excel chart, inline SVG) and also show the
// data as a table, so that nothing depends on seeing the picture.
struct Chart {
  std::string id;           // stable identifier ("overtid_inhyrd")
  std::string title;        // "Övertidsersättning och inhyrd personal KPV, timmar (Jan-okt 2025)"
  std::string description;  // the text alternative: what the chart shows, in one or two sentences
  std::string valueAxis;    // "Timmar", "tkr"
  ChartKind kind = ChartKind::Column;
  int decimals = 0;                     // of the values in the data table
  std::vector<std::string> categories;  // x axis: months, enheter, areas
  std::vector<ChartSeries> series;
  std::vector<std::string> footnotes;
};

// The start of a part of a document (the tjänsteskrivelse, the report itself, a bilaga): its title
// is a heading one level above the sections that follow, up to the next part. A part with an empty
// title ends the previous one without starting another.
struct PartHeading {
  std::string id;
  std::string title;
};

using Section = std::variant<Table, TextSection, CheckSection, Chart, PartHeading>;

// One line of a document header block: "Diarienummer" → "SN 2025/112".
struct HeaderField {
  std::string label;
  std::string value;
};

struct DocumentMeta {
  std::string kommun;
  std::string namnd;
  std::string forvaltning;
  std::string author;
  std::string periodLabel;   // "Oktober 2025"
  std::string documentDate;  // ISO date the document is "as of" (fixed from the period, so
                             // that outputs are deterministic): "2025-10-31"
  // A header block shown before the first section (a tjänsteskrivelse's förvaltning,
  // handläggare, datum, diarienummer); empty = none. Any report may use it.
  std::vector<HeaderField> header;
};

struct Document {
  std::string kind;   // "manadsrapport" (selects templates)
  std::string title;  // "Månadsrapport oktober 2025"
  DocumentMeta meta;
  std::vector<Section> sections;
};

}  // namespace namnd
