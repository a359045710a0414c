#pragma once
// The small report both renderer tests draw: every kind of section, cell and row they must handle.

#include "reports/model/document.hpp"

namespace namnd::testing {

// A table with items, a subtotal and a total (whose budget, 150 452, is not the sum of the rounded
// rows, 150 450), negative amounts, percents, an empty and a NaN cell, a suppressed count, a text
// that looks like a formula and hostile names; then a text section and a check section. Its kind,
// "testrapport", has no template or layout of its own, so the generic ones are used.
Document sampleDocument();

// A column chart of hours per month, January to October: two series, "Övertidsersättning,
// timmar" (1 853 in January, no value for September) and "Inhyrd bemanning, timmar", with a
// footnote. Its id is "overtid_inhyrd".
Chart sampleChart();

// A document (kind "testrapport", as sampleDocument) whose only section is `chart`.
Document chartDocument(const Chart& chart);

}  // namespace namnd::testing
