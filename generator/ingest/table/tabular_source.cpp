#include "ingest/table/tabular_source.hpp"

#include <algorithm>
#include <stdexcept>

namespace namnd {

TableSpec withColumnNames(TableSpec spec,
                          const std::vector<std::pair<std::string, std::string>>& names,
                          const std::string& displayName) {
  for (const auto& entry : names) {
    // Named, not a structured binding: clang 14 (make fuzz) cannot capture one in a lambda.
    const std::string& canonical = entry.first;
    const std::string& header = entry.second;
    const auto column = std::find_if(spec.columns.begin(), spec.columns.end(),
                                     [&](const ColumnSpec& c) { return c.name == canonical; });
    if (column == spec.columns.end()) {
      std::string known;
      for (const ColumnSpec& c : spec.columns) known += (known.empty() ? "" : ", ") + c.name;
      throw ConfigError(displayName + ": \"kolumner\" nämner \"" + canonical +
                        "\", som inte är en kolumn i denna indatatyp (" + known + ")");
    }
    column->exportHeader = header;
  }
  return spec;
}

ColumnId TableSpec::id(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return {static_cast<std::uint32_t>(i), columns[i].name};
  throw std::logic_error("kolumnen " + std::string(name) + " finns inte i indatatypen");
}

int TabularSource::readSplit(const TableSpec& spec, int /*workers*/,
                             const std::function<void(int, const Record&)>& onRecord) {
  read(spec, [&](const Record& record) { onRecord(0, record); });
  return 1;
}

}  // namespace namnd
