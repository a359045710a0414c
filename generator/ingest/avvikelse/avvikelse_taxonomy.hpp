#pragma once
// The config's taxonomy ("avvikelser.taxonomi") as lookups from a source system's category
// text to the report's name. The report's own names map to themselves (an export that already
// writes "HSL" or "Läkemedel" needs no entry), and names are folded before they are compared
// (core/category_name.hpp).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/avvikelse_record.hpp"
#include "core/run_config.hpp"

namespace namnd {

// One map of the taxonomy: folded source name → report name.
class CategoryLookup {
 public:
  // `configured`: the config's map (keys already folded). `canonical`: report names that are
  // valid as they are, folded spelling → report name; when empty, every report name of
  // `configured` maps to itself.
  CategoryLookup(const std::map<std::string, std::string>& configured,
                 const std::map<std::string, std::string>& canonical = {});
  // The report name of a source text, nullptr when neither the config nor the report's own
  // names know it.
  const std::string* find(std::string_view sourceText) const;

 private:
  std::map<std::string, std::string, std::less<>> names_;
};

struct AvvikelseTaxonomyLookup {
  explicit AvvikelseTaxonomyLookup(const AvvikelseTaxonomy& taxonomy);
  CategoryLookup typ;          // → "avvikelse", "klagomal", "lex_sarah", "lex_maria", "extern"
  CategoryLookup lagrum;       // → "SoL", "LSS", "HSL"
  CategoryLookup kategori;     // → the report's HSL kategori
  CategoryLookup handelsetyp;  // → the report's händelsetyp
  CategoryLookup riktning;     // → "till", "fran"
  CategoryLookup status;       // → the report's status text
};

// The report names above as the record's enums; nullopt for anything else.
std::optional<AvvikelseTyp> avvikelseTypFromName(std::string_view name);
std::optional<Lagrum> lagrumFromName(std::string_view name);
std::optional<Riktning> riktningFromName(std::string_view name);

}  // namespace namnd
