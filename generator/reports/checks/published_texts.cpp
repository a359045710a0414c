#include "reports/checks/published_texts.hpp"

#include <string>

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

void requirePublishableTransactions(const std::vector<LedgerTransaction>& shown, const Table& table,
                                    const RunConfig& config, std::string_view textsFile) {
  if (table.rows.empty()) return;
  const ShownIn where{table.title, "transaktioner", textsFile};
  for (const LedgerTransaction& t : shown) {
    requirePublishable(config, "huvudbok.text", t.text, where);
    requirePublishable(config, "huvudbok.motpart", t.motpart, where);
    requirePublishable(config, "huvudbok.vernr", t.vernr, where);
  }
}

void requirePublishableChefComments(const PrognosSnapshot* snapshot,
                                    const std::vector<Section>& sections, const OrgTree& tree,
                                    int areaLevel, const RunConfig& config,
                                    std::string_view textsFile) {
  if (!snapshot) return;
  for (const PrognosEntry& entry : snapshot->entries) {
    const OrgNode* area = tree.ancestorAtLevel(entry.node, areaLevel);
    const TextSection* section = sectionWithId<TextSection>(
        sections, area ? "kommentar_" + area->code : std::string("kommentar_ovriga"));
    if (!section) continue;
    const ShownIn where{section->title, "kommentarer", textsFile};
    requirePublishable(config, "prognos.kommentar", entry.kommentar, where);
    requirePublishable(config, "prognos.atgard", entry.atgard, where);
  }
}

void requirePublishableAppendix(const std::vector<Section>& sections, std::string_view partId,
                                const RunConfig& config, std::string_view textsFile) {
  for (const Section& section : sections) {
    if (const auto* text = std::get_if<TextSection>(&section);
        text && text->id == "investeringar_kommentar")
      for (const std::string& paragraph : text->paragraphs)
        requirePublishable(config, "investeringar.kommentar", paragraph,
                           {text->title, partId, textsFile});
    if (const auto* table = std::get_if<Table>(&section); table && table->id == "budgetram")
      for (const Row& row : table->rows) {
        if (row.kind != RowKind::Item || row.cells.empty()) continue;
        if (const auto* comment = std::get_if<std::string>(&row.cells.back()))
          requirePublishable(config, "budgetram.kommentar", *comment,
                             {table->title, partId, textsFile});
      }
  }
}

}  // namespace namnd
