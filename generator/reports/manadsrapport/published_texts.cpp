#include "reports/manadsrapport/published_texts.hpp"

#include <string_view>

#include "core/publication_policy.hpp"

namespace namnd {
namespace {

template <typename T>
const T* sectionWithId(const std::vector<Section>& sections, std::string_view id) {
  for (const Section& section : sections)
    if (const auto* s = std::get_if<T>(&section); s && s->id == id) return s;
  return nullptr;
}

}  // namespace

void requirePublishableTransactions(const std::vector<LedgerTransaction>& shown,
                                    const std::vector<Section>& sections, const RunConfig& config) {
  const Table* table = sectionWithId<Table>(sections, "transaktioner");
  if (!table || table->rows.empty()) return;
  for (const LedgerTransaction& t : shown) {
    requirePublishable(config, "huvudbok.text", t.text, table->title);
    requirePublishable(config, "huvudbok.motpart", t.motpart, table->title);
    requirePublishable(config, "huvudbok.vernr", t.vernr, table->title);
  }
}

void requirePublishableChefComments(const PrognosSnapshot* snapshot,
                                    const std::vector<Section>& sections, const OrgTree& tree,
                                    int areaLevel, const RunConfig& config) {
  if (!snapshot) return;
  for (const PrognosEntry& entry : snapshot->entries) {
    const OrgNode* area = tree.ancestorAtLevel(entry.node, areaLevel);
    const TextSection* section = sectionWithId<TextSection>(
        sections, area ? "kommentar_" + area->code : std::string("kommentar_ovriga"));
    if (!section) continue;
    requirePublishable(config, "prognos.kommentar", entry.kommentar, section->title);
    requirePublishable(config, "prognos.atgard", entry.atgard, section->title);
  }
}

}  // namespace namnd
