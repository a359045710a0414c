#pragma once
// Which SIE dimension (the number in an object list `{1 "AN01" 6 "P7"}`) feeds which of our
// cube dimensions. The defaults follow the SIE standard's reserved dimensions.

namespace namnd {

struct SieDimensionMap {  // SIE dimension number → our cube dimension; 0 = not used
  int ansvar = 1;         // SIE dim 1 "Kostnadsställe/resultatenhet" is the usual ansvar
  int verksamhet = 0;
  int projekt = 6;  // SIE dim 6 "Projekt"
};

}  // namespace namnd
