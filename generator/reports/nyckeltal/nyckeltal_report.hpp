#pragma once
// The nyckeltal extract: the requested definitions computed per org row and period (with the
// same period a year earlier and the target), and the Document that shows them — one table per
// definition, a Definitioner table (formula, storheter, source) and an Underlag table with every
// input value each figure was computed from. A figure without a value is "–" with a footnote that
// names the definition id and why.

#include <map>
#include <string>
#include <vector>

#include "core/org_tree.hpp"
#include "reports/model/document.hpp"
#include "reports/nyckeltal/nyckeltal_evaluation.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct NyckeltalRequest {
  std::vector<const NyckeltalDefinition*> definitions;  // into the catalogue
  std::vector<Period> periods;                          // ascending
  int reportLevel = 2;                                  // the "omraden" rows
  std::map<std::string, ExactRational> targets;         // by id, over the definitions' own
};

struct NyckeltalResult {
  const NyckeltalDefinition* definition = nullptr;
  const OrgNode* node = nullptr;
  int depth = 0;  // indentation in the table
  Period period;
  NyckeltalFigure value;
  Period comparisonPeriod;  // the same period a year earlier (December for a helår figure)
  NyckeltalFigure comparison;
  std::optional<ExactRational> target;
};

// Results in output order: per definition, per period, per org row. The rows point into `tree`.
std::vector<NyckeltalResult> computeNyckeltal(const NyckeltalRequest& request,
                                              NyckeltalEvaluator& evaluator, const OrgTree& tree);

// Where the document is read. A workbook has the inputs in its Underlag sheet; a page (html)
// lists each table's inputs in that table's footnotes and has no Underlag table, so that it is
// complete on its own however many rows there are.
enum class NyckeltalLayout { Workbook, Page };

Document buildNyckeltalDocument(const std::vector<NyckeltalResult>& results,
                                const NyckeltalRequest& request, DocumentMeta meta,
                                const ReportTexts& texts,
                                NyckeltalLayout layout = NyckeltalLayout::Workbook);

}  // namespace namnd
