#include "core/errors.hpp"
#include "store/store.hpp"

namespace namnd {

std::unique_ptr<Store> openStore(const std::string& uri) {
  const std::string sqlite = "sqlite:";
  if (uri.rfind(sqlite, 0) == 0) return openSqliteStore(uri.substr(sqlite.size()));
  throw ConfigError("okänt lager \"" + uri + "\" (endast sqlite:SÖKVÄG finns ännu)");
}

}  // namespace namnd
