#include "ingest/avvikelse/avvikelse_taxonomy.hpp"

#include "core/category_name.hpp"

namespace namnd {

CategoryLookup::CategoryLookup(const std::map<std::string, std::string>& configured,
                               const std::map<std::string, std::string>& canonical) {
  if (canonical.empty()) {
    for (const auto& [source, report] : configured)
      names_.emplace(foldCategoryName(report), report);
  } else {
    for (const auto& [folded, report] : canonical) names_.emplace(folded, report);
  }
  // The config's entries win over a report name spelt the same way.
  for (const auto& [source, report] : configured) names_.insert_or_assign(source, report);
}

const std::string* CategoryLookup::find(std::string_view sourceText) const {
  const auto found = names_.find(foldCategoryName(sourceText));
  return found == names_.end() ? nullptr : &found->second;
}

AvvikelseTaxonomyLookup::AvvikelseTaxonomyLookup(const AvvikelseTaxonomy& taxonomy)
    : typ(taxonomy.typ, {{"avvikelse", "avvikelse"},
                         {"klagomal", "klagomal"},
                         {"klagomål", "klagomal"},
                         {"lex_sarah", "lex_sarah"},
                         {"lex sarah", "lex_sarah"},
                         {"lex_maria", "lex_maria"},
                         {"lex maria", "lex_maria"},
                         {"extern", "extern"}}),
      lagrum(taxonomy.lagrum, {{"sol", "SoL"}, {"lss", "LSS"}, {"hsl", "HSL"}}),
      kategori(taxonomy.kategori),
      handelsetyp(taxonomy.handelsetyp),
      riktning(taxonomy.riktning, {{"till", "till"}, {"fran", "fran"}, {"från", "fran"}}),
      status(taxonomy.status) {}

std::optional<AvvikelseTyp> avvikelseTypFromName(std::string_view name) {
  if (name == "avvikelse") return AvvikelseTyp::Avvikelse;
  if (name == "klagomal") return AvvikelseTyp::Klagomal;
  if (name == "lex_sarah") return AvvikelseTyp::LexSarah;
  if (name == "lex_maria") return AvvikelseTyp::LexMaria;
  if (name == "extern") return AvvikelseTyp::Extern;
  return std::nullopt;
}

std::optional<Lagrum> lagrumFromName(std::string_view name) {
  if (name == "SoL") return Lagrum::SoL;
  if (name == "LSS") return Lagrum::LSS;
  if (name == "HSL") return Lagrum::HSL;
  return std::nullopt;
}

std::optional<Riktning> riktningFromName(std::string_view name) {
  if (name == "till") return Riktning::TillKommunen;
  if (name == "fran") return Riktning::FranKommunen;
  return std::nullopt;
}

}  // namespace namnd
