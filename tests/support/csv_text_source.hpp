#pragma once
// A CSV text as a TabularSource, for reader tests: the text is written to a file in a temp
// folder and read back through the real CsvSource (encoding, dialect, streaming and all).

#include <memory>
#include <string>

#include "ingest/table/csv_source.hpp"
#include "support/test_support.hpp"

namespace namnd::testing {

class CsvTextSource final : public TabularSource {
 public:
  CsvTextSource(const std::string& text, std::string displayName = "fil.csv");
  const std::string& displayName() const override { return source_->displayName(); }
  void read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) override {
    source_->read(spec, onRecord);
  }

 private:
  TempDir dir_;
  std::unique_ptr<CsvSource> source_;
};

}  // namespace namnd::testing
