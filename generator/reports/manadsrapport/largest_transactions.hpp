#pragma once
// "Största transaktioner": per ansvar the largest ledger rows of the month (by absolute amount),
// so that a politician's "why?" can be answered from the workbook. Amounts in kr with öre.

#include <vector>

#include "core/ledger_transaction.hpp"
#include "core/org_tree.hpp"
#include "core/placeholders.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// At most `perAnsvar` rows per ansvar, ansvar in code order, largest first (ties keep the input
// order). An empty `transactions` gives a table without rows and a footnote saying so.
Table buildLargestTransactions(const std::vector<LedgerTransaction>& transactions, int perAnsvar,
                               const OrgTree& tree, const ReportTexts& texts,
                               const PlaceholderValues& values);

}  // namespace namnd
