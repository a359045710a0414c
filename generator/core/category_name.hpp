#pragma once
// How a source system's category name is compared with the names in the config's taxonomy
// ("avvikelser.taxonomi"): exports differ in case and spacing ("Fall ", "FALL", "fall"), not in
// letters, so names are folded before they are compared.

#include <string>
#include <string_view>

namespace namnd {

// Lower case (ASCII and the Latin-1 letters Å Ä Ö É …, so å/ä/ö stay å/ä/ö), trimmed, and every
// run of white space (space, tab, line breaks, no-break space) as one space:
// "  Brister i  LARM " → "brister i larm".
std::string foldCategoryName(std::string_view name);

}  // namespace namnd
