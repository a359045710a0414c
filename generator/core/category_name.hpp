#pragma once
// How a source system's category name is compared with the names in the config's taxonomy
// ("avvikelser.taxonomi"): exports differ in case and spacing ("Fall ", "FALL", "fall"), not in
// letters, so names are folded before they are compared.

#include <optional>
#include <string>
#include <string_view>

namespace namnd {

// Lower case (ASCII and the Latin-1 letters Å Ä Ö É …, so å/ä/ö stay å/ä/ö), trimmed, and every
// run of white space (space, tab, line breaks, no-break space) as one space:
// "  Brister i  LARM " → "brister i larm".
std::string foldCategoryName(std::string_view name);

// A name as a code of the config's kind: lower-case ASCII, å/ä as a, ö as o, é as e, and every run
// of spaces, '-', '_' or tabs as one '_' ("Ej tillsatt" → "ej_tillsatt", "Utförd tid" →
// "utford_tid"). With `lettersAndDigitsOnly` any other character makes it no code (nullopt);
// without, other ASCII is kept as it is. An empty name gives "".
std::optional<std::string> foldToAsciiCode(std::string_view text, bool lettersAndDigitsOnly);

// Swedish alphabetical order, as a reader expects a list: case and spacing folded
// (foldCategoryName), é as e, ü as y, and å, ä, ö after z in that order (æ as ä, ø as ö);
// names equal so far are ordered by their bytes, so the order is total.
bool swedishLess(std::string_view a, std::string_view b);

}  // namespace namnd
