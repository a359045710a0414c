#pragma once
// The free text from systems that the månadsrapport and the delårsrapport show, held against the
// config's "publicerbara_kolumner" (core/publication_policy.hpp) once the sections are built and
// before anything is written: a ledger row's text, motpart and vernr in "Största transaktioner",
// an enhetschef's kommentar and åtgärd in the commentary per area. Each stops the run with a
// ConfigError naming the section it would appear in, unless the column is declared.

#include <vector>

#include "core/ledger_transaction.hpp"
#include "core/org_tree.hpp"
#include "core/prognos_snapshot.hpp"
#include "core/run_config.hpp"
#include "reports/model/document.hpp"

namespace namnd {

// `shown` are the rows the table "transaktioner" among `sections` was built from; a report
// without that table, or with a table without rows, shows none of them.
void requirePublishableTransactions(const std::vector<LedgerTransaction>& shown,
                                    const std::vector<Section>& sections, const RunConfig& config);

// The entries of `snapshot` (may be null) as buildCommentarySections places them: under the
// section "kommentar_<area>" of their area at `areaLevel`, or "kommentar_ovriga" when they are
// under no area. An entry whose section is not among `sections` is not shown.
void requirePublishableChefComments(const PrognosSnapshot* snapshot,
                                    const std::vector<Section>& sections, const OrgTree& tree,
                                    int areaLevel, const RunConfig& config);

}  // namespace namnd
