#include "core/import_summary.hpp"

namespace namnd {

std::string_view sourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::Huvudbok:
      return "huvudbok";
    case SourceKind::Budget:
      return "budget";
    case SourceKind::Prognos:
      return "prognos";
  }
  return "okänd";
}

}  // namespace namnd
