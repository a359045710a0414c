#pragma once
// The free text from systems that the månadsrapport and the delårsrapport show, held against the
// config's "publicerbara_kolumner" (core/publication_policy.hpp) by the builders, right where the
// part is made and so before anything is written: a ledger row's text, motpart and vernr in
// "Största transaktioner", an enhetschef's kommentar and åtgärd in the commentary per area, the
// investment plan's and the budgetram file's comments in the delårsrapport's appendix. Each
// stops the run with a ConfigError naming the section it would appear in and the part's id in
// "sektioner" of `textsFile`, unless the column is declared.

#include <string_view>
#include <vector>

#include "core/ledger_transaction.hpp"
#include "core/org_tree.hpp"
#include "core/prognos_snapshot.hpp"
#include "core/run_config.hpp"
#include "reports/model/document.hpp"

namespace namnd {

// `shown` are the rows the table `table` (the part "transaktioner") was built from; a table
// without rows shows none of them.
void requirePublishableTransactions(const std::vector<LedgerTransaction>& shown, const Table& table,
                                    const RunConfig& config, std::string_view textsFile);

// The entries of `snapshot` (may be null) as buildCommentarySections places them: under the
// section "kommentar_<area>" of their area at `areaLevel`, or "kommentar_ovriga" when they are
// under no area (the part "kommentarer"). An entry whose section is not among `sections` is not
// shown.
void requirePublishableChefComments(const PrognosSnapshot* snapshot,
                                    const std::vector<Section>& sections, const OrgTree& tree,
                                    int areaLevel, const RunConfig& config,
                                    std::string_view textsFile);

// The delårsrapport's appendix part `partId` ("budgetram" or "investeringar") as `sections`: the
// projects' comments (the section "investeringar_kommentar", made only of non-empty ones) and
// the budgetram table's last column (Område | Belopp | Kommentar).
void requirePublishableAppendix(const std::vector<Section>& sections, std::string_view partId,
                                const RunConfig& config, std::string_view textsFile);

}  // namespace namnd
